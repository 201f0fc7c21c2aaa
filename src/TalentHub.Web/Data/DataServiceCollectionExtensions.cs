using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Infrastructure;
using TalentHub.Web.Services;
using TalentHub.Web.Services.Audit;
using TalentHub.Web.Services.Notifications;
using TalentHub.Web.Services.Entities;
using TalentHub.Web.Services.People;
using TalentHub.Web.Services.Spreadsheets;
using TalentHub.Web.Services.Training;

namespace TalentHub.Web.Data;

/// <summary>Registers the database (SQLite or PostgreSQL), the region scope, the interceptors and the domain services.</summary>
public static class DataServiceCollectionExtensions
{
    /// <summary>True when <c>Database:Provider</c> is "Postgres" (any case); SQLite otherwise.</summary>
    public static bool UsesPostgres(this IConfiguration configuration) =>
        string.Equals(configuration["Database:Provider"], "Postgres", StringComparison.OrdinalIgnoreCase);

    public static IServiceCollection AddTalentHubData(this IServiceCollection services, IConfiguration configuration, DataDirectory data)
    {
        services.AddSingleton(data);
        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddScoped<IRegionScope, HttpRegionScope>();
        services.AddSingleton<RegionDirectory>();
        services.AddSingleton<CurrentActor>();
        services.AddSingleton<WriteTurns>();
        services.AddScoped<StoredTextRenormalizer>();
        services.AddScoped<CancelledPlaceCertificates>();
        services.AddSingleton<StampsInterceptor>();
        services.AddSingleton<AuditInterceptor>();
        services.AddSingleton<DataVersions>();
        services.AddSingleton<ImportBatchOwners>();
        services.AddSingleton<DataVersionInterceptor>();
        services.AddSingleton<UniqueViolationLog>();
        services.AddSingleton<Services.LiveCache>();
        // One writer only on SQLite; on PostgreSQL another node may change a stamp, so every request reads it.
        services.AddSingleton(sp => new UnchangedReads(sp.GetRequiredService<DataVersions>(), enabled: !configuration.UsesPostgres()));
        services.AddScoped<AuditLog>();
        services.AddScoped<Services.Audit.AuditLinks>();
        services.AddSpreadsheets(configuration.UsesPostgres());
        services.AddNotifications(configuration);
        services.AddPeople();
        services.AddEntities();
        services.AddTraining();
        var options = configuration.GetSection(TalentHubOptions.Section).Get<TalentHubOptions>() ?? new();
        services.AddSingleton(PersonalDataProtector.Create(options.PersonalData, data));
        services.AddScoped<PersonalDataRotation>();

        // The options are built once (everything they hold is a singleton), not on every request: issue 12's trace of
        // /People showed CreateDbContextOptions and EF's service-provider lookup per request. Contexts are leased from
        // EF's pool, each lease given the request's region scope and the keys (TalentHubDbContext.Lease; perf7a).
        if (configuration.UsesPostgres())
        {
            var cs = configuration.GetConnectionString("Postgres")
                ?? throw new InvalidOperationException("ConnectionStrings:Postgres is required when Database:Provider=Postgres.");
            services.AddPooledDbContextFactory<PostgresTalentHubDbContext>((sp, o) => TalentHubDbContext.UseTalentHubServices(o
                .UseNpgsql(cs))
                .AddInterceptors(sp.GetRequiredService<StampsInterceptor>(), sp.GetRequiredService<AuditInterceptor>(),
                    sp.GetRequiredService<DataVersionInterceptor>(), sp.GetRequiredService<UniqueViolationLog>()));
            services.AddScoped<TalentHubDbContext>(sp => TalentHubDbContext.Lease(sp.GetRequiredService<IDbContextFactory<PostgresTalentHubDbContext>>(), sp));
        }
        else
        {
            services.AddPooledDbContextFactory<SqliteTalentHubDbContext>((sp, o) => TalentHubDbContext.UseTalentHubServices(o
                .UseSqlite(SqliteConnectionString(data.AppDatabase)))
                .AddInterceptors(new SqlitePragmas(), SqlitePinyin.Instance, sp.GetRequiredService<StampsInterceptor>(), sp.GetRequiredService<AuditInterceptor>(),
                    sp.GetRequiredService<DataVersionInterceptor>(), sp.GetRequiredService<UniqueViolationLog>()));
            services.AddScoped<TalentHubDbContext>(sp => TalentHubDbContext.Lease(sp.GetRequiredService<IDbContextFactory<SqliteTalentHubDbContext>>(), sp));
        }
        return services;
    }

    public static string SqliteConnectionString(string path) => new SqliteConnectionStringBuilder
    {
        DataSource = path,
        DefaultTimeout = 30,
        Pooling = true,
    }.ToString();

    /// <summary>
    /// Applies migrations (on SQLite after switching the file to WAL, so readers never block the writer), then the
    /// one-time data steps (<see cref="StoredTextRenormalizer"/>, <see cref="CancelledPlaceCertificates"/>), then removes import batches a crash left pending.
    /// </summary>
    public static async Task MigrateTalentHubDatabaseAsync(this IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TalentHubDbContext>();
        if (db.Database.IsSqlite())
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;");
        // Most starts have nothing to apply. MigrateAsync would still take EF's migration lock (a write transaction on
        // SQLite) and build the snapshot model to compare with the current one (BENCHMARKS.md, "city, main 919a2fc").
        if ((await db.Database.GetPendingMigrationsAsync()).Any())
            await db.Database.MigrateAsync();
        await scope.ServiceProvider.GetRequiredService<StoredTextRenormalizer>().RunAsync();
        await scope.ServiceProvider.GetRequiredService<CancelledPlaceCertificates>().RunAsync();
        // Imports a crash left pending were never visible: on SQLite (one process) all of them; on PostgreSQL those
        // whose owner's lock is gone and those untouched for PendingBatchMinutes, since another node may be writing one
        // (issue 8, item 9).
        var options = Services.Spreadsheets.ImportOptions.From(scope.ServiceProvider.GetRequiredService<IConfiguration>());
        var batches = scope.ServiceProvider.GetRequiredService<ImportBatches>();
        if (db.Database.IsSqlite()) await batches.DiscardAbandonedAsync(TimeSpan.Zero, CancellationToken.None);
        else await batches.SweepAsync(options.PendingBatchAge, CancellationToken.None);
    }
}
