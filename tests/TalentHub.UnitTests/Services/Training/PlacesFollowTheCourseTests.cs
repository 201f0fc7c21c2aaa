using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Time.Testing;
using TalentHub.UnitTests.Builders;
using TalentHub.Web.Data;
using TalentHub.Web.Domain.Notifications;
using TalentHub.Web.Domain.Training;
using TalentHub.Web.Services.Notifications;
using TalentHub.Web.Services.Training;

namespace TalentHub.UnitTests.Services.Training;

/// <summary>Issue 8, items 1–6: places follow the course's state, the repeat rule counts real training, every change is audited.</summary>
public sealed class PlacesFollowTheCourseTests
{
    private const string Anji = "330523000000";

    private static async Task<(TestDatabase Database, int CourseId, List<int> People)> OpenCourseAsync(int capacity, int people, int? programId = null)
    {
        var database = await TestDatabase.CreateAsync();
        var t0 = database.Clock.GetUtcNow();
        await using var db = database.NewContext();
        var course = await db.PublishedCourseAsync(t0.AddHours(-1), t0.AddDays(1), t0.AddDays(2), capacity);
        await database.CourseClock(db).AdvanceCoursesAsync();
        return (database, course.Id, await db.PeopleAsync(people));
    }

    private static async Task<int> SubsidisedCourseAsync(TalentHubDbContext db, TestDatabase database, string title, int capacity)
    {
        var t0 = database.Clock.GetUtcNow();
        var program = await db.Programs.FirstOrDefaultAsync() ?? db.Programs.Add(new TrainingProgram { Name = "高素质农民培育", Year = 2027 }).Entity;
        await db.SaveChangesAsync();
        var course = await db.PublishedCourseAsync(t0.AddHours(-1), t0.AddDays(1), t0.AddDays(2), capacity);
        course.Title = title;
        course.ProgramId = program.Id;
        await db.SaveChangesAsync();
        await database.CourseClock(db).AdvanceCoursesAsync();
        return course.Id;
    }

    [Fact]
    public async Task CancellingACourse_EndsEveryPlaceAsCourseCancelled_FreesTheSeats_AndTheyNoLongerCountAsTraining()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.NewContext();
        var cancelledId = await SubsidisedCourseAsync(db, database, "被取消的班", capacity: 3);
        var otherId = await SubsidisedCourseAsync(db, database, "另一个补贴班", capacity: 10);
        var people = await db.PeopleAsync(4);
        var service = database.Enrollment(db);
        foreach (var person in people) await service.EnrollAsync(cancelledId, person, null);

        var course = await db.Courses.Include(c => c.Sessions).SingleAsync(c => c.Id == cancelledId);
        var ended = await service.CancelCourseAsync(course);

