using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace TalentHub.IntegrationTests.Support;

/// <summary>
/// A test seam that makes a write race deterministic: armed for an entity type, the next save of the app that adds,
/// changes or deletes such an entity first runs the rival to completion (e.g. another user's whole form post), outside the
/// request's execution context, so that save then meets the rival's row in the unique index. Unarmed it does nothing.
/// Registered on every test app (<see cref="TalentHubFactory.Rival"/>); arm it only in tests of a serial collection.
/// A save inside a transaction the app begins with the entity already added (<c>StaffFormPage.SaveNewOnceAsync</c>) runs
/// the rival just before that transaction begins instead: on SQLite the transaction holds the one write lock
/// (<c>BEGIN IMMEDIATE</c>), which the rival's post would wait on until its busy timeout.
/// </summary>
public sealed class RivalSave : SaveChangesInterceptor, IDbTransactionInterceptor
{
    public async ValueTask<InterceptionResult<System.Data.Common.DbTransaction>> TransactionStartingAsync(System.Data.Common.DbConnection connection,
        TransactionStartingEventData eventData, InterceptionResult<System.Data.Common.DbTransaction> result, CancellationToken cancellationToken = default)
    {
        if (Take(eventData.Context) is { } rival)
        {
            Task run;
            using (ExecutionContext.SuppressFlow()) run = Task.Run(rival, CancellationToken.None);
            await run;
            Ran = true;
        }
        return result;
    }

    private readonly Lock _gate = new();
    private Type? _type;
    private Func<Task>? _rival;
    private Func<DbContext, Task>? _inline;

    /// <summary>True once the armed rival has run.</summary>
    public bool Ran { get; private set; }

    /// <summary>Runs <paramref name="rival"/> once, just before the next save that adds, modifies or deletes a <typeparamref name="T"/>.</summary>
    public void Arm<T>(Func<Task> rival)
    {
        lock (_gate) (_type, _rival, Ran) = (typeof(T), rival, false);
    }

    /// <summary>
    /// Runs <paramref name="rival"/> once, just before the next save that adds or modifies a <typeparamref name="T"/>, on the saving
    /// context itself (its connection and open transaction): for a rival write that must land while the loser holds SQLite's one
    /// write lock or a PostgreSQL row lock the rival would wait for (write it with raw SQL: the context's tracked changes are the
    /// loser's). What it writes commits or rolls back with the loser's transaction.
    /// </summary>
    public void ArmInline<T>(Func<DbContext, Task> rival)
    {
        lock (_gate) (_type, _rival, _inline, Ran) = (typeof(T), null, rival, false);
    }

    /// <summary>Disarms without running.</summary>
    public void Disarm()
    {
        lock (_gate) (_type, _rival, _inline) = (null, null, null);
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (TakeInline(eventData.Context) is { } inline)
        {
            await inline(eventData.Context!);
            Ran = true;
        }
        else if (Take(eventData.Context) is { } rival)
        {
            Task run;
            // The rival is another user's request: it must not see (or clear) this request's HttpContext.
            using (ExecutionContext.SuppressFlow()) run = Task.Run(rival, CancellationToken.None);
            await run;
            Ran = true;
        }
        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (Take(eventData.Context) is { } rival)
        {
            Task run;
            using (ExecutionContext.SuppressFlow()) run = Task.Run(rival);
            run.GetAwaiter().GetResult();
            Ran = true;
        }
        return result;
    }

    private Func<DbContext, Task>? TakeInline(DbContext? context)
    {
        lock (_gate)
        {
            if (_inline is null || !Matches(context)) return null;
            var rival = _inline;
            (_type, _inline) = (null, null);
            return rival;
        }
    }

    private bool Matches(DbContext? context) =>
        context is not null && context.ChangeTracker.Entries().Any(e => e.Entity.GetType() == _type && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted);

    private Func<Task>? Take(DbContext? context)
    {
        lock (_gate)
        {
            if (_rival is null || context is null) return null;
            if (!context.ChangeTracker.Entries().Any(e => e.Entity.GetType() == _type && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted))
                return null;
            var rival = _rival;
            (_type, _rival) = (null, null);
            return rival;
        }
    }
}
