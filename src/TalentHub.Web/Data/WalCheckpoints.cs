using Microsoft.Data.Sqlite;
using TalentHub.Web.Infrastructure;

namespace TalentHub.Web.Data;

/// <summary>
/// Copies SQLite's write-ahead log back into the database file (<c>PRAGMA wal_checkpoint(PASSIVE)</c>) on a background
/// task with a connection of its own, after a large write that ran with automatic checkpoints off (an import's confirm,
/// <see cref="BulkInserter.HoldConnectionAsync"/>). The checkpoint is housekeeping, not part of any write's guarantee:
/// every chunk and the flip are already committed (durable in the log) when it runs, a crash or kill during it loses
/// nothing (SQLite replays the log on the next open), and readers and writers go on meanwhile (PASSIVE waits for
/// nobody). Run in the request it was ~0.7–1.2 s of a 100,000-row confirm's wall time (issue 12, perf7b); left to
/// SQLite it would land on the next save of whichever user first commits past the 1,000-page threshold.
/// At most one checkpoint runs at a time; a request during one runs one more after it (the log may have grown).
/// Failures are logged, never thrown at the requester. Disposing waits for a running checkpoint (app shutdown).
/// </summary>
public sealed class WalCheckpoints(DataDirectory data, ILogger<WalCheckpoints> log) : IAsyncDisposable
{
    private readonly Lock gate = new();
    private Task running = Task.CompletedTask;
    private bool busy;
    private bool again;

    /// <summary>Asks for one passive checkpoint of the app's database soon; returns at once.</summary>
    public void Request()
    {
        lock (gate)
        {
            if (busy)
            {
                again = true;
                return;
            }
            busy = true;
            running = Task.Run(RunAsync);
        }
    }

    /// <summary>Completes when no requested checkpoint is pending or running (tests, shutdown).</summary>
    public async Task WhenIdleAsync()
    {
        while (true)
        {
            Task current;
            lock (gate)
            {
                if (!busy) return;
                current = running;
            }
            await current;
        }
    }

    private async Task RunAsync()
    {
        while (true)
        {
            try
            {
                await using var connection = new SqliteConnection(DataServiceCollectionExtensions.SqliteConnectionString(data.AppDatabase));
                await connection.OpenAsync();
                await using var command = connection.CreateCommand();
                command.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
                await command.ExecuteNonQueryAsync();
            }
            catch (Exception ex) when (ex is SqliteException or IOException or InvalidOperationException)
            {
                log.LogWarning(ex, "Background WAL checkpoint failed; SQLite's automatic checkpoints will copy the log later");
            }
            lock (gate)
            {
                if (!again)
                {
                    busy = false;
                    return;
                }
                again = false;
            }
        }
    }

    /// <summary>Waits for a requested or running checkpoint to finish (the app shuts down).</summary>
    public async ValueTask DisposeAsync() => await WhenIdleAsync();
}
