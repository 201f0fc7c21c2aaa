namespace TalentHub.Web.Domain.Training;

/// <summary>One session as the completion rule sees it: its hours and the trainee's mark (null: not taken yet).</summary>
public readonly record struct SessionAttendance(decimal Hours, AttendanceMark? Mark);

/// <summary>Why a trainee did not complete (stored as <c>Enrollment.OutcomeReason</c>, shown localized as "Completion.{reason}").</summary>
public enum NotCompletedReason
{
    Attendance,
    Score,
    NoScore,
}

/// <summary>The verdict for one trainee: completed, or not with the reason; with the attended share of hours (0–1).</summary>
public sealed record CompletionOutcome(bool Completed, NotCompletedReason? Reason, decimal AttendedShare);

/// <summary>
/// The completion rule of PRODUCT.md §5: a trainee completes when the attended share of the course's
/// session hours reaches the course's minimum (default 80 %, inclusive) and, where the course is
/// assessed, the score reaches the pass mark (default 60, inclusive). Present and Late hours count as
/// attended; Absent, Excused and unmarked hours do not.
/// </summary>
public static class CompletionRule
{
    /// <summary>
    /// An assessed course waits up to 7 days after its last session for missing scores (exams are often
    /// marked after the last class) before trainees without a score are decided NotCompleted (NoScore).
    /// </summary>
    public static readonly TimeSpan ScoreGrace = TimeSpan.FromDays(7);

    /// <summary>Whether the sweep may decide a completed course now: unassessed, every score in, or the grace is over.</summary>
    public static bool CanDecide(bool assessed, bool allScored, DateTimeOffset lastSessionEnds, DateTimeOffset now) =>
        !assessed || allScored || now >= lastSessionEnds + ScoreGrace;

    /// <summary>Attended hours / all session hours, 0–1 (0 when the course has no hours).</summary>
    public static decimal AttendedShare(IReadOnlyCollection<SessionAttendance> sessions)
    {
        var total = sessions.Sum(s => s.Hours);
        if (total <= 0) return 0;
        return sessions.Where(s => s.Mark is { } m && AttendanceRecord.CountsAsAttended(m)).Sum(s => s.Hours) / total;
    }

    /// <param name="minShare">Minimum attended share, 0–1 (Course.MinAttendanceShare).</param>
    /// <param name="assessed">Whether the course has a score (Course.Assessed).</param>
    /// <param name="passMark">Pass mark 0–100 (Course.PassMark), used only when assessed.</param>
    /// <param name="score">The trainee's score 0–100, or null when none was entered.</param>
    public static CompletionOutcome Evaluate(decimal minShare, bool assessed, decimal passMark,
        IReadOnlyCollection<SessionAttendance> sessions, decimal? score)
    {
        var share = AttendedShare(sessions);
        if (share < minShare) return new(false, NotCompletedReason.Attendance, share);
        if (assessed && score is null) return new(false, NotCompletedReason.NoScore, share);
        if (assessed && score < passMark) return new(false, NotCompletedReason.Score, share);
        return new(true, null, share);
    }
}
