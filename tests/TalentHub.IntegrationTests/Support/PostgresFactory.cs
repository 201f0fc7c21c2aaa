using Npgsql;

namespace TalentHub.IntegrationTests.Support;

/// <summary>
/// The real app with demo data on PostgreSQL: its own fresh database (created just before the host
/// starts, dropped on dispose) on the server named by <see cref="Variable"/>. Quartz keeps its clustered
/// job store in the same database, so nothing is shared between factories.
/// </summary>
public sealed class PostgresFactory : TalentHubFactory
{
    /// <summary>A base connection string, e.g. <c>Host=127.0.0.1;Username=talenthub;Password=…;Database=postgres</c>.</summary>
    public const string Variable = "TALENTHUB_TEST_POSTGRES";

    /// <summary>The base connection string, or null when the Postgres tests are to be skipped.</summary>
    public static string? BaseConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    private readonly Lock _gate = new();
    private string? _connectionString;

    public string DatabaseName { get; } = "talenthub_test_" + Guid.NewGuid().ToString("N")[..16];

    /// <summary>The test database's connection string; the first use creates the database.</summary>
    public string ConnectionString
    {
        get
        {
            lock (_gate) return _connectionString ??= CreateDatabase();
        }
    }

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Database:Provider"] = "Postgres",
        ["ConnectionStrings:Postgres"] = ConnectionString,
        // As an operator's nightly pg_dump leaves it (README "Backups"): the "backup" health check is healthy.
        ["TalentHub:Backup:Marker"] = FreshBackupMarker(),
    };

    private string FreshBackupMarker()
    {
        var marker = Path.Combine(Directory.CreateDirectory(DataDirectory).FullName, "last-pg-dump");
        File.WriteAllText(marker, "");
        return marker;
    }

    private static NpgsqlConnectionStringBuilder Base() => new(BaseConnectionString
        ?? throw new InvalidOperationException($"{Variable} is not set; Postgres tests must be skipped."));

    private string CreateDatabase()
    {
        using (var admin = new NpgsqlConnection(Base().ConnectionString))
        {
            admin.Open();
            // template0 with an explicit encoding and locale: the same database whatever the cluster's defaults.
            using var create = new NpgsqlCommand(
                $"CREATE DATABASE \"{DatabaseName}\" TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'", admin);
            create.ExecuteNonQuery();
        }
        var builder = Base();
        builder.Database = DatabaseName;
        // One pool for the app and Quartz. PostgreSQL's default max_connections is 100 (3 reserved for
        // superusers) while Npgsql's default pool maximum is also 100: stay well below, or 200 parallel
        // requests meet "53300: remaining connection slots are reserved". And wait up to a minute for a
        // pooled connection (default 15 s): the other test collections share the test machine's CPUs.
        builder.MaxPoolSize = 50;
        builder.Timeout = 60;
        return builder.ConnectionString;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        string? connectionString;
        lock (_gate) connectionString = _connectionString;
        if (!disposing || connectionString is null) return;
        using (var pooled = new NpgsqlConnection(connectionString)) NpgsqlConnection.ClearPool(pooled);
        using var admin = new NpgsqlConnection(Base().ConnectionString);
        admin.Open();
        using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{DatabaseName}\" WITH (FORCE)", admin);
        drop.ExecuteNonQuery();
    }
}
