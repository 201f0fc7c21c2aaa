namespace TalentHub.Web.Services.Reports;

/// <summary>Registers the report services (targets, indicators, snapshots, dispatch reports).</summary>
public static class ReportsServiceCollectionExtensions
{
    /// <summary>Registers the report services (indicators, dashboard, dispatch report, typical examples, outcomes).</summary>
    public static IServiceCollection AddReports(this IServiceCollection services)
    {
        services.AddScoped<IndicatorCalculator>();
        services.AddScoped<ReportsService>();
        services.AddScoped<DispatchService>();
        services.AddScoped<ExamplesService>();
        services.AddScoped<OutcomeCalculator>();
        return services;
    }
}
