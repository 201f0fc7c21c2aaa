using TalentHub.Web.Domain;
using TalentHub.UnitTests.Builders;
using TalentHub.Web.Domain.Entities;

namespace TalentHub.UnitTests.Domain.Entities;

public class EntityLifecycleTests
{
    private static readonly DateTimeOffset At = BusinessEntityBuilder.At;
    private const string Clerk = BusinessEntityBuilder.Clerk;
    private const string Officer = BusinessEntityBuilder.Officer;
    private const string OtherOfficer = "other-officer-id";

    private static BusinessEntity EntityIn(EntityStatus status) => BusinessEntityBuilder.In(status);

    public static TheoryData<EntityStatus, EntityStatus> Allowed => new()
    {
        { EntityStatus.Draft, EntityStatus.Submitted },
        { EntityStatus.Draft, EntityStatus.Deregistered },
        { EntityStatus.Submitted, EntityStatus.Approved },
        { EntityStatus.Submitted, EntityStatus.Returned },
        { EntityStatus.Returned, EntityStatus.Submitted },
        { EntityStatus.Returned, EntityStatus.Deregistered },
        { EntityStatus.Approved, EntityStatus.Suspended },
        { EntityStatus.Approved, EntityStatus.Deregistered },
        { EntityStatus.Suspended, EntityStatus.Approved },
        { EntityStatus.Suspended, EntityStatus.Deregistered },
    };

    [Theory]
    [MemberData(nameof(Allowed))]
    public void EveryAllowedStep_MovesTheStatus_AndRecordsWhoWhenAndWhy(EntityStatus from, EntityStatus to)
    {
        var e = EntityIn(from);
        var before = e.History.Count;

        e.MoveStatus(to, OtherOfficer, "安吉县农业农村局 陈晓燕", isOfficer: true, " 材料齐全 ", At.AddHours(1));

        Assert.Equal(to, e.Status);
        var step = Assert.Single(e.History.Skip(before));
        Assert.Equal((from, to), (step.From, step.To));
        Assert.Equal(OtherOfficer, step.ByUserId);
        Assert.Equal("安吉县农业农村局 陈晓燕", step.ByName);
        Assert.Equal(At.AddHours(1), step.At);
        Assert.Equal("材料齐全", step.Reason);
    }

    [Fact]
    public void TheAllowedStepsAreExactlyTheLifecycle()
    {
        var expected = Allowed.Select(row => ((EntityStatus)row[0], (EntityStatus)row[1])).ToHashSet();
        foreach (var from in Enum.GetValues<EntityStatus>())
            foreach (var to in Enum.GetValues<EntityStatus>())
                Assert.Equal(expected.Contains((from, to)), EntityLifecycle.CanMove(from, to));
    }

    [Theory]
    [InlineData(EntityStatus.Draft, EntityStatus.Approved)]
    [InlineData(EntityStatus.Draft, EntityStatus.Suspended)]
    [InlineData(EntityStatus.Submitted, EntityStatus.Deregistered)]
    [InlineData(EntityStatus.Returned, EntityStatus.Approved)]
    [InlineData(EntityStatus.Approved, EntityStatus.Submitted)]
    [InlineData(EntityStatus.Deregistered, EntityStatus.Approved)]
    [InlineData(EntityStatus.Deregistered, EntityStatus.Draft)]
    public void ForbiddenSteps_AreRefused_AndChangeNothing(EntityStatus from, EntityStatus to)
    {
        var e = EntityIn(from);
        var history = e.History.Count;

        var error = Assert.Throws<DomainException>(() => e.MoveStatus(to, OtherOfficer, "x", true, "原因", At));

        Assert.Equal("Entity.TransitionNotAllowed", error.MessageKey);
        Assert.Equal(from, e.Status);
        Assert.Equal(history, e.History.Count);
    }

    [Theory]
    [InlineData(EntityStatus.Approved)]
    [InlineData(EntityStatus.Returned)]
    public void WhoeverSubmitted_CannotApproveOrReturnIt(EntityStatus to)
    {
        var e = EntityIn(EntityStatus.Draft);
        e.MoveStatus(EntityStatus.Submitted, Officer, "officer", true, null, At);

        var error = Assert.Throws<DomainException>(() => e.MoveStatus(to, Officer, "officer", true, "原因", At));

        Assert.Equal("Entity.MakerCannotCheck", error.MessageKey);
        Assert.Equal(EntityStatus.Submitted, e.Status);
    }

    [Fact]
    public void AnotherOfficer_CanApproveWhatAColleagueSubmitted()
    {
        var e = EntityIn(EntityStatus.Draft);
        e.MoveStatus(EntityStatus.Submitted, Officer, "officer", true, null, At);

        e.MoveStatus(EntityStatus.Approved, OtherOfficer, "other", true, null, At);

        Assert.Equal(EntityStatus.Approved, e.Status);
        Assert.Equal(Officer, e.SubmittedByUserId);
    }

