using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TalentHub.Web.Data;
using TalentHub.Web.Domain.Training;
using TalentHub.Web.Services;
using TalentHub.Web.Services.People;
using TalentHub.Web.Services.Training;

namespace TalentHub.IntegrationTests.Support;

/// <summary>A course built for attendance and outcome tests, with its session ids in time order.</summary>
public sealed record TestCourse(int Id, string Title, IReadOnlyList<int> SessionIds);

/// <summary>A farmer with a login: mobile (the login name), password and the registry person.</summary>
public sealed record TestFarmer(string Mobile, int PersonId);

/// <summary>Courses in progress or finished, with confirmed trainees, for attendance, completion and certificate tests.</summary>
public static class OutcomesData
{
    public const string FarmerPassword = "bamboo hills and white tea";
    private static int _sequence;

    /// <summary>
    /// An in-progress 安吉县 course run by trainer.wang: <paramref name="pastSessions"/> 4-hour sessions on the days before
    /// and one session running now (started <paramref name="startedMinutesAgo"/> minutes ago, ends in 3 hours).
    /// </summary>
    public static Task<TestCourse> InProgressCourseAsync(this TalentHubFactory app, int pastSessions = 0, int startedMinutesAgo = 5,
        bool assessed = false, int? programId = null) =>
        app.QueryAsync(async db =>
        {
            var now = DateTimeOffset.UtcNow;
            var course = NewCourse(now, assessed, programId);
            for (var i = pastSessions; i >= 1; i--)
                course.AddSession(now.AddDays(-i).AddHours(-1), now.AddDays(-i).AddHours(3), $"第{pastSessions - i + 1}讲", "王志明", null, now);
            var start = now.AddMinutes(-startedMinutesAgo);
            course.AddSession(start, now.AddHours(3), "现场教学", "王志明", null, now);
            course.TotalHours = course.SessionHours; // publishing needs the declared hours covered
            foreach (var step in new[] { CourseStatus.Published, CourseStatus.EnrollmentOpen, CourseStatus.EnrollmentClosed, CourseStatus.InProgress })
                course.MoveStatus(step, now);
            db.Courses.Add(course);
            await db.SaveChangesAsync();
            return new TestCourse(course.Id, course.Title, course.Sessions.OrderBy(s => s.StartsAt).Select(s => s.Id).ToList());
        });

    /// <summary>An in-progress course whose <paramref name="sessions"/> 4-hour sessions all lie in the past (ready for the sweep).</summary>
    public static Task<TestCourse> FinishedCourseAsync(this TalentHubFactory app, int sessions, bool assessed = false, int? programId = null,
        string village = "330523108204", int endedDaysAgo = 0) =>
        app.QueryAsync(async db =>
        {
            var now = DateTimeOffset.UtcNow;
            var course = NewCourse(now.AddDays(-endedDaysAgo), assessed, programId, village);
            for (var i = sessions; i >= 1; i--)
                course.AddSession(now.AddDays(-i - endedDaysAgo), now.AddDays(-i - endedDaysAgo).AddHours(4), $"第{sessions - i + 1}讲", "王志明", null, now);
            course.TotalHours = course.SessionHours; // publishing needs the declared hours covered
            foreach (var step in new[] { CourseStatus.Published, CourseStatus.EnrollmentOpen, CourseStatus.EnrollmentClosed, CourseStatus.InProgress })
                course.MoveStatus(step, now);
            db.Courses.Add(course);
            await db.SaveChangesAsync();
            return new TestCourse(course.Id, course.Title, course.Sessions.OrderBy(s => s.StartsAt).Select(s => s.Id).ToList());
        });

    private static Course NewCourse(DateTimeOffset now, bool assessed, int? programId, string village = "330523108204")
    {
        var course = new Course
        {
            Title = $"成果测试班-{Interlocked.Increment(ref _sequence)}-{Guid.NewGuid():N}"[..24], Organiser = "安吉县农业农村局",
            TrainerUserName = "trainer.wang", Assessed = assessed, ProgramId = programId, CreatedAt = now, UpdatedAt = now,
        };
        course.MoveTo(village);
        course.SetCapacity(60);
        course.SetWindow(now.AddDays(-30), now.AddDays(-20));
        return course;
    }

    /// <summary>New farmers with accounts (password <see cref="FarmerPassword"/>), confirmed on the course.</summary>
    public static async Task<IReadOnlyList<TestFarmer>> TraineesAsync(this TalentHubFactory app, int courseId, int count)
    {
        var farmers = await app.NewFarmersAsync(count);
        await app.QueryAsync(async db =>
        {
            foreach (var f in farmers)
                db.Enrollments.Add(new Enrollment { CourseId = courseId, PersonId = f.PersonId, Status = EnrollmentStatus.Confirmed, EnrolledAt = DateTimeOffset.UtcNow.AddDays(-25) });
            await db.SaveChangesAsync();
            await SeedData.RecountSeatsAsync(db, courseId);
            return 0;
        });
        return farmers;
    }

    /// <summary>New farmers with accounts, on no course.</summary>
    public static async Task<IReadOnlyList<TestFarmer>> NewFarmersAsync(this TalentHubFactory app, int count)
    {
        var mobiles = await app.FarmersAsync(count, FarmerPassword);
        using var scope = app.Services.CreateScope();
        var protector = scope.ServiceProvider.GetRequiredService<PersonalDataProtector>();
        var db = scope.ServiceProvider.GetRequiredService<TalentHubDbContext>();
        var names = mobiles.ToDictionary(m => FarmerAccounts.UserNameFor(protector.Hash(m)));
        var users = await db.Users.Where(u => names.Keys.Contains(u.UserName!)).Select(u => new { u.UserName, u.PersonId }).ToListAsync();
        return users.Select(u => new TestFarmer(names[u.UserName!], u.PersonId!.Value)).OrderBy(f => f.Mobile).ToList();
    }

    public static Task<HttpClient> LoginAsync(this TalentHubFactory app, TestFarmer farmer) => app.LoginAsync(farmer.Mobile, FarmerPassword);

    public static Task<int> EnrollmentIdAsync(this TalentHubFactory app, int courseId, int personId) =>
        app.QueryAsync(db => db.Enrollments.Where(e => e.CourseId == courseId && e.PersonId == personId).Select(e => e.Id).SingleAsync());

    /// <summary>Runs a service of the app in its own scope (as a job would).</summary>
    public static async Task<T> RunAsync<TService, T>(this TalentHubFactory app, Func<TService, Task<T>> work) where TService : notnull
    {
        using var scope = app.Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }

    /// <summary>Sets marks straight in the database (as if the roll had been taken).</summary>
    public static Task MarkAsync(this TalentHubFactory app, int courseId, int sessionId, IReadOnlyDictionary<int, AttendanceMark> marks) =>
        app.RunAsync<AttendanceService, MarksSaved>(s => s.SetMarksAsync(courseId, sessionId, marks, AttendanceSource.RollCall, "test"));

    /// <summary>
    /// Runs the course sweep as its job does: the clock completes the finished course (the app's own scheduler may
    /// already have done so), then the trainees are decided.
    /// </summary>
    public static async Task CompleteAsync(this TalentHubFactory app, int courseId)
    {
        await app.RunAsync<CourseClock, int>(c => c.AdvanceCoursesAsync());
        Assert.Equal(CourseStatus.Completed, await app.QueryAsync(db => db.Courses.Where(c => c.Id == courseId).Select(c => c.Status).FirstAsync()));
        await app.RunAsync<CompletionService, int>(s => s.CompleteDueAsync());
    }
}
