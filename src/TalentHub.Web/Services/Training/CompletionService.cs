using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Data;
using TalentHub.Web.Services.Notifications;
using TalentHub.Web.Domain.Notifications;
using TalentHub.Web.Domain.People;
using TalentHub.Web.Domain.Training;

namespace TalentHub.Web.Services.Training;

/// <summary>
/// Decides Completed / NotCompleted for every confirmed trainee of completed courses (part of the
/// course lifecycle sweep), grants 高素质农民 to those who completed a subsidised program's course,
/// and queues the result and the satisfaction survey. Idempotent: only confirmed places are decided,
/// so a second sweep changes nothing; a sweep after downtime decides everything still open.
/// Also warns at-risk trainees of courses in progress, once per level (outbox key).
/// </summary>
public sealed class CompletionService(TalentHubDbContext db, Outbox outbox, CourseStaff staff, TimeProvider clock)
{
    /// <returns>How many trainees were decided.</returns>
    public async Task<int> CompleteDueAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var due = await db.Courses.IgnoreQueryFilters([RegionFilter.Name])
            .Where(c => c.Status == CourseStatus.Completed && db.Enrollments.Any(e => e.CourseId == c.Id && e.Status == EnrollmentStatus.Confirmed))
            .Select(c => new
            {
                c.Id, c.Assessed, LastEnds = c.Sessions.Max(s => (DateTimeOffset?)s.EndsAt),
                AllScored = !db.Enrollments.Any(e => e.CourseId == c.Id && e.Status == EnrollmentStatus.Confirmed && e.Score == null),
            })
            .ToListAsync(ct);
        var decided = 0;
        foreach (var c in due.Where(c => CompletionRule.CanDecide(c.Assessed, c.AllScored, c.LastEnds ?? now, now)))
            decided += await CompleteCourseAsync(c.Id, ct);
        return decided;
    }

    /// <summary>
    /// Decides every confirmed trainee of one course by its completion rule (attendance share of hours, pass mark when
    /// assessed), dated at the last session's end; grants 高素质农民 when the course belongs to a programme (subsidised training), and
    /// queues the outcome and survey notifications. Returns how many trainees were decided.
    /// </summary>
    public async Task<int> CompleteCourseAsync(int courseId, CancellationToken ct = default)
    {
        var course = await db.Courses.IgnoreQueryFilters([RegionFilter.Name]).Include(c => c.Sessions).FirstAsync(c => c.Id == courseId, ct);
        // Every programme is funded (PRODUCT.md §5), so any programme course is subsidised training; the repeat-rule
        // switch decides which courses count against 不得重复培训, not who becomes 高素质农民.
        var subsidised = course.ProgramId is not null;
        var completedAt = course.Sessions.Count == 0 ? clock.GetUtcNow() : course.Sessions.Max(s => s.EndsAt);
        var enrollments = await db.Enrollments.Where(e => e.CourseId == courseId && e.Status == EnrollmentStatus.Confirmed).ToListAsync(ct);
        var marks = await MarksAsync(courseId, ct);
        var decided = 0;
        foreach (var enrollment in enrollments)
        {
            var outcome = Decide(course, marks, enrollment);
            if (!enrollment.Complete(outcome, completedAt)) continue;
            decided++;
            if (outcome.Completed && subsidised) await GrantAsync(enrollment.PersonId, ct);
            await outbox.QueueAsync($"outcome:{enrollment.Id}", enrollment.PersonId,
                outcome.Completed ? NotificationKind.Completed : NotificationKind.NotCompleted, courseId, course.Title, ct: ct);
            await outbox.QueueAsync($"survey:{enrollment.Id}", enrollment.PersonId, NotificationKind.SurveyInvite, courseId, course.Title, ct: ct);
        }
        await db.SaveChangesAsync(ct);
        return decided;
    }

    /// <summary>The revocation reason written when a corrected mark takes a trainee's completion away (<see cref="Certificate.AttendanceCorrected"/>).</summary>
    public const string AttendanceCorrected = Certificate.AttendanceCorrected;

    /// <summary>
    /// A decided trainee whose result a corrected mark changed: now Completed, or NotCompleted with the reason. For one now
    /// Completed, <paramref name="Certificate"/> says what became of a certificate they already held.
    /// </summary>
    public sealed record Redecision(int EnrollmentId, int PersonId, string Name, bool Completed, NotCompletedReason? Reason,
        CertificateChange Certificate = CertificateChange.None);

    /// <summary>What a redecision did to a certificate the trainee already held.</summary>
    public enum CertificateChange
    {
        /// <summary>Nothing (none held, a valid one kept, or one already revoked by an officer while NotCompleted).</summary>
        None,
        /// <summary>Revoked because this correction took the completion away (<see cref="Certificate.AttendanceCorrected"/>).</summary>
        Revoked,
        /// <summary>Revoked for an earlier attendance correction, now valid again.</summary>
        Reinstated,
        /// <summary>Revoked for another reason (an officer's revocation): stays revoked although the trainee is Completed again.</summary>
        StaysRevoked,
    }

    /// <summary>
    /// After marks were corrected on a Completed course, re-decides the already decided trainees among
    /// <paramref name="enrollmentIds"/> with the sweep's rule (<see cref="CompletionRule"/>; scores count where assessed).
    /// One who no longer completes becomes NotCompleted with the reason and their certificate is revoked
    /// (<see cref="AttendanceCorrected"/>, by <paramref name="by"/>, audited); one who now completes becomes Completed, is
    /// granted 高素质农民 as the sweep grants it, and a certificate revoked for an earlier correction is reinstated
    /// (<see cref="Certificate.Reinstate"/>, audited) — one revoked for another reason stays revoked. New certificates are issued by
    /// <see cref="CertificateService"/>. Each is told the new result in one message: <see cref="NotificationKind.CertificateRevokedForCorrection"/>
    /// or <see cref="NotificationKind.CertificateReinstated"/> (with the certificate number) when their certificate changed,
    /// <see cref="NotificationKind.CompletedCertificateStaysRevoked"/> (with its number) when Completed again with a certificate an officer revoked, else
    /// <see cref="NotificationKind.Completed"/> / <see cref="NotificationKind.NotCompleted"/>. The enrollment rows are written before their certificates are read, so on PostgreSQL (READ COMMITTED)
    /// a certificate job touching the same rows (<see cref="CertificateService"/>) has either committed and is seen, or waits.
    /// Saves, without committing a transaction the caller holds. Courses not Completed change nothing.
    /// </summary>
    public async Task<IReadOnlyList<Redecision>> RedecideAsync(int courseId, IReadOnlyCollection<int> enrollmentIds, string? by, CancellationToken ct = default)
    {
        var course = await db.Courses.IgnoreQueryFilters([RegionFilter.Name]).Include(c => c.Sessions).FirstAsync(c => c.Id == courseId, ct);
        if (course.Status != CourseStatus.Completed || enrollmentIds.Count == 0) return [];
        var enrollments = await db.Enrollments.Where(e => e.CourseId == courseId && enrollmentIds.Contains(e.Id)
            && (e.Status == EnrollmentStatus.Completed || e.Status == EnrollmentStatus.NotCompleted)).OrderBy(e => e.Id).ToListAsync(ct);
        if (enrollments.Count == 0) return [];
        var marks = await MarksAsync(courseId, ct);
        var now = clock.GetUtcNow();
        var redecided = new List<(Enrollment Enrollment, CompletionOutcome Outcome)>();
        foreach (var enrollment in enrollments)
        {
            var outcome = Decide(course, marks, enrollment);
            if (enrollment.Redecide(outcome)) redecided.Add((enrollment, outcome));
        }
        // Write the new statuses first: the rows stay locked (PostgreSQL) until the caller commits, so the certificates read
        // below include any a racing job committed before, and a later job's re-check waits and then sees the new status.
        await db.SaveChangesAsync(ct);
        var changes = new List<Redecision>();
        if (redecided.Count == 0) return changes;
        // The certificates and names of all the redecided trainees in one query each, not one per trainee (training31).
        var redecidedIds = redecided.Select(r => r.Enrollment.Id).ToList();
        // The latest certificate of each: after a reissue the new one (valid or revoked again), never the one it replaced.
        var certificates = (await db.Certificates.IgnoreQueryFilters([RegionFilter.Name]).Where(c => redecidedIds.Contains(c.EnrollmentId))
                .ToListAsync(ct))
            .GroupBy(c => c.EnrollmentId).ToDictionary(g => g.Key, g => g.MaxBy(c => c.Id)!);
        var personIds = redecided.Select(r => r.Enrollment.PersonId).Distinct().ToList();
        var names = await db.People.IgnoreQueryFilters([RegionFilter.Name]).Where(p => personIds.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        foreach (var (enrollment, outcome) in redecided)
        {
            if (outcome.Completed && course.ProgramId is not null) await GrantAsync(enrollment.PersonId, ct);
            var certificate = certificates.GetValueOrDefault(enrollment.Id);
            var change = CertificateChange.None;
            if (!outcome.Completed && certificate is { IsRevoked: false })
            {
                certificate.RevokeForCorrection(by, now);
                change = CertificateChange.Revoked;
            }
            else if (outcome.Completed && certificate is { IsRevokedForCorrection: true })
            {
                certificate.Reinstate();
                change = CertificateChange.Reinstated;
            }
            else if (outcome.Completed && certificate is { IsRevoked: true }) change = CertificateChange.StaysRevoked;
            // One message per correction: a revoked, reinstated or still revoked certificate is named (by number) in place of the bare result.
            var kind = change switch
            {
                CertificateChange.Revoked => NotificationKind.CertificateRevokedForCorrection,
                CertificateChange.Reinstated => NotificationKind.CertificateReinstated,
                CertificateChange.StaysRevoked => NotificationKind.CompletedCertificateStaysRevoked,
                _ => outcome.Completed ? NotificationKind.Completed : NotificationKind.NotCompleted,
            };
            await outbox.QueueAsync($"outcome:{enrollment.Id}:corrected:{now.UtcTicks}", enrollment.PersonId, kind, courseId, course.Title,
                about: kind is NotificationKind.Completed or NotificationKind.NotCompleted ? null : certificate!.Number, ct: ct);
            changes.Add(new(enrollment.Id, enrollment.PersonId, names[enrollment.PersonId], outcome.Completed, outcome.Reason, change));
        }
        await db.SaveChangesAsync(ct);
        return changes;
    }

    private static CompletionOutcome Decide(Course course, ILookup<int, (int SessionId, AttendanceMark Mark)> marks, Enrollment enrollment) =>
        CompletionRule.Evaluate(course.MinAttendanceShare, course.Assessed, course.PassMark, Sessions(course, marks, enrollment.Id), enrollment.Score);

    private async Task GrantAsync(int personId, CancellationToken ct)
    {
        var person = await db.People.IgnoreQueryFilters([RegionFilter.Name]).Include(p => p.Categories).FirstAsync(p => p.Id == personId, ct);
        person.Grant(TalentCategory.HighQualityFarmer);
    }

    /// <summary>
    /// Queues a warning for each confirmed trainee of a course in progress whose risk level is new, to the trainee and
    /// to each of the course's staff (<see cref="CourseStaff"/>), once per level and recipient (outbox keys
    /// <c>atrisk:{enrollment}:{level}</c> and <c>…:user:{id}</c>). Returns how many trainee warnings were queued.
    /// </summary>
    public async Task<int> WarnAtRiskAsync(CancellationToken ct = default)
    {
        var courses = await db.Courses.IgnoreQueryFilters([RegionFilter.Name]).Include(c => c.Sessions)
            .Where(c => c.Status == CourseStatus.InProgress).ToListAsync(ct);
        var queued = 0;
        foreach (var course in courses)
        {
            var risks = await AtRiskAsync(course, ct);
            if (risks.Count == 0) continue;
            var staffIds = await staff.OfAsync(course, ct);
            foreach (var (enrollment, level) in risks)
            {
                var impossible = level == AtRiskLevel.Impossible;
                var key = $"atrisk:{enrollment.Id}:{level}";
                if (!await db.Outbox.AnyAsync(n => n.Key == key, ct))
                {
                    await outbox.QueueAsync(key, enrollment.PersonId, impossible ? NotificationKind.CompletionImpossible : NotificationKind.AtRisk,
                        course.Id, course.Title, ct: ct);
                    queued++;
                }
                var name = await db.People.IgnoreQueryFilters([RegionFilter.Name]).Where(p => p.Id == enrollment.PersonId).Select(p => p.Name).FirstAsync(ct);
                foreach (var userId in staffIds)
                    await outbox.QueueForUserAsync($"{key}:user:{userId}", userId,
                        impossible ? NotificationKind.TraineeCompletionImpossible : NotificationKind.TraineeAtRisk, course.Id, course.Title, name, ct);
            }
        }
        await db.SaveChangesAsync(ct);
        return queued;
    }

    /// <summary>Confirmed trainees of a course whose absences put completion at risk, with the level.</summary>
    public async Task<IReadOnlyList<(Enrollment Enrollment, AtRiskLevel Level)>> AtRiskAsync(Course course, CancellationToken ct = default)
    {
        var enrollments = await db.Enrollments.AsNoTracking()
            .Where(e => e.CourseId == course.Id && e.Status == EnrollmentStatus.Confirmed).OrderBy(e => e.Id).ToListAsync(ct);
        var marks = await MarksAsync(course.Id, ct);
        return enrollments.Select(e => (e, AtRisk.Assess(course.MinAttendanceShare, Sessions(course, marks, e.Id))))
            .Where(x => x.Item2 != AtRiskLevel.None).ToList();
    }

    private async Task<ILookup<int, (int SessionId, AttendanceMark Mark)>> MarksAsync(int courseId, CancellationToken ct) =>
        (await db.Attendance.AsNoTracking().Where(a => a.CourseId == courseId)
            .Select(a => new { a.EnrollmentId, a.SessionId, a.Mark }).ToListAsync(ct))
        .ToLookup(a => a.EnrollmentId, a => (a.SessionId, a.Mark));

    /// <summary>Each session of the course with this trainee's mark (null when none was taken).</summary>
    public static IReadOnlyList<SessionAttendance> Sessions(Course course, ILookup<int, (int SessionId, AttendanceMark Mark)> marks, int enrollmentId)
    {
        var mine = marks[enrollmentId].ToDictionary(m => m.SessionId, m => m.Mark);
        return course.Sessions.Select(s => new SessionAttendance(s.Hours, mine.TryGetValue(s.Id, out var m) ? m : null)).ToList();
    }
}