    [Fact]
    public void ResubmittingAfterAReturn_MakesTheNewSubmitterTheMaker()
    {
        var e = EntityIn(EntityStatus.Returned);
        e.MoveStatus(EntityStatus.Submitted, OtherOfficer, "other", true, null, At);

        Assert.Throws<DomainException>(() => e.MoveStatus(EntityStatus.Approved, OtherOfficer, "other", true, null, At));
        e.MoveStatus(EntityStatus.Approved, Officer, "officer", true, null, At);
        Assert.Equal(EntityStatus.Approved, e.Status);
    }

    [Theory]
    [InlineData(EntityStatus.Approved)]
    [InlineData(EntityStatus.Returned)]
    public void Clerk_CannotApproveOrReturn(EntityStatus to)
    {
        var e = EntityIn(EntityStatus.Submitted);

        var error = Assert.Throws<DomainException>(() => e.MoveStatus(to, "another-clerk", "clerk", isOfficer: false, "原因", At));

        Assert.Equal("Entity.OfficerOnly", error.MessageKey);
        Assert.Equal(EntityStatus.Submitted, e.Status);
    }

    [Fact]
    public void Clerk_CanSubmit()
    {
        var e = EntityIn(EntityStatus.Draft);

        e.MoveStatus(EntityStatus.Submitted, Clerk, "clerk", isOfficer: false, null, At);

        Assert.Equal(EntityStatus.Submitted, e.Status);
        Assert.Equal(Clerk, e.SubmittedByUserId);
        Assert.Null(e.History.Single().Reason);
    }

    [Theory]
    [InlineData(EntityStatus.Submitted, EntityStatus.Returned, null)]
    [InlineData(EntityStatus.Submitted, EntityStatus.Returned, "   ")]
    [InlineData(EntityStatus.Approved, EntityStatus.Suspended, "")]
    [InlineData(EntityStatus.Approved, EntityStatus.Deregistered, null)]
    public void ReturningSuspendingAndDeregistering_NeedAReason(EntityStatus from, EntityStatus to, string? reason)
    {
        var e = EntityIn(from);

        var error = Assert.Throws<DomainException>(() => e.MoveStatus(to, OtherOfficer, "other", true, reason, At));

        Assert.Equal("Entity.ReasonRequired", error.MessageKey);
        Assert.Equal("Reason", error.Field);
        Assert.Equal(from, e.Status);
    }

    [Fact]
    public void NextFrom_OffersTheWholeLifecycle()
    {
        Assert.Equal([EntityStatus.Submitted, EntityStatus.Deregistered], EntityLifecycle.NextFrom(EntityStatus.Draft));
        Assert.Equal([EntityStatus.Approved, EntityStatus.Returned], EntityLifecycle.NextFrom(EntityStatus.Submitted));
        Assert.Empty(EntityLifecycle.NextFrom(EntityStatus.Deregistered));
    }

    /// <summary>Maker-checker (rev35b): a registration under review is changed by nobody; the officer approves or returns it.</summary>
    [Theory]
    [InlineData(EntityStatus.Draft, true, true)]
    [InlineData(EntityStatus.Returned, true, true)]
    [InlineData(EntityStatus.Submitted, false, false)]
    [InlineData(EntityStatus.Approved, false, true)]
    [InlineData(EntityStatus.Suspended, false, true)]
    [InlineData(EntityStatus.Deregistered, false, false)]
    public void IsEditable_NobodyChangesARegistrationUnderReview(EntityStatus status, bool byClerk, bool byOfficer)
    {
        Assert.Equal(byClerk, EntityLifecycle.IsEditable(status, isOfficer: false));
        Assert.Equal(byOfficer, EntityLifecycle.IsEditable(status, isOfficer: true));
    }

    /// <summary>rev35b: a reason longer than its column was not refused (an error page on PostgreSQL); a line break counts once, as in the text box.</summary>
    [Fact]
    public void Reason_LongerThanItsColumnIsRefused_ALineBreakCountsOnce()
    {
        var refused = EntityIn(EntityStatus.Submitted);
        var ex = Assert.Throws<DomainException>(() =>
            refused.MoveStatus(EntityStatus.Returned, OtherOfficer, "陈晓燕", isOfficer: true, new string('缺', 501), At.AddHours(1)));
        Assert.Equal(("Entity.ReasonTooLong", "Reason"), (ex.MessageKey, ex.Field));
        Assert.Equal(EntityStatus.Submitted, refused.Status);

        var kept = EntityIn(EntityStatus.Submitted);
        var reason = new string('缺', 250) + "\r\n" + new string('少', 249); // 500 in the text box, 501 as posted
        kept.MoveStatus(EntityStatus.Returned, OtherOfficer, "陈晓燕", isOfficer: true, reason, At.AddHours(1));
        Assert.Equal(new string('缺', 250) + "\n" + new string('少', 249), kept.History[^1].Reason);
    }
}
