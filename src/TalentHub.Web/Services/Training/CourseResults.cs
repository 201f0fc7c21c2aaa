using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Data;
using TalentHub.Web.Domain.Training;

namespace TalentHub.Web.Services.Training;

/// <summary>
/// One trainee's results on a course: attendance share (0–1), score, status and reason, risk, and their latest certificate
/// (after a reissue, the new one): id, number, when revoked, whether an officer may reissue it
/// (<see cref="Certificate.ReissueRefusal"/> is null), and the number of the revoked certificate it was reissued for (null for a
/// first issue).
/// </summary>
public sealed record TraineeResult(int EnrollmentId, int PersonId, string Name, string IdNumber, decimal AttendedShare, decimal? Score,
    EnrollmentStatus Status, string? Reason, AtRiskLevel Risk, int? CertificateId, string? CertificateNumber, DateTimeOffset? RevokedAt,
    bool Reissuable = false, string? ReissueOfNumber = null);

/// <summary>Satisfaction of a course or program: answers, trainees asked, average rating (1–5) and the satisfied share (4–5).</summary>
public sealed record Satisfaction(int Answers, int Asked, decimal? Average, decimal? SatisfiedShare)
{
    public decimal? ResponseRate => Asked == 0 ? null : (decimal)Answers / Asked;
    /// <summary>True when the satisfied share reaches the 95 % line.</summary>
    public bool MeetsTarget => SatisfiedShare >= SurveyAnswer.TargetSatisfiedShare;
}

/// <summary>Reads the results of a course (the results page, the person page and the farmer's own page share it).</summary>
public static class CourseResults
{
    /// <summary>Every trainee of the course (confirmed or decided), in enrollment order.</summary>
    public static async Task<IReadOnlyList<TraineeResult>> ForCourseAsync(TalentHubDbContext db, Course course, CancellationToken ct = default)
    {
        var rows = await db.Enrollments.AsNoTracking()
            .Where(e => e.CourseId == course.Id && (e.Status == EnrollmentStatus.Confirmed || e.Status == EnrollmentStatus.Completed || e.Status == EnrollmentStatus.NotCompleted))
            .Join(db.People.IgnoreQueryFilters([RegionFilter.Name]), e => e.PersonId, p => p.Id, (e, p) => new { e, p.Name, p.IdNumber })
            .OrderBy(x => x.e.Id).ToListAsync(ct);
        var marks = (await db.Attendance.AsNoTracking().Where(a => a.CourseId == course.Id)
                .Select(a => new { a.EnrollmentId, a.SessionId, a.Mark }).ToListAsync(ct))
            .ToLookup(a => a.EnrollmentId, a => (a.SessionId, a.Mark));
        // The latest certificate per enrollment: a reissue is newer than the revoked certificate it replaces.
        var all = await db.Certificates.IgnoreQueryFilters([RegionFilter.Name]).AsNoTracking().Where(c => c.CourseId == course.Id).ToListAsync(ct);
        var certificates = all.GroupBy(c => c.EnrollmentId).ToDictionary(g => g.Key, g => g.MaxBy(c => c.Id)!);
        var numbers = all.ToDictionary(c => c.Id, c => c.Number);
        return rows.Select(r =>
        {
            var sessions = CompletionService.Sessions(course, marks, r.e.Id);
            var risk = r.e.Status == EnrollmentStatus.Confirmed ? AtRisk.Assess(course.MinAttendanceShare, sessions) : AtRiskLevel.None;
            certificates.TryGetValue(r.e.Id, out var c);
            return new TraineeResult(r.e.Id, r.e.PersonId, r.Name, r.IdNumber, CompletionRule.AttendedShare(sessions), r.e.Score, r.e.Status,
                r.e.OutcomeReason, risk, c?.Id, c?.Number, c?.RevokedAt, c is not null && c.ReissueRefusal(r.e.Status) is null,
                c?.ReissueOfId is { } of ? numbers.GetValueOrDefault(of) : null);
        }).ToList();
    }

    /// <summary>Satisfaction over the given courses; the asked are the trainees whose places were decided.</summary>
    public static async Task<Satisfaction> SatisfactionAsync(TalentHubDbContext db, IReadOnlyCollection<int> courseIds, CancellationToken ct = default)
    {
        var ratings = await db.SurveyAnswers.AsNoTracking().Where(a => courseIds.Contains(a.CourseId)).Select(a => a.Rating).ToListAsync(ct);
        var asked = await db.Enrollments.CountAsync(e => courseIds.Contains(e.CourseId)
            && (e.Status == EnrollmentStatus.Completed || e.Status == EnrollmentStatus.NotCompleted), ct);
        return ratings.Count == 0
            ? new Satisfaction(0, asked, null, null)
            : new Satisfaction(ratings.Count, asked, Math.Round((decimal)ratings.Average(), 2),
                (decimal)ratings.Count(r => r >= SurveyAnswer.SatisfiedFrom) / ratings.Count);
    }

    /// <summary>Satisfaction per program over the courses visible to the current user (the course filter scopes a county user).</summary>
    public static async Task<Dictionary<int, Satisfaction>> SatisfactionByProgramAsync(TalentHubDbContext db, CancellationToken ct = default)
    {
        var answers = await db.SurveyAnswers.AsNoTracking()
            .Join(db.Courses.Where(c => c.ProgramId != null), a => a.CourseId, c => c.Id, (a, c) => new { ProgramId = c.ProgramId!.Value, a.Rating })
            .GroupBy(x => x.ProgramId)
            .Select(g => new { g.Key, Count = g.Count(), Sum = g.Sum(x => x.Rating), Satisfied = g.Count(x => x.Rating >= SurveyAnswer.SatisfiedFrom) })
            .ToListAsync(ct);
        var asked = await db.Enrollments.AsNoTracking()
            .Where(e => e.Status == EnrollmentStatus.Completed || e.Status == EnrollmentStatus.NotCompleted)
            .Join(db.Courses.Where(c => c.ProgramId != null), e => e.CourseId, c => c.Id, (e, c) => c.ProgramId!.Value)
            .GroupBy(p => p).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return answers.ToDictionary(a => a.Key, a => new Satisfaction(a.Count, asked.GetValueOrDefault(a.Key),
            Math.Round((decimal)a.Sum / a.Count, 2), (decimal)a.Satisfied / a.Count));
    }
}
