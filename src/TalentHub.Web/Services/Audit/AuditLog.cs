using TalentHub.Web.Data;

namespace TalentHub.Web.Services.Audit;

/// <summary>Records the events the interceptor cannot see (import, export, reveal); saved with the next SaveChanges.</summary>
public sealed class AuditLog(TalentHubDbContext db, CurrentActor actor, TimeProvider clock)
{
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
