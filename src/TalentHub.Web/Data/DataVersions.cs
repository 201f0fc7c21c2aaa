using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace TalentHub.Web.Data;

/// <summary>
/// Counters that move whenever this process writes data, so caches keyed by them (<see cref="Services.LiveCache"/>,
/// <see cref="UnchangedReads"/>) never serve a figure computed before the caller's own change: <see cref="Writes"/>
/// moves on every write EF sees (any table, accounts included), <see cref="Domain"/> on any change to a
/// <c>TalentHub.Web.Domain</c> record, <see cref="Catalog"/> on a change to a training record (courses, sessions,
/// enrollments). Per process: another node's change is seen only when the cache entry's time to live ends.
/// </summary>
public sealed class DataVersions
{
    private long writes, domain, catalog;

    /// <summary>Moves on every write (<see cref="UnchangedReads"/>' key).</summary>
    public long Writes => Interlocked.Read(ref writes);
    /// <summary>Moves on every domain change (the dashboard's key).</summary>
    public long Domain => Interlocked.Read(ref domain);
    /// <summary>Moves on every training change (the anonymous catalog's key).</summary>
    public long Catalog => Interlocked.Read(ref catalog);

    /// <summary>Records a domain change (and a write); <paramref name="training"/> also moves <see cref="Catalog"/>.</summary>
    public void Changed(bool training) => Changed(domain: true, training);

    /// <summary>Records a write; <paramref name="domain"/> also moves <see cref="Domain"/>, <paramref name="training"/> <see cref="Catalog"/>.</summary>
    public void Changed(bool domain, bool training)
    {
        Interlocked.Increment(ref writes);
        if (domain) Interlocked.Increment(ref this.domain);
        if (training) Interlocked.Increment(ref catalog);
    }
}

/// <summary>
/// Moves <see cref="DataVersions"/> on every write EF sees: a save that adds, changes or deletes a record (before
/// and after the save, so a read that overlapped it is never cached under the new version; <see cref="DataVersions.Domain"/>
/// only for domain records), a bulk
/// <c>ExecuteUpdate</c>/<c>ExecuteDelete</c> (non-query commands, which bypass the save interceptors), and every
/// committed transaction (a read between a save and its commit saw the old rows).
/// </summary>
public sealed class DataVersionInterceptor(DataVersions versions) : DbCommandInterceptor, ISaveChangesInterceptor, IDbTransactionInterceptor
{
    private const string DomainNamespace = "TalentHub.Web.Domain";
    private const string TrainingNamespace = "TalentHub.Web.Domain.Training";
    private readonly ConditionalWeakTable<DbContext, StrongBox<(bool Domain, bool Training)>> pending = new();

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Saving(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Saving(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData.Context);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Saved(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        versions.Changed(training: true);
        return result;
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result,
        CancellationToken cancellationToken = default)
    {
        versions.Changed(training: true);
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => versions.Changed(training: true);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        versions.Changed(training: true);
        return Task.CompletedTask;
    }

    private void Saving(DbContext? context)
    {
        if (context is null) return;
        var (any, domain, training) = (false, false, false);
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            var ns = entry.Metadata.ClrType.Namespace ?? "";
            any = true;
            domain |= ns.StartsWith(DomainNamespace, StringComparison.Ordinal);
            training |= ns.StartsWith(TrainingNamespace, StringComparison.Ordinal);
        }
        if (!any) return;
        versions.Changed(domain, training);
        pending.AddOrUpdate(context, new StrongBox<(bool, bool)>((domain, training)));
    }

    private void Saved(DbContext? context)
    {
        if (context is null || !pending.TryGetValue(context, out var saved)) return;
        pending.Remove(context);
        versions.Changed(saved.Value.Domain, saved.Value.Training);
    }
}
