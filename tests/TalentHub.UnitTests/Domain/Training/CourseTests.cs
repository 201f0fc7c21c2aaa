using TalentHub.Web.Domain;
using TalentHub.Web.Domain.People;
using TalentHub.Web.Domain.Training;
using static TalentHub.UnitTests.Builders.CourseBuilder;

namespace TalentHub.UnitTests.Domain.Training;

public sealed class CourseTests
{
    [Fact]
    public void A_course_belongs_to_the_county_of_its_region()
    {
        var course = ADraft();

        Assert.Equal("330523000000", course.CountyCode);
        Assert.Equal("330523108204", course.RegionCode);
    }

    [Fact]
    public void A_course_cannot_be_placed_at_city_level()
    {
        var error = Assert.Throws<DomainException>(() => new Course().MoveTo("330500000000"));

        Assert.Equal("Course.RegionMustBeInCounty", error.MessageKey);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void Capacity_must_be_at_least_one(int capacity)
    {
        var error = Assert.Throws<DomainException>(() => new Course().SetCapacity(capacity));

        Assert.Equal("Course.CapacityTooSmall", error.MessageKey);
        Assert.Equal(nameof(Course.Capacity), error.Field);
    }

    [Fact]
    public void Capacity_is_capped()
    {
        var course = new Course();
        course.SetCapacity(Course.MaxCapacity);
        var error = Assert.Throws<DomainException>(() => course.SetCapacity(Course.MaxCapacity + 1));

        Assert.Equal("Course.CapacityTooLarge", error.MessageKey);
        Assert.Equal(nameof(Course.Capacity), error.Field);
        Assert.Equal(Course.MaxCapacity, course.Capacity);
    }

    [Fact]
    public void Seats_left_is_capacity_less_the_confirmed()
    {
        var course = ADraft();

        Assert.Equal(30, course.SeatsLeft);
    }

    [Fact]
    public void The_window_must_close_after_it_opens()
    {
        var course = new Course();

        var error = Assert.Throws<DomainException>(() => course.SetWindow(Day, Day));

        Assert.Equal("Course.WindowOrder", error.MessageKey);
        Assert.Equal(nameof(Course.EnrollmentClosesAt), error.Field);
    }

    [Fact]
    public void A_session_must_end_after_it_starts()
    {
        var error = Assert.Throws<DomainException>(() => new Course().AddSession(Day.AddHours(3), Day.AddHours(1), "倒序", null, null, Day));

        Assert.Equal("Course.SessionOrder", error.MessageKey);
    }

    [Fact]
    public void Overlapping_sessions_are_refused_but_back_to_back_ones_are_fine()
    {
        var course = new Course();
        course.AddSession(Day.AddHours(1), Day.AddHours(3), "上午", null, null, Day);

        var error = Assert.Throws<DomainException>(() => course.AddSession(Day.AddHours(2), Day.AddHours(4), "重叠", null, null, Day));
        course.AddSession(Day.AddHours(3), Day.AddHours(5), "紧接", null, null, Day);

        Assert.Equal("Course.SessionOverlap", error.MessageKey);
        Assert.Equal(2, course.Sessions.Count);
    }

    [Fact]
    public void Session_hours_are_rounded_to_a_tenth()
    {
        var course = new Course();
        var session = course.AddSession(Day, Day.AddMinutes(150), "两个半小时", "王志明", "文化礼堂", Day);

        Assert.Equal(2.5m, session.Hours);
        Assert.Equal("王志明", session.TrainerName);
    }

    [Fact]
    public void A_course_without_sessions_cannot_be_published()
    {
        var course = ADraft(sessions: 0);

        var error = Assert.Throws<DomainException>(() => course.MoveStatus(CourseStatus.Published, Day));

        Assert.Equal("Course.NeedsSessions", error.MessageKey);
        Assert.Equal(CourseStatus.Draft, course.Status);
    }

    [Fact]
    public void A_move_the_lifecycle_does_not_allow_is_refused()
    {
        var course = ADraft();

        var error = Assert.Throws<DomainException>(() => course.MoveStatus(CourseStatus.InProgress, Day));

        Assert.Equal("Course.TransitionNotAllowed", error.MessageKey);
    }

    /// <summary>review29: 结业 pressed during the second of four sessions ended the course and failed every trainee.</summary>
    [Fact]
    public void Staff_cannot_complete_a_course_before_its_last_session_ends()
    {
        var course = Moved(CourseStatus.Published, CourseStatus.EnrollmentOpen, CourseStatus.EnrollmentClosed, CourseStatus.InProgress);

        var error = Assert.Throws<DomainException>(() => course.MoveByStaff(CourseStatus.Completed, Day.AddDays(1).AddHours(2)));

        Assert.Equal("Course.CompleteBeforeLastSession", error.MessageKey);
        Assert.Equal(CourseStatus.InProgress, course.Status);
        course.MoveByStaff(CourseStatus.Completed, Day.AddDays(1).AddHours(3));
        Assert.Equal(CourseStatus.Completed, course.Status);
    }

    [Fact]
    public void Staff_cannot_start_a_course_before_its_first_session_starts()
    {
        var course = Moved(CourseStatus.Published, CourseStatus.EnrollmentOpen, CourseStatus.EnrollmentClosed);

        var error = Assert.Throws<DomainException>(() => course.MoveByStaff(CourseStatus.InProgress, Day.AddMinutes(59)));

        Assert.Equal("Course.StartBeforeFirstSession", error.MessageKey);
        course.MoveByStaff(CourseStatus.InProgress, Day.AddHours(1));
        Assert.Equal(CourseStatus.InProgress, course.Status);
    }

    [Fact]
    public void Moving_records_when()
    {
        var course = ADraft();

        course.MoveStatus(CourseStatus.Published, Day.AddHours(5));

        Assert.Equal(CourseStatus.Published, course.Status);
        Assert.Equal(Day.AddHours(5), course.UpdatedAt);
    }

    [Fact]
    public void Nothing_is_due_for_a_draft() => Assert.Null(ADraft().DueTransition(Day));

    [Fact]
    public void A_published_course_opens_when_its_window_opens()
    {
        var course = Moved(CourseStatus.Published);

        Assert.Null(course.DueTransition(Day.AddDays(-21)));
        Assert.Equal(CourseStatus.EnrollmentOpen, course.DueTransition(Day.AddDays(-20)));
    }

    [Fact]
    public void The_clock_walks_an_open_course_through_closing_starting_and_completing()
    {
        var course = Moved(CourseStatus.Published, CourseStatus.EnrollmentOpen);

        Assert.Null(course.DueTransition(Day.AddDays(-6)));
        Assert.Equal(CourseStatus.EnrollmentClosed, course.DueTransition(Day.AddDays(-5)));
        course.MoveStatus(CourseStatus.EnrollmentClosed, Day);
        Assert.Null(course.DueTransition(Day));
        Assert.Equal(CourseStatus.InProgress, course.DueTransition(Day.AddHours(1)));
        course.MoveStatus(CourseStatus.InProgress, Day);
        Assert.Null(course.DueTransition(Day.AddDays(1).AddHours(2)));
        Assert.Equal(CourseStatus.Completed, course.DueTransition(Day.AddDays(1).AddHours(3)));
    }

    [Fact]
    public void A_published_course_whose_window_has_passed_still_goes_through_open_to_closed()
    {
        var course = Moved(CourseStatus.Published);

        Assert.Equal(CourseStatus.EnrollmentOpen, course.DueTransition(Day));
    }

    [Fact]
    public void Cancelled_courses_never_move_by_themselves()
    {
        var course = Moved(CourseStatus.Cancelled);

        Assert.Null(course.DueTransition(Day.AddYears(1)));
    }

    [Fact]
    public void Eligible_counties_default_to_the_courses_own_county()
    {
        var course = ADraft();

        Assert.Equal(["330523000000"], course.Counties());
        course.EligibleCounties = "330523000000,330502000000";
        Assert.Equal(["330523000000", "330502000000"], course.Counties());
    }

    [Fact]
    public void Target_categories_are_parsed_from_the_comma_list()
    {
        var course = ADraft();

        Assert.Empty(course.Targets());
        course.TargetCategories = "HighQualityFarmer,ReturningEntrepreneur";
        Assert.Equal([TalentCategory.HighQualityFarmer, TalentCategory.ReturningEntrepreneur], course.Targets());
    }

    [Fact]
    public void New_courses_default_to_80_percent_attendance_pass_mark_60_and_age_16()
    {
        var course = new Course();

        Assert.Equal(0.8m, course.MinAttendanceShare);
        Assert.Equal(60m, course.PassMark);
        Assert.Equal(16, course.MinAge);
        Assert.Equal(CourseStatus.Draft, course.Status);
    }
}
