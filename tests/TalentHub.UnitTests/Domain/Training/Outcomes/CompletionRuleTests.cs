using TalentHub.Web.Domain.Training;

namespace TalentHub.UnitTests.Domain.Training.Outcomes;

public sealed class CompletionRuleTests
{
    private static SessionAttendance S(decimal hours, AttendanceMark? mark) => new(hours, mark);

    /// <summary>Ten 4-hour sessions; the first <paramref name="attended"/> attended, the rest absent.</summary>
    private static List<SessionAttendance> Ten(int attended, AttendanceMark rest = AttendanceMark.Absent) =>
        Enumerable.Range(0, 10).Select(i => S(4, i < attended ? AttendanceMark.Present : rest)).ToList();

    [Fact]
    public void ExactlyEightyPercent_Completes()
    {
        var outcome = CompletionRule.Evaluate(0.8m, false, 60, Ten(8), null);
        Assert.True(outcome.Completed);
        Assert.Equal(0.8m, outcome.AttendedShare);
    }

    [Fact]
    public void JustBelowEightyPercent_DoesNotComplete_ForAttendance()
    {
        // 39 of 48 hours = 81.25 % completes; 38 of 48 = 79.2 % does not.
        var sessions = new List<SessionAttendance> { S(38, AttendanceMark.Present), S(10, AttendanceMark.Absent) };
        var outcome = CompletionRule.Evaluate(0.8m, false, 60, sessions, null);
        Assert.False(outcome.Completed);
        Assert.Equal(NotCompletedReason.Attendance, outcome.Reason);
        Assert.True(CompletionRule.Evaluate(0.8m, false, 60, [S(39, AttendanceMark.Present), S(9, AttendanceMark.Absent)], null).Completed);
    }

    [Fact]
    public void LateHours_CountAsAttended()
    {
        var sessions = Ten(6);
        sessions[6] = S(4, AttendanceMark.Late);
        sessions[7] = S(4, AttendanceMark.Late);
        Assert.True(CompletionRule.Evaluate(0.8m, false, 60, sessions, null).Completed);
    }

    [Fact]
    public void ExcusedHours_DoNotCountAsAttended()
    {
        var sessions = Ten(7, AttendanceMark.Excused);
        var outcome = CompletionRule.Evaluate(0.8m, false, 60, sessions, null);
        Assert.False(outcome.Completed);
        Assert.Equal(NotCompletedReason.Attendance, outcome.Reason);
        Assert.Equal(0.7m, outcome.AttendedShare);
    }

    [Fact]
    public void UnmarkedSessions_CountAsNotAttended()
    {
        var sessions = Ten(7).Select((s, i) => i < 7 ? s : S(4, null)).ToList();
        Assert.False(CompletionRule.Evaluate(0.8m, false, 60, sessions, null).Completed);
    }

    [Fact]
    public void UnassessedCourse_IgnoresTheScore()
    {
        Assert.True(CompletionRule.Evaluate(0.8m, false, 60, Ten(10), null).Completed);
        Assert.True(CompletionRule.Evaluate(0.8m, false, 60, Ten(10), 10).Completed);
    }

    [Theory]
    [InlineData(60, true, null)]
    [InlineData(59.9, false, NotCompletedReason.Score)]
    [InlineData(100, true, null)]
    public void AssessedCourse_NeedsThePassMark(double score, bool completed, NotCompletedReason? reason)
    {
        var outcome = CompletionRule.Evaluate(0.8m, true, 60, Ten(9), (decimal)score);
        Assert.Equal(completed, outcome.Completed);
        Assert.Equal(reason, outcome.Reason);
    }

    [Fact]
    public void AssessedCourse_WithoutAScore_DoesNotComplete()
    {
        var outcome = CompletionRule.Evaluate(0.8m, true, 60, Ten(10), null);
        Assert.Equal(NotCompletedReason.NoScore, outcome.Reason);
    }

    [Fact]
    public void AttendanceIsJudgedBeforeTheScore()
    {
        Assert.Equal(NotCompletedReason.Attendance, CompletionRule.Evaluate(0.8m, true, 60, Ten(2), 95).Reason);
    }

    [Fact]
    public void SessionsOfDifferentLength_AreWeightedByHours()
    {
        // Attending the one 8-hour day of 10 hours in total is 80 %.
        Assert.True(CompletionRule.Evaluate(0.8m, false, 60, [S(8, AttendanceMark.Present), S(2, AttendanceMark.Absent)], null).Completed);
        Assert.False(CompletionRule.Evaluate(0.8m, false, 60, [S(8, AttendanceMark.Absent), S(2, AttendanceMark.Present)], null).Completed);
    }

    [Fact]
    public void AssessedCourse_WithMissingScores_WaitsSevenDaysBeforeDeciding()
    {
        var ended = new DateTimeOffset(2027, 5, 1, 8, 0, 0, TimeSpan.Zero);
        Assert.True(CompletionRule.CanDecide(false, false, ended, ended));
        Assert.True(CompletionRule.CanDecide(true, true, ended, ended));
        Assert.False(CompletionRule.CanDecide(true, false, ended, ended.AddDays(7).AddSeconds(-1)));
        Assert.True(CompletionRule.CanDecide(true, false, ended, ended.AddDays(7)));
    }
}
