using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Data;
using TalentHub.Web.Domain.Notifications;

namespace TalentHub.Web.Services.Notifications;

/// <summary>Queues notifications in the outbox table; a key already queued is skipped, so callers may retry freely.</summary>
public sealed class Outbox(TalentHubDbContext db, TimeProvider clock)
{
    public async Task QueueAsync(string key, int personId, NotificationKind kind, int? courseId, string? subject, int? sessionId = null, CancellationToken ct = default)
    {
        if (db.Outbox.Local.Any(n => n.Key == key) || await db.Outbox.AnyAsync(n => n.Key == key, ct)) return;
        db.Outbox.Add(new Notification
        {
            Key = key, PersonId = personId, Kind = kind, CourseId = courseId, SessionId = sessionId,
            Subject = subject, CreatedAt = clock.GetUtcNow(),
        });
    }
}
