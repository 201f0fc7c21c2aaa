using Npgsql;

namespace TalentHub.IntegrationTests.ScaleOut;

/// <summary>
/// One app node of a cluster: the real app on PostgreSQL, in its own data directory (so nothing it keeps
/// on disk can be shared with another node), on a database it shares with the other nodes. A fresh backup
/// marker makes the "backup" health check healthy, as an operator's nightly pg_dump would.
/// </summary>
public sealed class ClusterNode(string connectionString, string name, IReadOnlyDictionary<string, string?>? extra = null) : TalentHubFactory
{
    public string Name => name;

    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var marker = Path.Combine(DataDirectory, "last-pg-dump");
            Directory.CreateDirectory(DataDirectory);
            File.WriteAllText(marker, "");
            var settings = new Dictionary<string, string?>
            {
                ["Database:Provider"] = "Postgres",
                ["ConnectionStrings:Postgres"] = connectionString,
                ["TalentHub:Backup:Marker"] = marker,
            };
            foreach (var (key, value) in extra ?? new Dictionary<string, string?>()) settings[key] = value;
            return settings;
        }
    }

    public override string ToString() => name;
}

/// <summary>A fresh PostgreSQL database on the test server (<see cref="PostgresFactory.Variable"/>), dropped on dispose.</summary>
public sealed class ClusterDatabase : IDisposable
{
    public ClusterDatabase()
    {
        var builder = new NpgsqlConnectionStringBuilder(PostgresFactory.BaseConnectionString
            ?? throw new InvalidOperationException($"{PostgresFactory.Variable} is not set"));
        using (var admin = new NpgsqlConnection(builder.ConnectionString))
        {
            admin.Open();
            using var create = new NpgsqlCommand(
                $"CREATE DATABASE \"{Name}\" TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'", admin);
            create.ExecuteNonQuery();
        }
        builder.Database = Name;
        // Two nodes, each with its own pool (app and Quartz): stay far below max_connections (100).
        builder.MaxPoolSize = 20;
        builder.Timeout = 60;
        ConnectionString = builder.ConnectionString;
    }

    public string Name { get; } = "talenthub_cluster_" + Guid.NewGuid().ToString("N")[..16];

    public string ConnectionString { get; }

    public async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        using var admin = new NpgsqlConnection(PostgresFactory.BaseConnectionString);
        admin.Open();
        using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", admin);
        drop.ExecuteNonQuery();
    }
}