        Assert.Equal(4, ended);
        Assert.All(await db.Enrollments.AsNoTracking().Where(e => e.CourseId == cancelledId).ToListAsync(),
            e => Assert.Equal(EnrollmentStatus.CourseCancelled, e.Status));
        var after = await db.Courses.AsNoTracking().SingleAsync(c => c.Id == cancelledId);
        Assert.Equal(CourseStatus.Cancelled, after.Status);
        Assert.Equal(0, after.ConfirmedCount);
        Assert.Equal(4, await db.Outbox.CountAsync(n => n.CourseId == cancelledId && n.Kind == NotificationKind.CourseCancelled));
        foreach (var person in people)
            Assert.True((await service.EnrollAsync(otherId, person, null)).Enrolled);
    }

    [Fact]
    public async Task AWaitlistedPlace_IsNotTraining_ButAConfirmedOneIs_AndTheRefusalNamesThatCourse()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.NewContext();
        var a = await SubsidisedCourseAsync(db, database, "甲班", capacity: 1);
        var b = await SubsidisedCourseAsync(db, database, "乙班", capacity: 10);
        var people = await db.PeopleAsync(2);
        var service = database.Enrollment(db);
        Assert.Equal(EnrollmentStatus.Confirmed, (await service.EnrollAsync(a, people[0], null)).Status);
        Assert.Equal(EnrollmentStatus.Waitlisted, (await service.EnrollAsync(a, people[1], null)).Status);

        var waitlisted = await service.EnrollAsync(b, people[1], null);
        var confirmed = await service.EnrollAsync(b, people[0], null);

        Assert.True(waitlisted.Enrolled);
        Assert.False(confirmed.Enrolled);
        Assert.Equal([EnrollmentRefusal.RepeatRule], confirmed.Refusals);
        Assert.Equal("甲班", confirmed.BlockingCourse);
        Assert.Equal("甲班", (await service.ExplainAsync(b, people[0])).BlockingCourse);
    }

    [Fact]
    public async Task Promotion_PassesOverAWaitlistedPersonWhomTheRepeatRuleNowRefuses()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.NewContext();
        var a = await SubsidisedCourseAsync(db, database, "甲班", capacity: 1);
        var b = await SubsidisedCourseAsync(db, database, "乙班", capacity: 10);
        var people = await db.PeopleAsync(3);
        var service = database.Enrollment(db);
        var first = (await service.EnrollAsync(a, people[0], null)).EnrollmentId!.Value;
        Assert.Equal(EnrollmentStatus.Waitlisted, (await service.EnrollAsync(a, people[1], null)).Status);
        Assert.Equal(EnrollmentStatus.Waitlisted, (await service.EnrollAsync(a, people[2], null)).Status);
        // While waiting for 甲班 (a waitlisted place is not training), people[1] takes a seat on another subsidised course.
        Assert.Equal(EnrollmentStatus.Confirmed, (await service.EnrollAsync(b, people[1], null)).Status);

        Assert.True(await service.CancelAsync(first));

        var places = await db.Enrollments.AsNoTracking().Where(e => e.CourseId == a).ToDictionaryAsync(e => e.PersonId, e => e.Status);
        Assert.Equal(EnrollmentStatus.Waitlisted, places[people[1]]);
        Assert.Equal(EnrollmentStatus.Confirmed, places[people[2]]);
        Assert.Equal(1, (await db.Courses.AsNoTracking().SingleAsync(c => c.Id == a)).ConfirmedCount);
        Assert.False(await db.Outbox.AnyAsync(n => n.PersonId == people[1] && n.Kind == NotificationKind.Promoted));
    }

    [Theory]
    [InlineData(EnrollmentStatus.Waitlisted, CourseStatus.EnrollmentOpen, false)]
    [InlineData(EnrollmentStatus.Cancelled, CourseStatus.Completed, false)]
    [InlineData(EnrollmentStatus.CourseCancelled, CourseStatus.Cancelled, false)]
    [InlineData(EnrollmentStatus.Confirmed, CourseStatus.Cancelled, false)]
    [InlineData(EnrollmentStatus.NotCompleted, CourseStatus.Completed, false)]
    [InlineData(EnrollmentStatus.Confirmed, CourseStatus.InProgress, true)]
    [InlineData(EnrollmentStatus.Confirmed, CourseStatus.EnrollmentOpen, true)]
    [InlineData(EnrollmentStatus.Completed, CourseStatus.Completed, true)]
    public void CountsAsTraining_OnlyConfirmedOrCompletedPlacesOfCoursesNotCancelled(EnrollmentStatus place, CourseStatus course, bool counts) =>
        Assert.Equal(counts, EnrollmentRules.CountsAsTraining(place, course));

    [Fact]
    public async Task OnceACourseHasStarted_ACancelledSeatIsNotGivenToTheWaitlist()
    {
        var (database, courseId, people) = await OpenCourseAsync(capacity: 1, people: 2);
        await using var _ = database;
        await using var db = database.NewContext();
        var service = database.Enrollment(db);
        var first = (await service.EnrollAsync(courseId, people[0], null)).EnrollmentId!.Value;
        await service.EnrollAsync(courseId, people[1], null);
        database.Clock.SetUtcNow(database.Clock.GetUtcNow().AddDays(2).AddHours(1));
        await database.CourseClock(db).AdvanceCoursesAsync();
        Assert.Equal(CourseStatus.InProgress, (await db.Courses.AsNoTracking().SingleAsync(c => c.Id == courseId)).Status);

        Assert.True(await service.CancelAsync(first));

        Assert.Equal(EnrollmentStatus.Waitlisted, (await db.Enrollments.AsNoTracking().SingleAsync(e => e.PersonId == people[1])).Status);
        Assert.False(await db.Outbox.AnyAsync(n => n.Kind == NotificationKind.Promoted));
        Assert.Equal(0, await service.PromoteWaitlistAsync(courseId));
    }

    [Fact]
    public async Task OnACompletedCourse_CancelIsRefused_AndACorrectionNeitherPromotesNorNotifies_ButIsAudited()
    {
        var (database, courseId, people) = await OpenCourseAsync(capacity: 1, people: 2);
        await using var _ = database;
        await using var db = database.NewContext();
        var service = database.Enrollment(db);
        var attended = (await service.EnrollAsync(courseId, people[0], null)).EnrollmentId!.Value;
        await service.EnrollAsync(courseId, people[1], null);
        database.Clock.SetUtcNow(database.Clock.GetUtcNow().AddDays(3));
        await database.CourseClock(db).AdvanceCoursesAsync();
        Assert.Equal(CourseStatus.Completed, (await db.Courses.AsNoTracking().SingleAsync(c => c.Id == courseId)).Status);
        var outboxBefore = await db.Outbox.CountAsync();

        Assert.False(await service.CancelAsync(attended));
        Assert.Equal(EnrollmentStatus.Confirmed, (await db.Enrollments.AsNoTracking().SingleAsync(e => e.Id == attended)).Status);
        Assert.True(await service.CorrectAsync(attended, "误录入：本人未参加", "anji.clerk"));

        var places = await db.Enrollments.AsNoTracking().Where(e => e.CourseId == courseId).OrderBy(e => e.Id).ToListAsync();
        Assert.Equal([EnrollmentStatus.Cancelled, EnrollmentStatus.Waitlisted], places.Select(p => p.Status));
        Assert.Equal("误录入：本人未参加", places[0].OutcomeReason);
        Assert.Equal(outboxBefore, await db.Outbox.CountAsync());
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == "Enrollment" && a.EntityId == attended.ToString()
            && a.CountyCode == Anji && a.Changes!.Contains("误录入")));
    }

    [Fact]
    public async Task EveryCreationAndStatusChangeOfAPlace_IsAuditedWithTheCourseCounty()
    {
        var (database, courseId, people) = await OpenCourseAsync(capacity: 1, people: 2);
        await using var _ = database;
        await using var db = database.NewContext();
        var service = database.Enrollment(db);
        var first = (await service.EnrollAsync(courseId, people[0], null)).EnrollmentId!.Value;
        var second = (await service.EnrollAsync(courseId, people[1], null)).EnrollmentId!.Value;

        await service.CancelAsync(first);

        var audits = await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == "Enrollment").ToListAsync();
        Assert.All(audits, a => Assert.Equal(Anji, a.CountyCode));
        Assert.Equal(2, audits.Count(a => a.Action == AuditAction.Create));
        Assert.Contains(audits, a => a.EntityId == first.ToString() && a.Action == AuditAction.StatusChange);
        Assert.Contains(audits, a => a.EntityId == second.ToString() && a.Action == AuditAction.StatusChange && a.Changes!.Contains("via=Promoted"));
    }

    [Fact]
    public async Task EnrolledAt_IsStampedAfterTheCourseLock()
    {
        var (database, courseId, people) = await OpenCourseAsync(capacity: 5, people: 1);
        await using var _ = database;
        var lockTaken = new ClockAdvancingOnLock(database.Clock);
        await using var db = database.NewContext(lockTaken);
        var before = database.Clock.GetUtcNow();

        await database.Enrollment(db).EnrollAsync(courseId, people[0], null);

        Assert.True(lockTaken.Seen);
        var enrolledAt = (await db.Enrollments.AsNoTracking().SingleAsync()).EnrolledAt;
        Assert.True(enrolledAt > before, $"stamped {enrolledAt:O}, before the lock was {before:O}");
    }

    [Fact]
    public void Arrangements_ChangeWithSessionsVenueOrLink_NotWithCapacityOrTexts()
    {
        var t = new DateTimeOffset(2027, 5, 1, 1, 0, 0, TimeSpan.Zero);
        var course = new Course { Venue = "余村文化礼堂" };
        course.SetCapacity(10);
        course.AddSession(t, t.AddHours(4), "白茶", null, "礼堂", t);
        var before = course.Arrangements();

        course.SetCapacity(20);
        course.Title = "新名称";
        Assert.Equal(before, course.Arrangements());
        course.OnlineLink = "https://meeting.example/1";
        Assert.NotEqual(before, course.Arrangements());
        course.OnlineLink = null;
        course.Sessions[0].StartsAt = t.AddHours(1);
        Assert.NotEqual(before, course.Arrangements());
    }

    [Fact]
    public async Task OutsideTexts_WithoutASessionTime_EndWithoutAStrayDash()
    {
        var (database, courseId, people) = await OpenCourseAsync(capacity: 5, people: 1);
        await using var _ = database;
        await using var db = database.NewContext();
        await database.Enrollment(db).EnrollAsync(courseId, people[0], null);
        var sender = new CapturingSender();

        await database.Dispatcher(db, sender).DispatchAsync();

        var text = Assert.Single(sender.Texts);
        Assert.DoesNotContain("—", text);
        Assert.EndsWith("。", text);
    }

    private sealed class CapturingSender : INotificationSender
    {
        public List<string> Texts { get; } = [];
        public string Channel => "test";

        public Task SendAsync(OutgoingNotification message, CancellationToken ct)
        {
            Texts.Add(message.Text);
            return Task.CompletedTask;
        }
    }

    /// <summary>Moves the fake clock on by a second when the enrollment takes the course row lock (the no-op UPDATE).</summary>
    private sealed class ClockAdvancingOnLock(FakeTimeProvider clock) : DbCommandInterceptor
    {
        public bool Seen { get; private set; }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (!Seen && command.CommandText.Contains("\"ConfirmedCount\" = \"c\".\"ConfirmedCount\"", StringComparison.Ordinal)
                && !command.CommandText.Contains('+', StringComparison.Ordinal))
            {
                Seen = true;
                clock.Advance(TimeSpan.FromSeconds(1));
            }
            return ValueTask.FromResult(result);
        }
    }
}
