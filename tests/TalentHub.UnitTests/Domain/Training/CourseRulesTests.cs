using TalentHub.Web.Domain;
using TalentHub.Web.Domain.Training;
using static TalentHub.UnitTests.Builders.CourseBuilder;

namespace TalentHub.UnitTests.Domain.Training;

/// <summary>The rules the course form used to check itself: place, age range, assessment, editability, session times.</summary>
public sealed class CourseRulesTests
{
    [Theory]
    [InlineData(null, null)]
    [InlineData("  ", "")]
    public void A_course_needs_a_venue_or_an_online_link(string? venue, string? link)
    {
        var course = ADraft();

        var error = Assert.Throws<DomainException>(() => course.SetPlace(venue, link));

        Assert.Equal("Course.VenueOrLink", error.MessageKey);
        Assert.Equal(nameof(Course.Venue), error.Field);
    }

    [Fact]
    public void The_place_is_stored_trimmed_and_blank_text_counts_as_none()
    {
        var course = ADraft();

        course.SetPlace("  ", " https://meeting.example/123 ");

        Assert.Null(course.Venue);
        Assert.Equal("https://meeting.example/123", course.OnlineLink);
    }

    [Fact]
    public void The_oldest_age_cannot_be_below_the_youngest()
    {
        var course = ADraft();

        var error = Assert.Throws<DomainException>(() => course.SetAgeRange(40, 39));

        Assert.Equal("Course.AgeRange", error.MessageKey);
        Assert.Equal(nameof(Course.MaxAge), error.Field);
        Assert.Equal(16, course.MinAge);
    }

    [Theory]
    [InlineData(18, 18)]
    [InlineData(18, null)]
    public void An_age_range_of_one_year_or_without_upper_bound_is_fine(int min, int? max)
    {
        var course = ADraft();

        course.SetAgeRange(min, max);

        Assert.Equal(min, course.MinAge);
        Assert.Equal(max, course.MaxAge);
    }

    [Fact]
    public void An_assessed_course_needs_a_pass_mark()
    {
        var course = ADraft();

        var error = Assert.Throws<DomainException>(() => course.SetAssessment(true, null));

        Assert.Equal("Course.PassMarkRequired", error.MessageKey);
        Assert.Equal(nameof(Course.PassMark), error.Field);
        Assert.False(course.Assessed);
    }

    [Fact]
    public void An_unassessed_course_keeps_the_default_pass_mark_and_an_assessed_one_its_own()
    {
        var course = ADraft();

        course.SetAssessment(false, null);
        Assert.Equal(60, course.PassMark);

        course.SetAssessment(true, 75);
        Assert.True(course.Assessed);
        Assert.Equal(75, course.PassMark);
    }

    [Theory]
    [InlineData(CourseStatus.Draft, true)]
    [InlineData(CourseStatus.Published, true)]
    [InlineData(CourseStatus.EnrollmentOpen, true)]
    [InlineData(CourseStatus.EnrollmentClosed, true)]
    [InlineData(CourseStatus.InProgress, true)]
    [InlineData(CourseStatus.Completed, false)]
    [InlineData(CourseStatus.Archived, false)]
    [InlineData(CourseStatus.Cancelled, false)]
    public void Only_a_course_still_being_planned_or_run_can_be_edited(CourseStatus status, bool editable) =>
        Assert.Equal(editable, Course.IsEditableIn(status));

    [Fact]
    public void Editing_a_cancelled_course_is_refused_above_the_form()
    {
        var course = Moved(CourseStatus.Cancelled);

        var error = Assert.Throws<DomainException>(course.EnsureEditable);

        Assert.Equal("Course.NotEditable", error.MessageKey);
        Assert.Null(error.Field);
        Assert.False(course.IsEditable);
    }

    [Fact]
    public void Session_times_are_checked_against_the_other_sessions_without_a_course()
    {
        (DateTimeOffset, DateTimeOffset)[] others = [(Day.AddHours(9), Day.AddHours(12))];

        Assert.Equal("Course.SessionOrder", Assert.Throws<DomainException>(
            () => Course.CheckSessionTimes(Day.AddHours(15), Day.AddHours(14), others)).MessageKey);
        Assert.Equal("Course.SessionOverlap", Assert.Throws<DomainException>(
            () => Course.CheckSessionTimes(Day.AddHours(11), Day.AddHours(13), others)).MessageKey);
        Course.CheckSessionTimes(Day.AddHours(12), Day.AddHours(14), others); // back to back is fine
    }
}
