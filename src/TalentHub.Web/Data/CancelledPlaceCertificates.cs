using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Domain.Notifications;
using TalentHub.Web.Domain.Training;
using TalentHub.Web.Services.Audit;
using TalentHub.Web.Services.Notifications;

namespace TalentHub.Web.Data;

/// <summary>
/// One-time data fix (fix35c) for places cancelled by a roster correction before 759d70b: the correction ended the place
/// but left its certificate valid, so it verified as genuine and counted in the reports. Every valid certificate of a
/// cancelled place is revoked as the correction now does it (<see cref="Services.Training.EnrollmentService.CorrectAsync"/>):
/// with the correction's reason as stored on the place (<see cref="Certificate.RevokeForCorrection"/> when that reason is
/// <see cref="Certificate.AttendanceCorrected"/>; <see cref="FallbackReason"/> when none was stored), by
/// <see cref="CurrentActor.SystemName"/>, and the trainee is told (the same outbox key as an officer's revocation, so never
/// twice). Runs at start-up after the migrations, in chunks, each saved through the usual interceptors (audited as the
/// system's). Resumable: only certificates still valid are touched, so a run cut short is finished by the next start; a
/// completed run leaves a <see cref="JobRun"/> named <see cref="MarkerName"/>, after which it does nothing. A certificate
/// revoked meanwhile by another node's run or an officer (RevokedAt is a concurrency token) is left as that revocation says.
/// </summary>
public sealed class CancelledPlaceCertificates(TalentHubDbContext db, Outbox outbox, TimeProvider clock, ILogger<CancelledPlaceCertificates> log)
{
    public const string MarkerName = "CancelledPlaceCertificates";
    /// <summary>The revocation reason when the cancelled place stored none (a roster correction always stores one).</summary>
    public const string FallbackReason = "名单更正 / roster corrected";
    private const int Chunk = 200;

    /// <returns>How many certificates were revoked (0 once the marker exists).</returns>
    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        if (await db.JobRuns.AnyAsync(r => r.JobName == MarkerName && r.Succeeded, ct)) return 0;
        var started = clock.GetUtcNow();
        var revoked = 0;
        for (var lastId = 0; ;)
        {
            var rows = await db.Certificates.IgnoreQueryFilters()
                .Where(c => c.Id > lastId && c.RevokedAt == null)
                .Join(db.Enrollments.IgnoreQueryFilters().Where(e => e.Status == EnrollmentStatus.Cancelled),
                    c => c.EnrollmentId, e => e.Id, (c, e) => new { Certificate = c, e.OutcomeReason })
                .OrderBy(x => x.Certificate.Id).Take(Chunk).ToListAsync(ct);
            if (rows.Count == 0) break;
            var courseIds = rows.Select(r => r.Certificate.CourseId).Distinct().ToList();
            var titles = await db.Courses.IgnoreQueryFilters().Where(c => courseIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Title, ct);
            var now = clock.GetUtcNow();
            foreach (var row in rows)
            {
                var certificate = row.Certificate;
                var reason = string.IsNullOrWhiteSpace(row.OutcomeReason) ? FallbackReason : row.OutcomeReason.Trim();
                certificate.RevokeForRosterCorrection(reason, CurrentActor.SystemName, now);
                await outbox.QueueCertificateRevokedAsync(certificate, titles.GetValueOrDefault(certificate.CourseId), ct);
            }
            try
            {
                await db.SaveChangesAsync(ct);
                revoked += rows.Count;
                lastId = rows[^1].Certificate.Id;
            }
            catch (DbUpdateException ex) when (ex is DbUpdateConcurrencyException || UniqueViolation.Is(ex))
            {
                // Another node's run or an officer revoked one of these meanwhile: that revocation stands; read the chunk again.
                log.LogInformation("A certificate of a cancelled place was revoked meanwhile; reading the chunk again");
            }
            db.ChangeTracker.Clear();
        }
        db.JobRuns.Add(new JobRun { JobName = MarkerName, StartedAt = started, FinishedAt = clock.GetUtcNow(), Succeeded = true, Message = $"Revoked={revoked}" });
        await db.SaveChangesAsync(ct);
        if (revoked > 0) log.LogWarning("Revoked {Count} certificates of places cancelled by a roster correction before the correction revoked them", revoked);
        return revoked;
    }
}
