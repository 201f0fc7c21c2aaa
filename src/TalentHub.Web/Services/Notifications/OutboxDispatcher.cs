using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using TalentHub.Web.Data;
using TalentHub.Web.Domain.Notifications;

namespace TalentHub.Web.Services.Notifications;

/// <summary>
/// Delivers the outbox at least once: an in-app message (unique per notification, so a retry cannot
/// duplicate it) and the configured outside sender; failures are retried on the next run. The outbox key
/// travels to the sender, so a resend after a crash between sending and recording is recognisable
/// (SMTP Message-ID, SMS client id) or skipped (the file sender never writes a key twice).
/// </summary>
public sealed class OutboxDispatcher(TalentHubDbContext db, INotificationSender sender, IStringLocalizer<SharedResource> l, TimeProvider clock, ILogger<OutboxDispatcher> log)
{
    public const int MaxAttempts = 10;

    /// <summary>
    /// Delivers up to <paramref name="batch"/> undelivered notifications, oldest first, skipping those that already failed
    /// <see cref="MaxAttempts"/> times; each is saved on its own, so one failure does not hold back the rest. Returns how many were delivered.
    /// </summary>
    public async Task<int> DispatchAsync(int batch = 200, CancellationToken ct = default)
    {
        var pending = await db.Outbox.Where(n => n.DeliveredAt == null && n.Attempts < MaxAttempts)
            .OrderBy(n => n.Id).Take(batch).ToListAsync(ct);
        var delivered = 0;
        foreach (var notification in pending)
        {
            notification.Attempts++;
            try
            {
                var startsAt = notification.SessionId is { } sid
                    ? await db.CourseSessions.Where(s => s.Id == sid).Select(s => (DateTimeOffset?)s.StartsAt).FirstOrDefaultAsync(ct)
                    : null;
                if (!await db.Messages.AnyAsync(m => m.NotificationId == notification.Id, ct))
                    db.Messages.Add(new Message
                    {
                        NotificationId = notification.Id, PersonId = notification.PersonId, UserId = notification.UserId,
                        Kind = notification.Kind, CourseId = notification.CourseId, Subject = notification.Subject,
                        About = notification.About, SessionStartsAt = startsAt, CreatedAt = clock.GetUtcNow(),
                    });
                var to = await RecipientAsync(notification, ct);
                await sender.SendAsync(new OutgoingNotification(notification.Key, to, Render(notification, startsAt)), ct);
                notification.DeliveredAt = clock.GetUtcNow();
                delivered++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                notification.LastError = e.GetType().Name;
                log.LogWarning("Notification {Id} failed: {Error}", notification.Id, e.GetType().Name);
            }
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
            {
                // Another dispatcher wrote this in-app message first (the unique index caught it): keep theirs.
                foreach (var added in db.ChangeTracker.Entries<Message>().Where(e => e.State == EntityState.Added).ToList())
                    added.State = EntityState.Detached;
                await db.SaveChangesAsync(ct);
            }
        }
        return delivered;
    }

    /// <summary>The person (name, mobile, e-mail) or, for a staff message, the account (display name, e-mail).</summary>
    private Task<NotificationRecipient> RecipientAsync(Notification notification, CancellationToken ct) =>
        notification.PersonId is { } personId
            ? db.People.IgnoreQueryFilters([RegionFilter.Name]).Where(p => p.Id == personId)
                .Select(p => new NotificationRecipient(p.Id, p.Name, p.Mobile, p.Email)).FirstAsync(ct)
            : db.Users.Where(u => u.Id == notification.UserId)
                .Select(u => new NotificationRecipient(null, u.DisplayName, null, u.Email) { UserId = u.Id }).FirstAsync(ct);

    /// <summary>Outside channels speak Chinese (the users' language); the in-app page renders per reader.</summary>
    private string Render(Notification n, DateTimeOffset? startsAt)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        try { return MessageText.Format(l, n.Kind, n.Subject, startsAt, n.About); }
        finally { CultureInfo.CurrentUICulture = previous; }
    }
}
