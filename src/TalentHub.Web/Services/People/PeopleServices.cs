namespace TalentHub.Web.Services.People;

/// <summary>Registers the people area's services (the registry, its importer and exporter).</summary>
public static class PeopleServices
{
    public static IServiceCollection AddPeople(this IServiceCollection services)
    {
        services.AddScoped<PersonRegistry>();
        services.AddScoped<PeopleImporter>();
        services.AddScoped<PeopleExport>();
        return services;
    }
}
