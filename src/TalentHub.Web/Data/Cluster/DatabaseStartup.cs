using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace TalentHub.Web.Data.Cluster;

/// <summary>
/// Start-up work on the database, safe when several nodes start at once: on PostgreSQL one node at a time
/// holds a session advisory lock while it checks the personal-data keys, migrates and seeds; the others
/// wait for it and then find nothing left to do.
/// </summary>
public static class DatabaseStartup
{
    /// <summary>The advisory lock's key ("TalentHu" in ASCII); any bigint unique to this app would do.</summary>
    public const long AdvisoryLockKey = 0x54616C656E744875;

    public static async Task PrepareTalentHubDatabaseAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TalentHubDbContext>();
            await using var startupLock = await AcquireAsync(db, ct);
            var guard = ActivatorUtilities.CreateInstance<PersonalDataKeyGuard>(scope.ServiceProvider);
            // Keys are checked before the migration when the database can already tell, so a wrong node changes nothing.
            if ((await db.Database.GetAppliedMigrationsAsync(ct)).Any(m => m.EndsWith("_ScaleOut", StringComparison.Ordinal)))
                await guard.VerifyAsync(record: false, ct);
            await services.MigrateTalentHubDatabaseAsync();
            await guard.VerifyAsync(record: true, ct);
            await services.SeedTalentHubAsync();
        }
    }

    /// <summary>On PostgreSQL, waits for <c>pg_advisory_lock</c> on its own connection; on SQLite (one node) nothing.</summary>
    private static async Task<IAsyncDisposable> AcquireAsync(TalentHubDbContext db, CancellationToken ct)
    {
        if (!db.Database.IsNpgsql()) return new NpgsqlLock(null);
        var connection = new NpgsqlConnection(db.Database.GetConnectionString());
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection);
        command.Parameters.AddWithValue("key", AdvisoryLockKey);
        command.CommandTimeout = 0; // another node may be migrating a large database
        await command.ExecuteNonQueryAsync(ct);
        return new NpgsqlLock(connection);
    }

    /// <summary>Closing the session releases the lock, even when start-up failed.</summary>
    private sealed class NpgsqlLock(NpgsqlConnection? connection) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            if (connection is null) return;
            await using (var unlock = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection))
            {
                unlock.Parameters.AddWithValue("key", AdvisoryLockKey);
                await unlock.ExecuteNonQueryAsync();
            }
            await connection.DisposeAsync();
        }
    }
}
