using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using System.Security.Cryptography;
using TalentHub.Web.Services;

namespace TalentHub.Web.Data;

/// <summary>
/// What <c>dotnet ef migrations add</c> builds the SQLite context with (README, "Migrations"): the model only. The app's
/// contexts need a region scope and the personal-data keys (<see cref="TalentHubDbContext.Lease"/>), which only a
/// running app has, so the tool could not create them. Here: no region restriction and throwaway keys (the model needs
/// the value converters, never a key); the file named is not opened by <c>migrations add</c>.
/// </summary>
public sealed class SqliteDesignTimeContextFactory : IDesignTimeDbContextFactory<SqliteTalentHubDbContext>
{
    public SqliteTalentHubDbContext CreateDbContext(string[] args) => new(
        new DbContextOptionsBuilder<SqliteTalentHubDbContext>()
            .UseSqlite(DataServiceCollectionExtensions.SqliteConnectionString(Path.Combine(Path.GetTempPath(), "talenthub-design-time.db"))).Options,
        DesignTime.Scope, DesignTime.Keys());
}

/// <summary>
/// The PostgreSQL counterpart of <see cref="SqliteDesignTimeContextFactory"/>; the connection string comes from the
/// tool's arguments (<c>-- "--ConnectionStrings:Postgres=Host=localhost"</c>), else localhost.
/// </summary>
public sealed class PostgresDesignTimeContextFactory : IDesignTimeDbContextFactory<PostgresTalentHubDbContext>
{
    public PostgresTalentHubDbContext CreateDbContext(string[] args)
    {
        var configured = new ConfigurationBuilder().AddCommandLine(args).Build().GetConnectionString("Postgres");
        return new(new DbContextOptionsBuilder<PostgresTalentHubDbContext>().UseNpgsql(configured ?? "Host=localhost").Options,
            DesignTime.Scope, DesignTime.Keys());
    }
}

internal static class DesignTime
{
    public static readonly IRegionScope Scope = new Unrestricted();

    public static PersonalDataProtector Keys() => new(RandomNumberGenerator.GetBytes(32), RandomNumberGenerator.GetBytes(32));

    private sealed class Unrestricted : IRegionScope { public string? CountyCode => null; }
}
