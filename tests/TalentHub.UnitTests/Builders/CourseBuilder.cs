using TalentHub.Web.Data;
using TalentHub.Web.Domain.Common;
using TalentHub.Web.Domain.People;
using TalentHub.Web.Domain.Training;

namespace TalentHub.UnitTests.Builders;

public static class TrainingBuilders
{
    private static int _sequence;

    /// <summary>A published course in 余村: window [opens, closes), one 4-hour session at <paramref name="sessionAt"/>.</summary>
    public static async Task<Course> PublishedCourseAsync(this TalentHubDbContext db, DateTimeOffset opens, DateTimeOffset closes, DateTimeOffset sessionAt, int capacity = 10)
    {
        var course = new Course { Title = "白茶种植技术培训班", Organiser = "安吉县农业农村局", TotalHours = 4 };
        course.MoveTo("330523108204");
        course.SetCapacity(capacity);
        course.SetWindow(opens, closes);
        course.AddSession(sessionAt, sessionAt.AddHours(4), "白茶栽培", "王志明", "余村文化礼堂");
        course.MoveStatus(CourseStatus.Published, opens.AddDays(-1));
        db.Courses.Add(course);
        await db.SaveChangesAsync();
        return course;
    }

    public static async Task<List<int>> PeopleAsync(this TalentHubDbContext db, int count)
    {
        var people = Enumerable.Range(0, count).Select(_ =>
        {
            var n = Interlocked.Increment(ref _sequence);
            var id = IdNumber.Create("330523", new DateOnly(1980, 1, 1).AddDays(n), n % 1000, Sex.Female);
            var person = new Person { Name = $"学员{n}" };
            person.SetIdNumber(id, $"hash-{id.Value}");
            person.MoveTo("330523108204");
            return person;
        }).ToList();
        db.People.AddRange(people);
        await db.SaveChangesAsync();
        return people.Select(p => p.Id).ToList();
    }
}
