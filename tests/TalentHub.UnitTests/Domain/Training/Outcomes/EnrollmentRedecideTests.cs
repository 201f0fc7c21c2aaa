using TalentHub.Web.Domain.Training;

namespace TalentHub.UnitTests.Domain.Training.Outcomes;

/// <summary>Enrollment.Redecide: a decided place takes the verdict after a corrected mark; an undecided one is left to the sweep.</summary>
public sealed class EnrollmentRedecideTests
{
    private static readonly DateTimeOffset DecidedAt = new(2026, 5, 10, 9, 0, 0, TimeSpan.Zero);
    private static readonly CompletionOutcome Met = new(true, null, 1m);
    private static readonly CompletionOutcome TooFewHours = new(false, NotCompletedReason.Attendance, 0.5m);

    private static Enrollment Decided(CompletionOutcome outcome)
    {
        var e = new Enrollment { CourseId = 1, PersonId = 2, Status = EnrollmentStatus.Confirmed };
        e.Complete(outcome, DecidedAt);
        return e;
    }

    [Fact]
    public void Completed_WhoNoLongerMeetsTheRule_BecomesNotCompleted_WithTheReason_KeepingTheDecisionDate()
    {
        var e = Decided(Met);
        Assert.True(e.Redecide(TooFewHours));
        Assert.Equal(EnrollmentStatus.NotCompleted, e.Status);
        Assert.Equal(nameof(NotCompletedReason.Attendance), e.OutcomeReason);
        Assert.Equal(DecidedAt, e.CompletedAt);
    }

    [Fact]
    public void NotCompleted_WhoNowMeetsTheRule_BecomesCompleted_WithoutAReason()
    {
        var e = Decided(TooFewHours);
        Assert.True(e.Redecide(Met));
        Assert.Equal(EnrollmentStatus.Completed, e.Status);
        Assert.Null(e.OutcomeReason);
    }

    [Fact]
    public void SameStatus_IsNoChange_ButTheReasonFollowsTheVerdict()
    {
        var e = Decided(new(false, NotCompletedReason.Score, 1m));
        Assert.False(e.Redecide(TooFewHours));
        Assert.Equal(EnrollmentStatus.NotCompleted, e.Status);
        Assert.Equal(nameof(NotCompletedReason.Attendance), e.OutcomeReason);
    }

    [Fact]
    public void Confirmed_IsLeftToTheSweep()
    {
        var e = new Enrollment { CourseId = 1, PersonId = 2, Status = EnrollmentStatus.Confirmed };
        Assert.False(e.Redecide(Met));
        Assert.Equal(EnrollmentStatus.Confirmed, e.Status);
        Assert.Null(e.CompletedAt);
    }
}
