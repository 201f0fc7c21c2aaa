using TalentHub.Web.Data;

namespace TalentHub.Web.Services.Audit;

/// <summary>Records the events the interceptor cannot see (import, export, reveal); saved with the next SaveChanges.</summary>
public sealed class AuditLog(TalentHubDbContext db, CurrentActor actor, TimeProvider clock)
{
    /// <summary>Records an event described by a note (import, export, reveal, enrollment), stored in its invariant form.</summary>
    public void Record(AuditAction action, string entityType, string? entityId, AuditNote note, string? countyCode = null) =>
        Record(action, entityType, entityId, note.ToString(), countyCode);

    /// <summary>
    /// Tells the audit interceptor that the caller records the creation of <paramref name="entity"/> itself (with a note
    /// saying what matters), so one action is one audit row, not also the interceptor's field dump (an enrollment showed
    /// two Create rows). Later changes of the entity are audited by the interceptor as usual.
    /// </summary>
    public static void RecordsCreationOf(object entity) => Data.AuditInterceptor.CreationRecordedByHand.AddOrUpdate(entity, entity);

    /// <summary>Records a change of fields in the interceptor's JSON form <c>{ "Field": [before, after] }</c> (see <c>UserAccounts.Changes</c>).</summary>
    public void Record(AuditAction action, string entityType, string? entityId, string? summary, string? countyCode = null) =>
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow(),
            UserId = actor.UserId,
            UserName = actor.UserName,
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            CountyCode = countyCode,
            Changes = summary,
        });
}
