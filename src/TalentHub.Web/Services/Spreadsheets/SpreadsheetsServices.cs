namespace TalentHub.Web.Services.Spreadsheets;

/// <summary>Registers the import machinery shared by every import page.</summary>
public static class SpreadsheetsServices
{
    public static IServiceCollection AddSpreadsheets(this IServiceCollection services)
    {
        services.AddScoped<UploadStore>();
        services.AddScoped<Data.BulkInserter>();
        // Read per request, as the pages did: tests and operators may change the cap in configuration.
        services.AddScoped(sp => ImportOptions.From(sp.GetRequiredService<IConfiguration>()));
        services.AddScoped(typeof(ImportSteps<>));
        return services;
    }
}
