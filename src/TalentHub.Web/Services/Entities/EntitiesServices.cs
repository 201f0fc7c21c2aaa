namespace TalentHub.Web.Services.Entities;

/// <summary>Registers the business entities area's services (importer and exporter).</summary>
public static class EntitiesServices
{
    public static IServiceCollection AddEntities(this IServiceCollection services)
    {
        services.AddScoped<EntitiesImporter>();
        services.AddScoped<EntitiesExport>();
        return services;
    }
}
