using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Data;
using TalentHub.Web.Domain.Training;

namespace TalentHub.Web.Services.Training;

/// <summary>A follow-up as shown in a person's story: milestone, due date and, once recorded, the outcome row.</summary>
public sealed record FollowUpSummary(int Id, int Months, DateTimeOffset DueAt, FollowUpRow Row);

/// <summary>What one enrollment led to: attendance share (0–1), score, reason, latest certificate (a reissue over the one it replaces) and follow-ups.</summary>
public sealed record EnrollmentResult(int EnrollmentId, decimal AttendedShare, bool HasMarks, decimal? Score, string? Reason,
    int? CertificateId, string? CertificateNumber, bool Revoked, IReadOnlyList<FollowUpSummary> FollowUps);

/// <summary>
/// The results side of a person's whole story (PRODUCT.md §3, §5), for /People/{id} and /My/Enrollments.
/// The caller has already checked that the viewer may see the person; the course may lie in another county.
/// </summary>
public static class PersonOutcomes
{
    /// <summary>Every enrollment of <paramref name="personId"/> with what it led to, by enrollment id.</summary>
    public static Task<Dictionary<int, EnrollmentResult>> ForPersonAsync(TalentHubDbContext db, int personId, CancellationToken ct = default) =>
        ForPersonAsync(db, personId, viaEf: false, ct);

    /// <summary>
    /// As <see cref="ForPersonAsync(TalentHubDbContext,int,CancellationToken)"/>; on SQLite the five reads go through
    /// <see cref="PersonOutcomesSqlite"/> (kept prepared statements, no EF query pipeline: issue 12, perf6b) unless
    /// <paramref name="viaEf"/>, which the tests use to compare both.
    /// </summary>
    internal static async Task<Dictionary<int, EnrollmentResult>> ForPersonAsync(TalentHubDbContext db, int personId, bool viaEf, CancellationToken ct = default)
    {
        var story = (viaEf ? null : await PersonOutcomesSqlite.ReadAsync(db, personId, ct)) ?? await ReadAsync(db, personId, ct);
        var sessions = story.Sessions.ToLookup(s => s.CourseId, s => (s.Id, Hours: (decimal)Math.Round((s.EndsAt - s.StartsAt).TotalHours, 1)));
        var marks = story.Marks.ToLookup(a => a.EnrollmentId);
        // The latest certificate per enrollment: a reissue is newer than the revoked certificate it replaces.
        var certificates = story.Certificates.GroupBy(c => c.EnrollmentId).ToDictionary(g => g.Key, g => g.MaxBy(c => c.Id)!);
        var followUps = story.FollowUps.ToLookup(t => t.EnrollmentId);
        return story.Enrollments.ToDictionary(e => e.Id, e =>
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

    /// <summary>The rows a person's results are built from (no region filter applies to any of them).</summary>
    internal sealed record Story(List<EnrollmentData> Enrollments, List<SessionData> Sessions, List<MarkData> Marks,
        List<CertificateData> Certificates, List<FollowUpData> FollowUps);
    internal sealed record EnrollmentData(int Id, int CourseId, decimal? Score, string? OutcomeReason);
    internal sealed record SessionData(int Id, int CourseId, DateTimeOffset StartsAt, DateTimeOffset EndsAt);
    internal sealed record MarkData(int EnrollmentId, int SessionId, AttendanceMark Mark);
    internal sealed record CertificateData(int Id, int EnrollmentId, string Number, DateTimeOffset? RevokedAt);
    /// <summary>A follow-up's fields the story shows, in <c>Months</c> order (then id) per person.</summary>
    internal sealed record FollowUpData(int Id, int EnrollmentId, int PersonId, int CourseId, int Months, DateTimeOffset DueAt,
        DateTimeOffset? RecordedAt, bool Unreachable, bool StartedBusiness, bool JoinedEntity, bool AdoptedTechnique,
        decimal? IncomeChangePercent, bool Employed);

    private static async Task<Story> ReadAsync(TalentHubDbContext db, int personId, CancellationToken ct)
    {
        var enrollments = await db.Enrollments.AsNoTracking().Where(e => e.PersonId == personId)
            .Select(e => new EnrollmentData(e.Id, e.CourseId, e.Score, e.OutcomeReason)).ToListAsync(ct);
        var courseIds = enrollments.Select(e => e.CourseId).Distinct().ToList();
        var sessions = await db.CourseSessions.AsNoTracking().Where(s => courseIds.Contains(s.CourseId))
            .Select(s => new SessionData(s.Id, s.CourseId, s.StartsAt, s.EndsAt)).ToListAsync(ct);
        var marks = await db.Attendance.AsNoTracking().Where(a => a.PersonId == personId)
            .Select(a => new MarkData(a.EnrollmentId, a.SessionId, a.Mark)).ToListAsync(ct);
        var certificates = await db.Certificates.IgnoreQueryFilters([RegionFilter.Name]).AsNoTracking().Where(c => c.PersonId == personId)
            .Select(c => new CertificateData(c.Id, c.EnrollmentId, c.Number, c.RevokedAt)).ToListAsync(ct);
        var followUps = await db.FollowUpTasks.IgnoreQueryFilters([RegionFilter.Name]).AsNoTracking().Where(t => t.PersonId == personId)
            .OrderBy(t => t.Months).ThenBy(t => t.Id)
            .Select(t => new FollowUpData(t.Id, t.EnrollmentId, t.PersonId, t.CourseId, t.Months, t.DueAt, t.RecordedAt, t.Unreachable,
                t.StartedBusiness, t.JoinedEntity, t.AdoptedTechnique, t.IncomeChangePercent, t.Employed)).ToListAsync(ct);
        return new Story(enrollments, sessions, marks, certificates, followUps);
    }
}
