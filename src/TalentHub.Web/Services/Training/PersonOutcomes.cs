using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Data;
using TalentHub.Web.Domain.Training;

namespace TalentHub.Web.Services.Training;

/// <summary>A follow-up as shown in a person's story: milestone, due date and, once recorded, the outcome row.</summary>
public sealed record FollowUpSummary(int Id, int Months, DateTimeOffset DueAt, FollowUpRow Row);

/// <summary>What one enrollment led to: attendance share (0–1), score, reason, certificate and follow-ups.</summary>
public sealed record EnrollmentResult(int EnrollmentId, decimal AttendedShare, bool HasMarks, decimal? Score, string? Reason,
    int? CertificateId, string? CertificateNumber, bool Revoked, IReadOnlyList<FollowUpSummary> FollowUps);

/// <summary>
/// The results side of a person's whole story (PRODUCT.md §3, §5), for /People/{id} and /My/Enrollments.
/// The caller has already checked that the viewer may see the person; the course may lie in another county.
/// </summary>
public static class PersonOutcomes
{
    public static async Task<Dictionary<int, EnrollmentResult>> ForPersonAsync(TalentHubDbContext db, int personId, CancellationToken ct = default)
    {
        var enrollments = await db.Enrollments.AsNoTracking().Where(e => e.PersonId == personId)
            .Select(e => new { e.Id, e.CourseId, e.Score, e.OutcomeReason }).ToListAsync(ct);
        var courseIds = enrollments.Select(e => e.CourseId).Distinct().ToList();
        var sessions = (await db.CourseSessions.AsNoTracking().Where(s => courseIds.Contains(s.CourseId))
                .Select(s => new { s.Id, s.CourseId, s.StartsAt, s.EndsAt }).ToListAsync(ct))
            .ToLookup(s => s.CourseId, s => (s.Id, Hours: (decimal)Math.Round((s.EndsAt - s.StartsAt).TotalHours, 1)));
        var marks = (await db.Attendance.AsNoTracking().Where(a => a.PersonId == personId)
                .Select(a => new { a.EnrollmentId, a.SessionId, a.Mark }).ToListAsync(ct))
            .ToLookup(a => a.EnrollmentId);
        var certificates = await db.Certificates.IgnoreQueryFilters([RegionFilter.Name]).AsNoTracking().Where(c => c.PersonId == personId)
            .Select(c => new { c.Id, c.EnrollmentId, c.Number, c.RevokedAt }).ToDictionaryAsync(c => c.EnrollmentId, ct);
        var followUps = (await db.FollowUpTasks.IgnoreQueryFilters([RegionFilter.Name]).AsNoTracking().Where(t => t.PersonId == personId).OrderBy(t => t.Months).ToListAsync(ct))
            .ToLookup(t => t.EnrollmentId);
        return enrollments.ToDictionary(e => e.Id, e =>
        {
            var mine = marks[e.Id].ToDictionary(m => m.SessionId, m => m.Mark);
            var share = CompletionRule.AttendedShare(sessions[e.CourseId]
                .Select(s => new SessionAttendance(s.Hours, mine.TryGetValue(s.Id, out var m) ? m : null)).ToList());
            certificates.TryGetValue(e.Id, out var c);
            return new EnrollmentResult(e.Id, share, mine.Count > 0, e.Score, e.OutcomeReason, c?.Id, c?.Number, c?.RevokedAt is not null,
                followUps[e.Id].Select(t => new FollowUpSummary(t.Id, t.Months, t.DueAt, new FollowUpRow(t.Id, t.PersonId, "", null, t.CourseId, "",
                    t.Months, t.DueAt, t.RecordedAt, t.Unreachable, t.StartedBusiness, t.JoinedEntity, t.AdoptedTechnique, t.IncomeChangePercent, t.Employed))).ToList());
        });
    }
}
