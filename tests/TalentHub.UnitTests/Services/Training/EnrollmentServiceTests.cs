using Microsoft.EntityFrameworkCore;
using TalentHub.UnitTests.Builders;
using TalentHub.Web.Domain.Notifications;
using TalentHub.Web.Domain.Training;
using TalentHub.Web.Services.Training;
using TalentHub.Web.Services.Notifications;

namespace TalentHub.UnitTests.Services.Training;

public sealed class EnrollmentServiceTests
{
    private static async Task<(TestDatabase Database, int CourseId, List<int> People)> OpenCourseAsync(int capacity, int people)
    {
        var database = await TestDatabase.CreateAsync();
        var t0 = database.Clock.GetUtcNow();
        await using var db = database.NewContext();
        var course = await db.PublishedCourseAsync(t0.AddHours(-1), t0.AddDays(1), t0.AddDays(2), capacity);
        await database.CourseClock(db).AdvanceCoursesAsync();
        return (database, course.Id, await db.PeopleAsync(people));
    }

    [Fact]
    public async Task Enroll_WhenCourseIsFull_WaitlistsInArrivalOrder()
    {
        var (database, courseId, people) = await OpenCourseAsync(capacity: 2, people: 4);
        await using var _ = database;
        await using var db = database.NewContext();
        var service = database.Enrollment(db);

        var outcomes = new List<EnrollmentOutcome>();
        foreach (var person in people) outcomes.Add(await service.EnrollAsync(courseId, person, null));

        Assert.Equal([EnrollmentStatus.Confirmed, EnrollmentStatus.Confirmed, EnrollmentStatus.Waitlisted, EnrollmentStatus.Waitlisted],
            outcomes.Select(o => o.Status));
        Assert.Equal(2, (await db.Courses.AsNoTracking().SingleAsync(c => c.Id == courseId)).ConfirmedCount);
    }

    [Fact]
    public async Task Cancel_OfAConfirmedPlace_PromotesTheFirstWaitlistedAndTellsThem()
    {
        var (database, courseId, people) = await OpenCourseAsync(capacity: 1, people: 3);
        await using var _ = database;
        await using var db = database.NewContext();
        var service = database.Enrollment(db);
        var ids = new List<int>();
        foreach (var person in people) ids.Add((await service.EnrollAsync(courseId, person, null)).EnrollmentId!.Value);

        Assert.True(await service.CancelAsync(ids[0]));
        Assert.False(await service.CancelAsync(ids[0]));

        var statuses = await db.Enrollments.AsNoTracking().OrderBy(e => e.Id).Select(e => e.Status).ToListAsync();
        Assert.Equal([EnrollmentStatus.Cancelled, EnrollmentStatus.Confirmed, EnrollmentStatus.Waitlisted], statuses);
        Assert.True(await db.Outbox.AnyAsync(n => n.PersonId == people[1] && n.Kind == NotificationKind.Promoted));
    }

    [Fact]
    public async Task Cancel_OfAWaitlistedPlace_PromotesNobody()
    {
        var (database, courseId, people) = await OpenCourseAsync(capacity: 1, people: 3);
        await using var _ = database;
        await using var db = database.NewContext();
        var service = database.Enrollment(db);
        var ids = new List<int>();
        foreach (var person in people) ids.Add((await service.EnrollAsync(courseId, person, null)).EnrollmentId!.Value);

        await service.CancelAsync(ids[1]);

        var statuses = await db.Enrollments.AsNoTracking().OrderBy(e => e.Id).Select(e => e.Status).ToListAsync();
        Assert.Equal([EnrollmentStatus.Confirmed, EnrollmentStatus.Cancelled, EnrollmentStatus.Waitlisted], statuses);
    }

    [Fact]
    public async Task Enroll_AfterCancelling_IsAllowedAgain_AtTheBackOfTheQueue()
    {
        var (database, courseId, people) = await OpenCourseAsync(capacity: 1, people: 2);
        await using var _ = database;
        await using var db = database.NewContext();
        var service = database.Enrollment(db);
        var first = await service.EnrollAsync(courseId, people[0], null);
        await service.EnrollAsync(courseId, people[1], null);
        await service.CancelAsync(first.EnrollmentId!.Value);

        var again = await service.EnrollAsync(courseId, people[0], null);

        Assert.True(again.Enrolled);
        Assert.Equal(EnrollmentStatus.Waitlisted, again.Status);
    }

    [Fact]
    public async Task Enroll_Twice_IsRefusedAsAlreadyEnrolled()
    {
        var (database, courseId, people) = await OpenCourseAsync(capacity: 5, people: 1);
        await using var _ = database;
        await using var db = database.NewContext();
        var service = database.Enrollment(db);

        await service.EnrollAsync(courseId, people[0], null);
        var second = await service.EnrollAsync(courseId, people[0], null);

        Assert.False(second.Enrolled);
        Assert.Contains(EnrollmentRefusal.AlreadyEnrolled, second.Refusals);
    }

    [Fact]
    public async Task OutboxDispatch_DeliversOnce_EvenWhenRunAgain_AndRetriesAFailure()
    {
        var (database, courseId, people) = await OpenCourseAsync(capacity: 5, people: 2);
        await using var _ = database;
        await using var db = database.NewContext();
        foreach (var person in people) await database.Enrollment(db).EnrollAsync(courseId, person, null);
        var flaky = new FlakySender(failFirst: 1);

        var first = await database.Dispatcher(db, flaky).DispatchAsync();
        var second = await database.Dispatcher(db, flaky).DispatchAsync();
        var third = await database.Dispatcher(db, flaky).DispatchAsync();

        Assert.Equal(1, first);
        Assert.Equal(1, second);
        Assert.Equal(0, third);
        Assert.Equal(2, await db.Messages.CountAsync());
        Assert.Equal(3, flaky.Calls);
    }

    private sealed class FlakySender(int failFirst) : INotificationSender
    {
        public int Calls { get; private set; }
        public string Channel => "test";

        public Task SendAsync(OutgoingNotification message, CancellationToken ct)
        {
            Calls++;
            if (Calls <= failFirst) throw new IOException("gateway down");
            return Task.CompletedTask;
        }
    }
}
