namespace TalentHub.Web.Services.Spreadsheets;

/// <summary>Registers the import machinery shared by every import page.</summary>
public static class SpreadsheetsServices
{
    /// <param name="services">The container.</param>
    /// <param name="sharedUploads">True when several nodes may serve one import (PostgreSQL): uploads wait in the database.</param>
    public static IServiceCollection AddSpreadsheets(this IServiceCollection services, bool sharedUploads)
    {
        if (sharedUploads) services.AddScoped<IUploadStore, DatabaseUploadStore>();
        else services.AddScoped<IUploadStore, UploadStore>();
        services.AddScoped<Data.BulkInserter>();
        services.AddSingleton<Data.WalCheckpoints>();
        services.AddSingleton<ValidatedImports>();
        services.AddScoped<Data.ImportBatches>();
        // Read per request, as the pages did: tests and operators may change the cap in configuration.
        services.AddScoped(sp => ImportOptions.From(sp.GetRequiredService<IConfiguration>()));
        services.AddScoped(typeof(ImportSteps<>));
        return services;
    }
}
