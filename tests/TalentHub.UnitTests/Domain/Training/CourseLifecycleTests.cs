using TalentHub.Web.Domain.Training;

namespace TalentHub.UnitTests.Domain.Training;

public sealed class CourseLifecycleTests
{
    [Theory]
    [InlineData(CourseStatus.Draft, CourseStatus.Published)]
    [InlineData(CourseStatus.Published, CourseStatus.EnrollmentOpen)]
    [InlineData(CourseStatus.Published, CourseStatus.Draft)]
    [InlineData(CourseStatus.EnrollmentOpen, CourseStatus.EnrollmentClosed)]
    [InlineData(CourseStatus.EnrollmentClosed, CourseStatus.EnrollmentOpen)]
    [InlineData(CourseStatus.EnrollmentClosed, CourseStatus.InProgress)]
    [InlineData(CourseStatus.InProgress, CourseStatus.Completed)]
    [InlineData(CourseStatus.Completed, CourseStatus.Archived)]
    public void The_forward_path_is_allowed(CourseStatus from, CourseStatus to) =>
        Assert.True(CourseLifecycle.CanMove(from, to));

    [Theory]
    [InlineData(CourseStatus.Draft, CourseStatus.EnrollmentOpen)]
    [InlineData(CourseStatus.Draft, CourseStatus.Completed)]
    [InlineData(CourseStatus.EnrollmentOpen, CourseStatus.Published)]
    [InlineData(CourseStatus.InProgress, CourseStatus.EnrollmentOpen)]
    [InlineData(CourseStatus.Completed, CourseStatus.InProgress)]
    [InlineData(CourseStatus.Archived, CourseStatus.Completed)]
    public void Skipping_ahead_or_going_back_is_refused(CourseStatus from, CourseStatus to) =>
        Assert.False(CourseLifecycle.CanMove(from, to));

    [Theory]
    [InlineData(CourseStatus.Draft)]
    [InlineData(CourseStatus.Published)]
    [InlineData(CourseStatus.EnrollmentOpen)]
    [InlineData(CourseStatus.EnrollmentClosed)]
    [InlineData(CourseStatus.InProgress)]
    public void Any_state_before_completion_can_be_cancelled(CourseStatus from) =>
        Assert.True(CourseLifecycle.CanMove(from, CourseStatus.Cancelled));

    [Theory]
    [InlineData(CourseStatus.Completed)]
    [InlineData(CourseStatus.Archived)]
    [InlineData(CourseStatus.Cancelled)]
    public void A_completed_archived_or_cancelled_course_cannot_be_cancelled(CourseStatus from) =>
        Assert.False(CourseLifecycle.CanMove(from, CourseStatus.Cancelled));

    [Fact]
    public void Archived_and_cancelled_are_final() =>
        Assert.All([CourseStatus.Archived, CourseStatus.Cancelled], s => Assert.Empty(CourseLifecycle.NextFrom(s)));

    [Fact]
    public void Every_status_has_its_list_of_next_states() =>
        Assert.All(Enum.GetValues<CourseStatus>(), s => Assert.NotNull(CourseLifecycle.NextFrom(s)));

    [Theory]
    [InlineData(CourseStatus.Draft, false)]
    [InlineData(CourseStatus.Published, true)]
    [InlineData(CourseStatus.EnrollmentOpen, true)]
    [InlineData(CourseStatus.EnrollmentClosed, true)]
    [InlineData(CourseStatus.InProgress, true)]
    [InlineData(CourseStatus.Completed, false)]
    [InlineData(CourseStatus.Archived, false)]
    [InlineData(CourseStatus.Cancelled, false)]
    public void Live_means_the_enrolled_still_expect_the_course(CourseStatus status, bool live) =>
        Assert.Equal(live, CourseLifecycle.IsLive(status));
}
