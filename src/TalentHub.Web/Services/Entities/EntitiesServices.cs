namespace TalentHub.Web.Services.Entities;

/// <summary>Registers the business entities area's services (importer and exporter).</summary>
public static class EntitiesServices
{
    /// <summary>Registers the entity importer and export.</summary>
    public static IServiceCollection AddEntities(this IServiceCollection services)
    {
        services.AddScoped<EntitiesImporter>();
        services.AddScoped<EntitiesExport>();
        return services;
    }
}
