using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using TalentHub.Web.Domain;

namespace TalentHub.Web.Data;

/// <summary>
/// All-or-nothing for imports written in many short transactions (issue 8, item 9): rows are written under a
/// pending <see cref="ImportBatch"/> and hidden by <see cref="ImportBatchFilter"/>; <see cref="CommitAsync"/> makes
/// them visible in ONE short transaction (an indexed UPDATE per table; measured in README "Imports");
/// <see cref="DiscardAsync"/> removes a batch's rows in short chunks, and <see cref="DiscardAbandonedAsync"/> does so
/// for batches left by a crash (untouched for <c>TalentHub:Import:PendingBatchMinutes</c>).
/// </summary>
public sealed class ImportBatches(TalentHubDbContext db, TimeProvider clock, ImportBatchOwners owners, ILogger<ImportBatches> log)
{
    /// <summary>Rows removed per short transaction when a batch is discarded.</summary>
    private const int DeleteChunk = 2_000;

    /// <summary>
    /// Starts a pending batch owned by this process (<see cref="ImportBatchOwners"/>; committed at once, so a crash leaves
    /// a trace the cleanup finds). Call outside any transaction: the batch row and its owner's lock are committed together.
    /// </summary>
    public async Task<long> BeginAsync(string kind, string? userId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var batch = new ImportBatch { Kind = kind, UserId = userId, StartedAt = now, TouchedAt = now };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.ImportBatches.Add(batch);
        await db.SaveChangesAsync(ct);
        db.Entry(batch).State = EntityState.Detached;
        await owners.HoldAsync(db, batch.Id, ct);
        try { await tx.CommitAsync(ct); }
        catch
        {
            await owners.LetGoAsync(batch.Id);
            throw;
        }
        return batch.Id;
    }

    /// <summary>
    /// Discards every pending batch whose owner is provably gone (a node killed mid-confirm: <see cref="ImportBatchOwners"/>),
    /// whatever its age, so its rows no longer hold their ID numbers; a validate and a confirm call it first (review10).
    /// Batches still being written, here or on another node, are left alone.
    /// </summary>
    /// <returns>How many batches were discarded.</returns>
    public async Task<int> DiscardOrphansAsync(CancellationToken ct)
    {
        var discarded = 0;
        foreach (var id in await db.ImportBatches.Select(b => b.Id).ToListAsync(ct))
        {
            await using var orphan = await owners.HoldOrphanAsync(db, id, ct);
            if (orphan is null) continue;
            await DiscardAsync(id, ct);
            discarded++;
        }
        return discarded;
    }

    /// <summary>Marks the batch alive; call inside each chunk's transaction.</summary>
    public Task TouchAsync(long batchId, CancellationToken ct) =>
        db.ImportBatches.Where(b => b.Id == batchId).ExecuteUpdateAsync(s => s.SetProperty(b => b.TouchedAt, clock.GetUtcNow()), ct);

    /// <summary>
    /// The flip: in one transaction, every row of the batch becomes visible, the batch row goes and
    /// <paramref name="alsoSave"/> (the import's summary audit row, already added to the context) is saved.
    /// </summary>
    /// <returns>How long the transaction held the write lock.</returns>
    public async Task<TimeSpan> CommitAsync(long batchId, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (await db.ImportBatches.Where(b => b.Id == batchId).ExecuteDeleteAsync(ct) != 1)
            throw new InvalidOperationException($"Import batch {batchId} is gone (discarded as abandoned?).");
        var column = Quote(ImportBatchFilter.Column);
        var now = clock.GetUtcNow();
        foreach (var type in ImportBatchFilter.Types.Select(t => db.Model.FindEntityType(t)!))
        {
            // Identifiers from the EF model, values as parameters. Stamped rows become visible "now": an API client
            // syncing by updatedSince during the import would otherwise skip the chunks stamped before its watermark.
            var table = Sql.DelimitIdentifier(type.GetTableName()!, type.GetSchema());
            var updatedAt = typeof(IStamped).IsAssignableFrom(type.ClrType) ? type.FindProperty(nameof(IStamped.UpdatedAt)) : null;
            var sql = updatedAt is null
                ? $"UPDATE {table} SET {column} = NULL WHERE {column} = {{0}}"
                : $"UPDATE {table} SET {column} = NULL, {Quote(updatedAt.GetColumnName())} = {{1}} WHERE {column} = {{0}}";
            object stamp = updatedAt?.GetTypeMapping().Converter?.ConvertToProvider(now) ?? now;
            await db.Database.ExecuteSqlRawAsync(sql, updatedAt is null ? [batchId] : [batchId, stamp], ct);
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        await owners.LetGoAsync(batchId);
        watch.Stop();
        log.LogInformation("Import batch {Batch} made visible in {Milliseconds} ms", batchId, watch.ElapsedMilliseconds);
        return watch.Elapsed;
    }

    /// <summary>
    /// Removes every row of a pending batch, then the batch, in short transactions. This process gives up owning the
    /// batch either way: should the removal fail, the batch is an orphan the next validate or confirm removes
    /// (<see cref="DiscardOrphansAsync"/>).
    /// </summary>
    public async Task DiscardAsync(long batchId, CancellationToken ct)
    {
        try
        {
            var key = Quote("Id");
            var column = Quote(ImportBatchFilter.Column);
            foreach (var table in Tables())
            {
                var sql = $"DELETE FROM {table} WHERE {key} IN (SELECT {key} FROM {table} WHERE {column} = {{0}} LIMIT {DeleteChunk})";
                while (await db.Database.ExecuteSqlRawAsync(sql, [batchId], ct) > 0) { }
            }
            await db.ImportBatches.Where(b => b.Id == batchId).ExecuteDeleteAsync(ct);
        }
        finally { await owners.LetGoAsync(batchId); }
        log.LogWarning("Import batch {Batch} discarded: none of its rows were ever visible", batchId);
    }

    /// <summary>
    /// The sweep of the <c>ImportCleanup</c> job and of a PostgreSQL start-up: every batch whose owner is provably gone
    /// (<see cref="DiscardOrphansAsync"/>, whatever its age), then every batch untouched for <paramref name="after"/> (an
    /// owner that stopped writing without dying, or a batch of a node too old to hold an owner lock).
    /// </summary>
    /// <returns>How many batches were discarded.</returns>
    public async Task<int> SweepAsync(TimeSpan after, CancellationToken ct) =>
        await DiscardOrphansAsync(ct) + await DiscardAbandonedAsync(after, ct);

    /// <summary>Discards every batch untouched for <paramref name="after"/> (a crashed or killed import).</summary>
    /// <returns>How many batches were discarded.</returns>
    public async Task<int> DiscardAbandonedAsync(TimeSpan after, CancellationToken ct)
    {
        var before = clock.GetUtcNow() - after;
        var abandoned = await db.ImportBatches.Where(b => b.TouchedAt < before).Select(b => b.Id).ToListAsync(ct);
        foreach (var id in abandoned) await DiscardAsync(id, ct);
        return abandoned.Count;
    }

    private IEnumerable<string> Tables() => ImportBatchFilter.Types.Select(t =>
    {
        var type = db.Model.FindEntityType(t)!;
        return Sql.DelimitIdentifier(type.GetTableName()!, type.GetSchema());
    });

    private string Quote(string name) => Sql.DelimitIdentifier(name);

    private ISqlGenerationHelper Sql => ((IInfrastructure<IServiceProvider>)db).GetService<ISqlGenerationHelper>();
}
