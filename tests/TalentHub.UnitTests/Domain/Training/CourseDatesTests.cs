using TalentHub.Web.Domain;
using TalentHub.Web.Domain.Training;
using static TalentHub.UnitTests.Builders.CourseBuilder;

namespace TalentHub.UnitTests.Domain.Training;

/// <summary>Review14: a live course cannot gain past sessions, and only a course still ahead can be published.</summary>
public sealed class CourseDatesTests
{
    [Fact]
    public void A_published_course_refuses_a_new_session_that_starts_in_the_past()
    {
        var course = Moved(CourseStatus.Published, CourseStatus.EnrollmentOpen);
        var now = Day.AddDays(-10);

        var error = Assert.Throws<DomainException>(() => course.AddSession(now.AddHours(-2), now.AddHours(-1), "补课", null, null, now));

        Assert.Equal("Course.SessionInPast", error.MessageKey);
        Assert.Equal(2, course.Sessions.Count);
    }

    [Fact]
    public void A_published_course_accepts_a_new_session_ahead_and_a_draft_any_date()
    {
        var live = Moved(CourseStatus.Published);
        var now = Day.AddDays(-10);
        live.AddSession(now.AddHours(1), now.AddHours(2), "加课", null, null, now);

        var draft = ADraft(0);
        draft.AddSession(now.AddDays(-400), now.AddDays(-400).AddHours(2), "草稿", null, null, now);

        Assert.Equal(3, live.Sessions.Count);
        Assert.Single(draft.Sessions);
    }

    [Fact]
    public void Moving_a_session_into_the_past_is_refused_but_a_held_session_may_stay()
    {
        var course = Moved(CourseStatus.Published, CourseStatus.EnrollmentOpen);
        var held = course.Sessions[0].StartsAt;
        var now = held.AddDays(1);

        course.CheckSessionStart(held, held, now);
        var error = Assert.Throws<DomainException>(() => course.CheckSessionStart(held.AddHours(-1), held, now));

        Assert.Equal("Course.SessionInPast", error.MessageKey);
    }

    [Fact]
    public void A_session_that_has_opened_on_a_live_course_may_be_neither_deleted_nor_moved_but_its_end_may_be_corrected()
    {
        var course = Moved(CourseStatus.Published, CourseStatus.EnrollmentOpen);
        var session = course.Sessions[0];
        var now = session.StartsAt - CheckInCode.OpensBefore;   // the check-in code is open from here on

        course.CheckHeldSession(session, session.StartsAt, hasMarks: false, now);
        var deleted = Assert.Throws<DomainException>(() => course.CheckHeldSession(session, null, hasMarks: false, now));
        var moved = Assert.Throws<DomainException>(() => course.CheckHeldSession(session, session.StartsAt.AddDays(1), hasMarks: false, now));

        Assert.Equal("Course.SessionHeld", deleted.MessageKey);
        Assert.Equal("Course.SessionHeld", moved.MessageKey);
    }

    [Fact]
    public void A_session_that_ended_without_a_mark_may_be_deleted_or_moved_but_one_with_marks_may_not()
    {
        // review35: a session called off on the day (no roll call) could never be removed, so its hours failed every trainee's minimum.
        var course = Moved(CourseStatus.Published, CourseStatus.EnrollmentOpen);
        var session = course.Sessions[0];
        var after = session.EndsAt.AddMinutes(1);

        course.CheckHeldSession(session, null, hasMarks: false, after);
        course.CheckHeldSession(session, session.StartsAt.AddDays(7), hasMarks: false, after);
        course.CheckHeldSession(session, session.StartsAt, hasMarks: false, session.EndsAt);
        var marked = Assert.Throws<DomainException>(() => course.CheckHeldSession(session, null, hasMarks: true, after));
        var running = Assert.Throws<DomainException>(() => course.CheckHeldSession(session, null, hasMarks: false, session.EndsAt));

        Assert.Equal("Course.SessionHeld", marked.MessageKey);
        Assert.Equal("Course.SessionHeld", running.MessageKey);
    }

    [Fact]
    public void A_session_still_ahead_may_be_deleted_or_moved_unless_it_holds_marks_and_a_draft_any_session()
    {
        var course = Moved(CourseStatus.Published, CourseStatus.EnrollmentOpen);
        var session = course.Sessions[0];
        var before = session.StartsAt - CheckInCode.OpensBefore - TimeSpan.FromMinutes(1);

        course.CheckHeldSession(session, null, hasMarks: false, before);
        course.CheckHeldSession(session, session.StartsAt.AddDays(1), hasMarks: false, before);
        var marked = Assert.Throws<DomainException>(() => course.CheckHeldSession(session, null, hasMarks: true, before));
        var draft = ADraft();
        draft.CheckHeldSession(draft.Sessions[0], null, hasMarks: false, draft.Sessions[0].StartsAt.AddDays(1));

        Assert.Equal("Course.SessionHeld", marked.MessageKey);
    }

    [Fact]
    public void Publishing_needs_the_window_to_close_in_the_future()
    {
        var course = ADraft();   // window closes Day−5, sessions from Day

        var error = Assert.Throws<DomainException>(() => course.Publish(Day.AddDays(-5)));

        Assert.Equal("Course.PublishWindowPast", error.MessageKey);
        Assert.Equal(CourseStatus.Draft, course.Status);
    }

    [Fact]
    public void Publishing_needs_the_first_session_in_the_future()
    {
        var course = ADraft(0);
        course.SetWindow(Day.AddDays(-20), Day.AddDays(5));
        course.AddSession(Day.AddHours(1), Day.AddHours(3), "第1讲", null, null, Day);

        var error = Assert.Throws<DomainException>(() => course.Publish(Day.AddHours(1)));

        Assert.Equal("Course.PublishSessionPast", error.MessageKey);
        Assert.Equal(CourseStatus.Draft, course.Status);
    }

    [Fact]
    public void Publishing_refuses_a_session_before_the_window_opens()
    {
        var course = ADraft(0);
        course.SetWindow(Day.AddDays(-20), Day.AddDays(5));
        course.AddSession(Day.AddDays(-25), Day.AddDays(-25).AddHours(2), "报名前", null, null, Day.AddDays(-30));
        course.AddSession(Day.AddDays(6), Day.AddDays(6).AddHours(2), "报名后", null, null, Day.AddDays(-30));
        course.TotalHours = course.SessionHours;

        var error = Assert.Throws<DomainException>(() => course.Publish(Day.AddDays(-30)));
        course.Sessions.RemoveAt(0);
        course.TotalHours = course.SessionHours;
        course.Publish(Day.AddDays(-30));

        Assert.Equal("Course.SessionBeforeWindow", error.MessageKey);
        Assert.Equal(CourseStatus.Published, course.Status);
    }

    [Fact]
    public void A_course_still_ahead_publishes()
    {
        var course = ADraft();

        course.Publish(Day.AddDays(-6));

        Assert.Equal(CourseStatus.Published, course.Status);
    }
}
