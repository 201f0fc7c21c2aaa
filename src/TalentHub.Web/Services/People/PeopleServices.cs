namespace TalentHub.Web.Services.People;

/// <summary>Registers the people area's services (the registry, its importer and exporter).</summary>
public static class PeopleServices
{
    /// <summary>Registers the registry, people import and export, and the password-help services.</summary>
    public static IServiceCollection AddPeople(this IServiceCollection services)
    {
        services.AddScoped<PersonRegistry>();
        services.AddScoped<PeopleImporter>();
        services.AddScoped<PeopleExport>();
        services.AddScoped<PasswordResetCodes>();
        services.AddScoped<PasswordHelp>();
        // Mailed staff reset links stay valid for two hours (Identity's default is a day).
        services.Configure<Microsoft.AspNetCore.Identity.DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromHours(2));
        return services;
    }
}
