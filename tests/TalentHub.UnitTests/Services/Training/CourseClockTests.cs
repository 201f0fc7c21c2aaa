using Microsoft.EntityFrameworkCore;
using TalentHub.UnitTests.Builders;
using TalentHub.Web.Domain.Notifications;
using TalentHub.Web.Domain.Training;

namespace TalentHub.UnitTests.Services.Training;

public sealed class CourseClockTests
{
    [Fact]
    public async Task AdvanceCourses_MovesACourseThroughItsWindowAndSessions_AsTheClockPasses()
    {
        await using var database = await TestDatabase.CreateAsync();
        var t0 = database.Clock.GetUtcNow();
        await using var db = database.NewContext();
        var course = await db.PublishedCourseAsync(t0.AddHours(1), t0.AddDays(2), t0.AddDays(3));
        var clock = database.CourseClock(db);

        async Task<CourseStatus> At(TimeSpan offset)
        {
            database.Clock.SetUtcNow(t0 + offset);
            await clock.AdvanceCoursesAsync();
            return (await db.Courses.AsNoTracking().SingleAsync(c => c.Id == course.Id)).Status;
        }

        Assert.Equal(CourseStatus.Published, await At(TimeSpan.FromMinutes(30)));
        Assert.Equal(CourseStatus.EnrollmentOpen, await At(TimeSpan.FromHours(2)));
        Assert.Equal(CourseStatus.EnrollmentClosed, await At(TimeSpan.FromDays(2.5)));
        Assert.Equal(CourseStatus.InProgress, await At(TimeSpan.FromDays(3) + TimeSpan.FromHours(1)));
        Assert.Equal(CourseStatus.Completed, await At(TimeSpan.FromDays(3) + TimeSpan.FromHours(5)));
    }

    [Fact]
    public async Task AdvanceCourses_AfterDowntime_CatchesUpInOneRun_AndASecondRunChangesNothing()
    {
        await using var database = await TestDatabase.CreateAsync();
        var t0 = database.Clock.GetUtcNow();
        await using var db = database.NewContext();
        var course = await db.PublishedCourseAsync(t0.AddHours(1), t0.AddDays(1), t0.AddDays(2));
        var clock = database.CourseClock(db);

        database.Clock.SetUtcNow(t0.AddDays(2).AddHours(1));
        var first = await clock.AdvanceCoursesAsync();
        var second = await clock.AdvanceCoursesAsync();

        Assert.Equal(3, first);
        Assert.Equal(0, second);
        Assert.Equal(CourseStatus.InProgress, (await db.Courses.AsNoTracking().SingleAsync(c => c.Id == course.Id)).Status);
    }

    [Fact]
    public async Task SessionReminders_QueueOncePerConfirmedTrainee_WithinTwentyFourHours()
    {
        await using var database = await TestDatabase.CreateAsync();
        var t0 = database.Clock.GetUtcNow();
        await using var db = database.NewContext();
        var course = await db.PublishedCourseAsync(t0.AddHours(-1), t0.AddDays(1), t0.AddDays(2), capacity: 2);
        await database.CourseClock(db).AdvanceCoursesAsync();
        var people = await db.PeopleAsync(3);
        var enrollment = database.Enrollment(db);
        foreach (var person in people) await enrollment.EnrollAsync(course.Id, person, null);
        var clock = database.CourseClock(db);

        database.Clock.SetUtcNow(t0.AddHours(12));
        Assert.Equal(0, await clock.QueueSessionRemindersAsync());
        database.Clock.SetUtcNow(t0.AddDays(1).AddHours(1));
        var queued = await clock.QueueSessionRemindersAsync();
        var again = await clock.QueueSessionRemindersAsync();

        Assert.Equal(2, queued);
        Assert.Equal(0, again);
        Assert.Equal(2, await db.Outbox.CountAsync(n => n.Kind == NotificationKind.SessionReminder));
    }
}
