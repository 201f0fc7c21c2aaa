using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Data;
using TalentHub.Web.Domain.Notifications;

namespace TalentHub.Web.Services.Notifications;

/// <summary>
/// Queues notifications in the outbox table; a key already queued is skipped, so callers may retry freely.
/// A notification goes to a registry person (farmers) or to a staff user account (who has no person record).
/// </summary>
public sealed class Outbox(TalentHubDbContext db, TimeProvider clock)
{
    /// <summary>
    /// Queues a message to a registry person (a farmer); <paramref name="about"/> is what the text names besides the course
    /// (<see cref="Notification.About"/>, e.g. a certificate number).
    /// </summary>
    public Task QueueAsync(string key, int personId, NotificationKind kind, int? courseId, string? subject, int? sessionId = null,
        string? about = null, CancellationToken ct = default) =>
        AddAsync(new Notification
        {
            Key = key, PersonId = personId, Kind = kind, CourseId = courseId, SessionId = sessionId,
            Subject = subject, About = about, CreatedAt = clock.GetUtcNow(),
        }, ct);

    /// <summary>
    /// Tells the trainee that <paramref name="certificate"/> was revoked. A certificate is revoked once, so the key is unique per
    /// certificate; keyed by number (not place) so that revoking a reissued certificate tells the trainee again.
    /// </summary>
    public Task QueueCertificateRevokedAsync(Domain.Training.Certificate certificate, string? courseTitle, CancellationToken ct = default) =>
        QueueAsync($"certificate:{certificate.Number}:revoked", certificate.PersonId, NotificationKind.CertificateRevoked,
            certificate.CourseId, courseTitle, about: certificate.Number, ct: ct);

    /// <summary>Queues a message to a staff account (Identity user id); <paramref name="about"/> names whom it concerns.</summary>
    public Task QueueForUserAsync(string key, string userId, NotificationKind kind, int? courseId, string? subject, string? about, CancellationToken ct = default) =>
        AddAsync(new Notification
        {
            Key = key, UserId = userId, Kind = kind, CourseId = courseId, Subject = subject, About = about,
            CreatedAt = clock.GetUtcNow(),
        }, ct);

    private async Task AddAsync(Notification notification, CancellationToken ct)
    {
        if (db.Outbox.Local.Any(n => n.Key == notification.Key) || await db.Outbox.AnyAsync(n => n.Key == notification.Key, ct)) return;
        db.Outbox.Add(notification);
    }
}
