using TalentHub.Web.Domain;
using TalentHub.Web.Domain.Training;

namespace TalentHub.UnitTests.Domain.Training.Outcomes;

public sealed class SurveyAndFollowUpTests
{
    private static readonly DateTimeOffset Now = new(2027, 6, 1, 2, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    public void Survey_RatingMustBeOneToFive(int rating) =>
        Assert.Equal("Survey.RatingRange", Assert.Throws<DomainException>(() => new SurveyAnswer { AnsweredAt = Now }.Answer(rating, null, Now)).MessageKey);

    [Fact]
    public void Survey_IsEditableForSevenDays()
    {
        var answer = new SurveyAnswer { AnsweredAt = Now };
        Assert.True(answer.CanEdit(Now.AddDays(7).AddSeconds(-1)));
        Assert.False(answer.CanEdit(Now.AddDays(7)));
    }

    [Fact]
    public void FollowUp_DueDatesAreCalendarMonthsAfterCompletion()
    {
        var completed = new DateTimeOffset(2027, 1, 31, 8, 0, 0, TimeSpan.Zero);
        Assert.Equal(new DateTimeOffset(2027, 4, 30, 8, 0, 0, TimeSpan.Zero), FollowUpTask.DueFrom(completed, 3));
        Assert.Equal(new DateTimeOffset(2028, 1, 31, 8, 0, 0, TimeSpan.Zero), FollowUpTask.DueFrom(completed, 12));
    }

    [Fact]
    public void FollowUp_StartedBusinessNeedsItsName_UnreachableClearsTheOutcome()
    {
        var task = new FollowUpTask { RegionCode = "330523108204", CountyCode = "330523000000", Months = 3, DueAt = Now };
        var noName = new FollowUpOutcome(false, true, " ", false, null, false, null, false, null);
        Assert.Equal("FollowUp.VentureNameRequired", Assert.Throws<DomainException>(() => task.Record(noName, "anji.clerk", Now)).MessageKey);
        Assert.False(task.IsDone);

        task.Record(noName with { Unreachable = true, IncomeChangePercent = 20 }, "anji.clerk", Now);
        Assert.True(task.IsDone);
        Assert.True(task.Unreachable);
        Assert.False(task.StartedBusiness);
        Assert.Null(task.IncomeChangePercent);
    }

    [Fact]
    public void FollowUp_IsOverdueThirtyDaysAfterItsDueDate()
    {
        var task = new FollowUpTask { RegionCode = "330523108204", CountyCode = "330523000000", Months = 3, DueAt = Now };
        Assert.False(task.IsOverdue(Now.AddDays(30)));
        Assert.True(task.IsOverdue(Now.AddDays(30).AddSeconds(1)));
    }

    [Fact]
    public void Problems_NamesEveryBrokenRule_NoneForAnUnreachablePerson()
    {
        var outcome = new FollowUpOutcome(false, true, " ", true, null, false, 2000, false, null);

        Assert.Equal(["FollowUp.VentureNameRequired", "FollowUp.EntityRequired", "FollowUp.IncomeRange"],
            FollowUpTask.Problems(outcome).Select(p => p.MessageKey));
        Assert.Empty(FollowUpTask.Problems(outcome with { Unreachable = true }));
    }
}
