namespace TalentHub.Web.Domain.Training;

/// <summary>
/// One trainee's attendance at one session; at most one per (session, enrollment), enforced by a unique index.
/// Audited: a correction keeps who, when and the value before and after in the audit log.
/// </summary>
public sealed class AttendanceRecord : IAudited
{
    public int Id { get; private set; }
    public int CourseId { get; init; }
    public int SessionId { get; init; }
    public int EnrollmentId { get; init; }
    public int PersonId { get; init; }
    public AttendanceMark Mark { get; private set; }
    public AttendanceSource Source { get; private set; }
    /// <summary>When the mark was last set (UTC instant).</summary>
    public DateTimeOffset MarkedAt { get; private set; }
    public string? MarkedBy { get; private set; }

    /// <summary>Sets the mark; returns false when nothing changed (so no audit row is written).</summary>
    public bool Set(AttendanceMark mark, AttendanceSource source, DateTimeOffset now, string? by)
    {
        if (Id != 0 && Mark == mark) return false;
        Mark = mark;
        Source = source;
        MarkedAt = now;
        MarkedBy = by;
        return true;
    }

    /// <summary>Present and Late count as attended; Absent and Excused do not (an excuse explains an absence, it does not replace the hours).</summary>
    public static bool CountsAsAttended(AttendanceMark mark) => mark is AttendanceMark.Present or AttendanceMark.Late;
}

/// <summary>A wrong or expired check-in code typed by a person; counted to throttle guessing (see <see cref="CheckInCode.MaxFailures"/>).</summary>
public sealed class CheckInFailure
{
    public long Id { get; private set; }
    public int PersonId { get; init; }
    public DateTimeOffset At { get; init; }
}
