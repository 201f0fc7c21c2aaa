using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Data;
using TalentHub.Web.Domain.Training;

namespace TalentHub.Web.Services.Training;

/// <summary>The answer to a farmer's check-in; <see cref="Result"/> names the resource "CheckIn.{Result}".</summary>
public sealed record CheckInOutcome(CheckInResult Result, string? CourseTitle = null, AttendanceMark? Mark = null);

/// <summary>The outcome of one check-in attempt; shown as the resource "CheckIn.{member}".</summary>
public enum CheckInResult
{
    CheckedIn,
    AlreadyCheckedIn,
    /// <summary>Staff already recorded this session as Absent or Excused (roll call or sign-in sheet); a code does not overrule them.</summary>
    MarkedByStaff,
    /// <summary>No open session's current code matches; counted as a failure.</summary>
    Wrong,
    /// <summary>The code of a session whose check-in window has passed; counted as a failure.</summary>
    Expired,
    /// <summary>The code of a session that opens later (check-in opens 30 minutes before the start); counted as a failure.</summary>
    NotOpenYet,
    /// <summary>A valid code, but the person holds no confirmed place on that course.</summary>
    NotEnrolled,
    /// <summary>Refused unchecked: <see cref="CheckInCode.MaxFailures"/> failures within <see cref="CheckInCode.FailureWindow"/>.</summary>
    Throttled,
}

/// <summary>
/// Farmers check in by typing (or scanning) the code shown in class. The code is matched against the
/// sessions open around now; one check-in per person and session (unique index); wrong and expired
/// codes are counted per person, and once <see cref="CheckInCode.MaxFailures"/> have been made in
/// <see cref="CheckInCode.FailureWindow"/> further codes are refused without checking.
/// </summary>
public sealed class CheckInService(TalentHubDbContext db, TimeProvider clock)
{
    /// <summary>
    /// Checks a person in with a 6-digit code: valid from <see cref="CheckInCode.OpensBefore"/> (30 minutes) before a session
    /// starts until it ends; marked Late past <see cref="CheckInCode.LateAfter"/> (see <see cref="CheckInCode.MarkAt"/>).
    /// Wrong, expired and early codes are recorded as failures for the throttle.
    /// </summary>
    public async Task<CheckInOutcome> CheckInAsync(int personId, string? code, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var since = now - CheckInCode.FailureWindow;
        if (await db.CheckInFailures.CountAsync(f => f.PersonId == personId && f.At > since, ct) >= CheckInCode.MaxFailures)
            return new(CheckInResult.Throttled);

        // Sessions whose code could be meant: open now, or ended or opening within the lookback.
        var from = now.AddHours(-2);
        var to = now + CheckInCode.OpensBefore + CheckInCode.OpensBefore;
        var sessions = await db.CourseSessions.AsNoTracking()
            .Where(s => s.CheckInSecret != null && s.StartsAt <= to && s.EndsAt >= from)
            .Join(db.Courses.IgnoreQueryFilters([RegionFilter.Name]).Where(c => c.Status != CourseStatus.Cancelled && c.Status != CourseStatus.Draft),
                s => s.CourseId, c => c.Id, (s, c) => new { s.Id, s.CourseId, s.StartsAt, s.EndsAt, s.CheckInSecret, c.Title })
            .ToListAsync(ct);
        var verdicts = sessions.Select(s => (Session: s, Verdict: CheckInCode.Check(s.CheckInSecret!, s.StartsAt, s.EndsAt, code, now))).ToList();
        var valid = verdicts.Where(v => v.Verdict == CheckInVerdict.Valid).Select(v => v.Session).ToList();
        if (valid.Count == 0)
        {
            var verdict = verdicts.Select(v => v.Verdict).FirstOrDefault(v => v != CheckInVerdict.Wrong, CheckInVerdict.Wrong);
            // Older failures no longer count: drop them so the table stays small.
            await db.CheckInFailures.Where(f => f.PersonId == personId && f.At <= since).ExecuteDeleteAsync(ct);
            db.CheckInFailures.Add(new CheckInFailure { PersonId = personId, At = now });
            await db.SaveChangesAsync(ct);
            return new(verdict switch
            {
                CheckInVerdict.Expired => CheckInResult.Expired,
                CheckInVerdict.NotOpenYet => CheckInResult.NotOpenYet,
                _ => CheckInResult.Wrong,
            });
        }

        var courseIds = valid.Select(s => s.CourseId).ToList();
        var enrollment = await db.Enrollments.AsNoTracking()
            .Where(e => e.PersonId == personId && courseIds.Contains(e.CourseId) && e.Status == EnrollmentStatus.Confirmed)
            .Select(e => new { e.Id, e.CourseId }).FirstOrDefaultAsync(ct);
        if (enrollment is null) return new(CheckInResult.NotEnrolled, valid[0].Title);
        var session = valid.First(s => s.CourseId == enrollment.CourseId);
        if (await RecordedAsync(session.Id, enrollment.Id, session.Title, ct) is { } recorded) return recorded;

        var record = new AttendanceRecord { CourseId = session.CourseId, SessionId = session.Id, EnrollmentId = enrollment.Id, PersonId = personId };
        var mark = CheckInCode.MarkAt(session.StartsAt, now);
        record.Set(mark, AttendanceSource.CheckIn, now, null);
        db.Attendance.Add(record);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            // A double tap (or a sign-in sheet saved at the same moment) raced this one; the unique index kept the first,
            // which is answered as if this post had come a moment later.
            db.ChangeTracker.Clear();
            return await RecordedAsync(session.Id, enrollment.Id, session.Title, ct) ?? new(CheckInResult.AlreadyCheckedIn, session.Title);
        }
        return new(CheckInResult.CheckedIn, session.Title, mark);
    }

    /// <summary>What a record already kept for this place and session says, or null when there is none.</summary>
    private async Task<CheckInOutcome?> RecordedAsync(int sessionId, int enrollmentId, string title, CancellationToken ct)
    {
        var existing = await db.Attendance.AsNoTracking().Where(a => a.SessionId == sessionId && a.EnrollmentId == enrollmentId)
            .Select(a => (AttendanceMark?)a.Mark).FirstOrDefaultAsync(ct);
        // review29: a sign-in sheet saved mid-session records the unticked as Absent; "already checked in" was untrue then.
        if (existing is AttendanceMark.Absent or AttendanceMark.Excused) return new(CheckInResult.MarkedByStaff, title, existing);
        return existing is null ? null : new(CheckInResult.AlreadyCheckedIn, title, existing);
    }
}
