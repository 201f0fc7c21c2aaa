using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using TalentHub.Web.Domain;

namespace TalentHub.Web.Data;

/// <summary>
/// Stamps every save, so no page or importer does it by hand: a new <see cref="IStamped"/> row gets
/// <c>CreatedAt</c> and <c>UpdatedAt</c> (unless already given, as seed data does); a changed one gets
/// <c>UpdatedAt</c> = now; a changed <see cref="IVersioned"/> row gets <c>Version</c> = original + 1, where the
/// original is what the row had when loaded, or the version a form posted (<see cref="VersionedEntries.ExpectVersion"/>),
/// so a stale form fails the concurrency check. Runs before the audit interceptor.
/// </summary>
public sealed class StampsInterceptor(TimeProvider clock) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } context) Stamp(context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context) Stamp(context);
        return ValueTask.FromResult(result);
    }

    private void Stamp(DbContext context)
    {
        var now = clock.GetUtcNow();
        foreach (var entry in context.ChangeTracker.Entries().ToList())
        {
            if (entry.State == EntityState.Added && entry.Entity is IStamped created)
            {
                if (created.CreatedAt == default) created.CreatedAt = now;
                if (created.UpdatedAt == default) created.UpdatedAt = created.CreatedAt;
            }
            if (entry.State != EntityState.Modified) continue;
            if (entry.Entity is IStamped changed && !entry.Property(nameof(IStamped.UpdatedAt)).IsModified) changed.UpdatedAt = now;
            if (entry.Entity is IVersioned)
            {
                var version = entry.Property(nameof(IVersioned.Version));
                version.CurrentValue = (int)version.OriginalValue! + 1;
            }
        }
    }
}

/// <summary>How a form's edit takes part in the optimistic-concurrency check.</summary>
public static class VersionedEntries
{
    /// <summary>
    /// Saves <paramref name="entity"/> only if the stored row still has the <paramref name="version"/> the form was
    /// shown with; the entity counts as changed even when only its children changed, so its version moves on.
    /// </summary>
    public static void ExpectVersion<T>(this DbContext db, T entity, int version) where T : class, IVersioned
    {
        var property = db.Entry(entity).Property(e => e.Version);
        property.OriginalValue = version;
        property.IsModified = true;
    }
}
