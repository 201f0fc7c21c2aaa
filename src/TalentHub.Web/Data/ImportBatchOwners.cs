using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace TalentHub.Web.Data;

/// <summary>
/// Tells a pending <see cref="ImportBatch"/> whose confirm is still running from one whose owner is provably gone
/// (review10: a node killed mid-confirm left rows holding their ID numbers' hashes, so a re-import within
/// <c>PendingBatchMinutes</c> counted them as taken until the age-based sweep). On PostgreSQL the owner holds a
/// session-level advisory lock on the batch's id on an unpooled connection of its own from before the batch row is
/// committed until the batch ends; the server drops it with the session when the node dies, so a lock that can be taken
/// means no owner. On SQLite (one process) the owner is this process: a batch it is not running has no owner (after a
/// kill -9 every pending batch is discarded at start-up anyway, <c>MigrateTalentHubDatabaseAsync</c>). One per app.
/// </summary>
public sealed class ImportBatchOwners
{
    /// <summary>The advisory-lock class of batch owners (first key of <c>pg_advisory_lock(int, int)</c>; "THBB").</summary>
    private const int LockClass = 0x5448_4242;

    /// <summary>The <c>application_name</c> of the sessions holding batch locks (visible in <c>pg_stat_activity</c>).</summary>
    public const string LockSessionName = "talenthub-batch-owner";

    /// <summary>The batches this process runs, with the connection holding each one's lock (null on SQLite).</summary>
    private readonly ConcurrentDictionary<long, NpgsqlConnection?> held = new();

    /// <summary>
    /// Makes this process the owner of <paramref name="batchId"/>. Call inside the transaction that inserts the batch
    /// row, before it commits, so no other node ever sees the batch without its owner's lock.
    /// </summary>
    /// <exception cref="InvalidOperationException">Another session holds the lock of this (new) batch id.</exception>
    public async Task HoldAsync(TalentHubDbContext db, long batchId, CancellationToken ct)
    {
        if (!db.Database.IsNpgsql())
        {
            held[batchId] = null;
            return;
        }
        var connection = await TryLockAsync(db, batchId, ct)
            ?? throw new InvalidOperationException($"Import batch {batchId} is already owned by another session.");
        held[batchId] = connection;
    }

    /// <summary>Ends this process's ownership of a batch it committed or discarded (closing its lock's session).</summary>
    public async Task LetGoAsync(long batchId)
    {
        if (!held.TryRemove(batchId, out var connection) || connection is null) return;
        // Closing the unpooled connection ends its session, which drops the lock even if the session is already gone.
        await connection.DisposeAsync();
    }

    /// <summary>
    /// A hold on <paramref name="batchId"/> when its owner is provably gone (dispose it once the batch is discarded), else
    /// null (its confirm is running here or on another node).
    /// </summary>
    public async Task<IAsyncDisposable?> HoldOrphanAsync(TalentHubDbContext db, long batchId, CancellationToken ct)
    {
        if (!db.Database.IsNpgsql()) return held.ContainsKey(batchId) ? null : NoHold.Instance;
        return await TryLockAsync(db, batchId, ct);
    }

    /// <summary>A new unpooled connection holding the batch's lock, or null when another session holds it.</summary>
    private static async Task<NpgsqlConnection?> TryLockAsync(TalentHubDbContext db, long batchId, CancellationToken ct)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString())
            { Pooling = false, ApplicationName = LockSessionName }.ConnectionString);
        try
        {
            await connection.OpenAsync(ct);
            await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(@c, @k)", connection);
            command.Parameters.AddWithValue("c", LockClass);
            command.Parameters.AddWithValue("k", unchecked((int)batchId));
            if (await command.ExecuteScalarAsync(ct) is true) return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
        await connection.DisposeAsync();
        return null;
    }

    private sealed class NoHold : IAsyncDisposable
    {
        public static readonly NoHold Instance = new();
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
