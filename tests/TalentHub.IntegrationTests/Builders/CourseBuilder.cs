using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TalentHub.Web.Data;
using TalentHub.Web.Domain.Common;
using TalentHub.Web.Domain.People;
using TalentHub.Web.Domain.Training;
using TalentHub.Web.Services;
using TalentHub.Web.Services.Training;
using TalentHub.Web.Services.People;

namespace TalentHub.IntegrationTests.Builders;

/// <summary>The one builder of courses (and enrollments in them) for integration tests, straight in the database.</summary>
public static class CourseBuilder
{
    private static int _sequence;

    public const string Yucun = "330523108204";      // 余村, 安吉县
    public const string Zhili = "330502100001";      // 织里社区, 吴兴区

    /// <summary>An open course in 安吉县 余村 with one session a week ahead and a window around now.</summary>
    public static Task<int> OpenCourseAsync(this TalentHubFactory app, int capacity, string title = "测试培训班", string village = "330523108204") =>
        app.QueryAsync(async db =>
        {
            var now = DateTimeOffset.UtcNow;
            var course = new Course { Title = $"{title}-{Interlocked.Increment(ref _sequence)}", Organiser = "安吉县农业农村局", TotalHours = 8 };
            course.MoveTo(village);
            course.SetCapacity(capacity);
            course.SetWindow(now.AddDays(-1), now.AddDays(5));
            course.AddSession(now.AddDays(7), now.AddDays(7).AddHours(8), "白茶种植技术", "王志明", "余村文化礼堂", now);
            course.MoveStatus(CourseStatus.Published, now);
            course.MoveStatus(CourseStatus.EnrollmentOpen, now);
            db.Courses.Add(course);
            await db.SaveChangesAsync();
            return course.Id;
        });

    /// <summary>A course taking enrollments now (window from yesterday to five days ahead, one session in ten days).</summary>
    public static async Task<int> CreateOpenCourseAsync(this TalentHubFactory app, string village = Yucun, int capacity = 10,
        int? programId = null, string? trainer = null, string? title = null)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TalentHubDbContext>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        var course = NewOpenCourse(now, village, capacity, programId, trainer, title);
        db.Courses.Add(course);
        await db.SaveChangesAsync();
        return course.Id;
    }

    /// <summary>The unsaved course <see cref="CreateOpenCourseAsync"/> adds, for a test that saves it in a transaction of its own.</summary>
    public static Course NewOpenCourse(DateTimeOffset now, string village = Yucun, int capacity = 10, int? programId = null,
        string? trainer = null, string? title = null)
    {
        var course = new Course
        {
            Title = title ?? "花名册测试班 " + Guid.NewGuid().ToString("N")[..8], Organiser = "测试农业农村局",
            Category = CourseCategory.ProfessionalSkill, Topic = CourseTopic.Planting, Level = CourseLevel.Elementary,
            TraineeType = TraineeType.ProfessionalProduction, TotalHours = 3, ProgramId = programId, TrainerUserName = trainer,
        };
        course.AddSession(now.AddDays(10), now.AddDays(10).AddHours(3), "第一课", null, null, now);
        course.SetCapacity(capacity);
        course.SetWindow(now.AddDays(-1), now.AddDays(5));
        course.MoveTo(village);
        course.MoveStatus(CourseStatus.Published, now);
        course.MoveStatus(CourseStatus.EnrollmentOpen, now);
        return course;
    }

    /// <summary>Enrolls through the real service, as the catalog or the roster would.</summary>
    public static async Task<EnrollmentOutcome> EnrollAsync(this TalentHubFactory app, int courseId, int personId)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<EnrollmentService>().EnrollAsync(courseId, personId, null);
    }

    public static Task<Enrollment?> EnrollmentOfAsync(this TalentHubFactory app, int courseId, int personId) =>
        app.QueryAsync(db => db.Enrollments.AsNoTracking().Where(e => e.CourseId == courseId && e.PersonId == personId)
            .OrderByDescending(e => e.Id).FirstOrDefaultAsync());
}
