using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TalentHub.Web.Data;
using TalentHub.Web.Domain.Common;
using TalentHub.Web.Domain.People;
using TalentHub.Web.Domain.Training;
using TalentHub.Web.Services;
using TalentHub.Web.Services.Training;

namespace TalentHub.IntegrationTests.Pages.Roster;

/// <summary>Makes each test's own courses and people directly in the database.</summary>
public static class TrainingBuilder
{
    public const string Yucun = "330523108204";      // 余村, 安吉县
    public const string Zhili = "330502100001";      // 织里社区, 吴兴区

    public sealed record NewPerson(int Id, string Name, string IdNumber, string Mobile);

    /// <summary>A course taking enrollments now (window from yesterday to five days ahead, one session in ten days).</summary>
    public static async Task<int> CreateOpenCourseAsync(this TalentHubFactory app, string village = Yucun, int capacity = 10,
        int? programId = null, string? trainer = null, string? title = null)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TalentHubDbContext>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        var course = new Course
        {
            Title = title ?? "花名册测试班 " + Guid.NewGuid().ToString("N")[..8], Organiser = "测试农业农村局",
            Category = CourseCategory.ProfessionalSkill, Topic = CourseTopic.Planting, Level = CourseLevel.Elementary,
            TraineeType = TraineeType.ProfessionalProduction, TotalHours = 3, ProgramId = programId, TrainerUserName = trainer,
            CreatedAt = now, UpdatedAt = now,
        };
        course.AddSession(now.AddDays(10), now.AddDays(10).AddHours(3), "第一课", null, null);
        course.SetCapacity(capacity);
        course.SetWindow(now.AddDays(-1), now.AddDays(5));
        course.MoveTo(village);
        course.MoveStatus(CourseStatus.Published, now);
        course.MoveStatus(CourseStatus.EnrollmentOpen, now);
        db.Courses.Add(course);
        await db.SaveChangesAsync();
        return course.Id;
    }

    /// <summary>A subsidised programme of this year (the repeat rule applies to its courses).</summary>
    public static async Task<int> CreateProgramAsync(this TalentHubFactory app)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TalentHubDbContext>();
        var program = new TrainingProgram { Name = "测试项目 " + Guid.NewGuid().ToString("N")[..8], Year = DateTime.UtcNow.Year, Budget = 10, RepeatRuleApplies = true };
        db.Programs.Add(program);
        await db.SaveChangesAsync();
        return program.Id;
    }

    /// <summary>A registered person with a unique, valid ID number and mobile.</summary>
    public static async Task<NewPerson> CreatePersonAsync(this TalentHubFactory app, string village = Yucun, string? name = null, int? birthYear = null)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TalentHubDbContext>();
        var registry = scope.ServiceProvider.GetRequiredService<PersonRegistry>();
        while (true)
        {
            var birth = new DateOnly(birthYear ?? Random.Shared.Next(1965, 2000), 1, 1).AddDays(Random.Shared.Next(0, 360));
            var id = IdNumber.Create(village[..6], birth, Random.Shared.Next(100, 999), Sex.Male);
            var hash = registry.Hash(id.Value);
            if (await db.People.IgnoreQueryFilters([RegionFilter.Name]).AnyAsync(p => p.IdNumberHash == hash)) continue;
            var mobile = "139" + Random.Shared.Next(10_000_000, 99_999_999);
            var person = new Person { Name = name ?? "学员" + Guid.NewGuid().ToString("N")[..6], CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow };
            registry.SetIdentifiers(person, id, mobile);
            person.MoveTo(village);
            person.SetCategories([TalentCategory.HighQualityFarmer], null, null);
            db.People.Add(person);
            await db.SaveChangesAsync();
            return new NewPerson(person.Id, person.Name, id.Value, mobile);
        }
    }

    /// <summary>Enrolls through the real service, as the catalog or the roster would.</summary>
    public static async Task<EnrollmentOutcome> EnrollAsync(this TalentHubFactory app, int courseId, int personId)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<EnrollmentService>().EnrollAsync(courseId, personId, null);
    }

    /// <summary>The registry person of a demo farmer, found by the mobile number they log in with.</summary>
    public static async Task<(int Id, string RegionCode)> FarmerPersonAsync(this TalentHubFactory app, string mobile)
    {
        using var scope = app.Services.CreateScope();
        var hash = scope.ServiceProvider.GetRequiredService<PersonalDataProtector>().Hash(mobile);
        var db = scope.ServiceProvider.GetRequiredService<TalentHubDbContext>();
        var person = await db.People.IgnoreQueryFilters([RegionFilter.Name]).Where(p => p.MobileHash == hash).Select(p => new { p.Id, p.RegionCode }).FirstAsync();
        return (person.Id, person.RegionCode);
    }

    public static Task<Enrollment?> EnrollmentOfAsync(this TalentHubFactory app, int courseId, int personId) =>
        app.QueryAsync(db => db.Enrollments.AsNoTracking().Where(e => e.CourseId == courseId && e.PersonId == personId)
            .OrderByDescending(e => e.Id).FirstOrDefaultAsync());
}
