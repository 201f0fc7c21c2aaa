using TalentHub.Web.Data;
using TalentHub.Web.Domain.Training;

namespace TalentHub.UnitTests.Builders;

/// <summary>The one builder of <see cref="Course"/> for unit tests: in memory, or saved in a test database.</summary>
public static class CourseBuilder
{
    /// <summary>The day the in-memory drafts are planned around (UTC midnight).</summary>
    public static readonly DateTimeOffset Day = new(2027, 3, 10, 0, 0, 0, TimeSpan.Zero);

    /// <summary>A draft in 余村 for 30, window [Day−20, Day−5), <paramref name="sessions"/> two-hour sessions from Day 01:00.</summary>
    public static Course ADraft(int sessions = 2)
    {
        var course = new Course { Title = "农村电商直播带货" };
        course.MoveTo("330523108204");
        course.SetCapacity(30);
        course.SetWindow(Day.AddDays(-20), Day.AddDays(-5));
        for (var i = 0; i < sessions; i++) course.AddSession(Day.AddDays(i).AddHours(1), Day.AddDays(i).AddHours(3), $"第{i + 1}讲", null, null, Day);
        return course;
    }

    /// <summary>A two-session draft moved along <paramref name="path"/> on Day.</summary>
    public static Course Moved(params CourseStatus[] path)
    {
        var course = ADraft();
        foreach (var status in path) course.MoveStatus(status, Day);
        return course;
    }

    /// <summary>A published course in 余村: window [opens, closes), one 4-hour session at <paramref name="sessionAt"/>.</summary>
    public static async Task<Course> PublishedCourseAsync(this TalentHubDbContext db, DateTimeOffset opens, DateTimeOffset closes, DateTimeOffset sessionAt, int capacity = 10)
    {
        var course = new Course { Title = "白茶种植技术培训班", Organiser = "安吉县农业农村局", TotalHours = 4 };
        course.MoveTo("330523108204");
        course.SetCapacity(capacity);
        course.SetWindow(opens, closes);
        course.AddSession(sessionAt, sessionAt.AddHours(4), "白茶栽培", "王志明", "余村文化礼堂", opens);
        course.MoveStatus(CourseStatus.Published, opens.AddDays(-1));
        db.Courses.Add(course);
        await db.SaveChangesAsync();
        return course;
    }
}
