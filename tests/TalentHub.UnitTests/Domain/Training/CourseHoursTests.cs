using TalentHub.Web.Domain;
using TalentHub.Web.Domain.Training;
using static TalentHub.UnitTests.Builders.CourseBuilder;

namespace TalentHub.UnitTests.Domain.Training;

/// <summary>Review16: the declared 学时 printed on the catalogue and certificates must be covered by the sessions.</summary>
public sealed class CourseHoursTests
{
    [Fact]
    public void A_draft_may_declare_more_hours_than_its_sessions_but_cannot_be_published_so()
    {
        var course = ADraft(); // two 2-hour sessions
        course.TotalHours = 1000;

        course.EnsureHoursCovered();
        var error = Assert.Throws<DomainException>(() => course.Publish(Day.AddDays(-30)));

        Assert.Equal("Course.HoursNotCovered", error.MessageKey);
        Assert.Equal(nameof(Course.TotalHours), error.Field);
        Assert.Equal(["1000", "4"], error.Args);
        Assert.Equal(CourseStatus.Draft, course.Status);
    }

    [Theory]
    [InlineData(4)]
    [InlineData(3.5)]
    public void Sessions_adding_up_to_the_declared_hours_or_more_publish(decimal declared)
    {
        var course = ADraft();
        course.TotalHours = declared;

        course.Publish(Day.AddDays(-30));

        Assert.Equal(CourseStatus.Published, course.Status);
    }

    [Fact]
    public void A_published_course_whose_hours_are_raised_past_its_sessions_is_refused()
    {
        var course = ADraft();
        course.TotalHours = 4;
        course.Publish(Day.AddDays(-30));

        course.TotalHours = 4.5m;
        var error = Assert.Throws<DomainException>(course.EnsureHoursCovered);

        Assert.Equal("Course.HoursNotCovered", error.MessageKey);
        Assert.Equal(["4.5", "4"], error.Args);
    }

    [Fact]
    public void A_published_course_that_loses_a_session_below_its_hours_is_refused()
    {
        var course = ADraft();
        course.TotalHours = 4;
        course.Publish(Day.AddDays(-30));

        course.Sessions.RemoveAt(1);

        Assert.Equal("Course.HoursNotCovered", Assert.Throws<DomainException>(course.EnsureHoursCovered).MessageKey);
    }

    [Fact]
    public void HoursCovered_IsFalse_OnlyWhenTheDeclaredHoursExceedTheSessions()
    {
        var course = ADraft(); // two 2-hour sessions
        course.TotalHours = 4;
        Assert.True(course.HoursCovered);
        course.TotalHours = 3;
        Assert.True(course.HoursCovered); // sessions include breaks: more session hours are fine
        course.TotalHours = 4.5m;
        Assert.False(course.HoursCovered);
    }

    [Fact]
    public void A_draft_is_warned_of_uncovered_hours_only_once_it_has_a_session()
    {
        // polish32: a new course with no sessions yet was warned that its sessions (0 h) did not cover its 学时.
        var course = ADraft(sessions: 0);
        course.TotalHours = 99;
        Assert.False(course.HoursCovered);
        Assert.False(course.WarnsOfHours);

        var withSessions = ADraft(); // two 2-hour sessions
        withSessions.TotalHours = 99;
        Assert.True(withSessions.WarnsOfHours);
        withSessions.TotalHours = 4;
        Assert.False(withSessions.WarnsOfHours);
    }
}
