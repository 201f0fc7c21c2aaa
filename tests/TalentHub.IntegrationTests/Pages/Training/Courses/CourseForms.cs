using TalentHub.Web.Data;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TalentHub.Web.Domain.Training;
using TalentHub.Web.Infrastructure;
using TalentHub.Web.Services.Training;

namespace TalentHub.IntegrationTests.Pages.Training.Courses;

/// <summary>Fills the course form the way a person would, with Shanghai local dates and times.</summary>
public static partial class CourseForms
{
    public const string Yucun = "330523108204";           // 余村, 安吉县
    public const string Zhili = "330502100000";           // 织里镇, 吴兴区

    public static DateOnly Today => DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToShanghai().DateTime);

    public static string UniqueTitle(string what) => $"{what}-{Guid.NewGuid().ToString("N")[..8]}";

    public static string Local(DateOnly day, string time) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T" + time;

    /// <summary>A valid draft: window opening tomorrow, sessions given as (day, start, end).</summary>
    public static Dictionary<string, string> Fields(string title, string region = Yucun, int capacity = 30,
        DateOnly? opens = null, DateOnly? closes = null, string? trainer = null, params (DateOnly Day, string Start, string End)[] sessions)
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.Title"] = title,
            ["Input.Category"] = nameof(CourseCategory.ProfessionalSkill),
            ["Input.Topic"] = nameof(CourseTopic.Ecommerce),
            ["Input.Level"] = nameof(CourseLevel.Elementary),
            ["Input.TraineeType"] = nameof(TraineeType.ProfessionalProduction),
            ["Input.Organiser"] = "安吉县农业农村局",
            ["Input.TrainerUserName"] = trainer ?? "",
            ["Input.RegionCode"] = region,
            ["Input.Venue"] = "天荒坪镇文化礼堂",
            ["Input.Capacity"] = capacity.ToString(CultureInfo.InvariantCulture),
            ["Input.EnrollmentOpensAt"] = Local(opens ?? Today.AddDays(1), "09:00"),
            ["Input.EnrollmentClosesAt"] = Local(closes ?? Today.AddDays(20), "17:00"),
            ["Input.MinAttendancePercent"] = "80",
            ["Input.PassMark"] = "60",
            ["Input.MinAge"] = "16",
            ["Input.Version"] = "0",
        };
        for (var i = 0; i < sessions.Length; i++)
            AddSession(fields, i, sessions[i].Day, sessions[i].Start, sessions[i].End, $"第{i + 1}讲");
        return fields;
    }

    public static void AddSession(Dictionary<string, string> fields, int row, DateOnly day, string start, string end, string topic, int? id = null)
    {
        var p = $"Input.Sessions[{row}]";
        if (id is not null) fields[p + ".Id"] = id.Value.ToString(CultureInfo.InvariantCulture);
        fields[p + ".Date"] = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        fields[p + ".Start"] = start;
        fields[p + ".End"] = end;
        fields[p + ".Topic"] = topic;
    }

    /// <summary>Creates a course through the form and returns its id (from the redirect to its page).</summary>
    public static async Task<int> CreateAsync(this HttpClient client, Dictionary<string, string> fields)
    {
        var response = await client.PostFormAsync("/Courses/Create", fields);
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException("Create failed: " + Errors(await response.Content.ReadAsStringAsync()));
        return int.Parse(CourseIdPattern().Match(response.Headers.Location!.OriginalString).Groups[1].Value, CultureInfo.InvariantCulture);
    }

    /// <summary>A draft with one session a month ahead, created by <paramref name="client"/>.</summary>
    public static Task<int> CreateSimpleAsync(this HttpClient client, string title, string region = Yucun, string? trainer = null) =>
        client.CreateAsync(Fields(title, region, trainer: trainer, sessions: (Today.AddDays(30), "09:00", "11:30")));

    public static Task<HttpResponseMessage> MoveAsync(this HttpClient client, int id, CourseStatus to, bool confirmed = false)
    {
        var fields = new Dictionary<string, string> { ["to"] = to.ToString() };
        if (confirmed) fields["confirmed"] = "true";
        return client.PostFormAsync($"/Courses/{id}?handler=Move", fields, formPage: $"/Courses/{id}");
    }

    /// <summary>A course open for enrollment now (window opened yesterday), published by the Anji officer and opened by the clock.</summary>
    public static async Task<int> CreateOpenCourseByFormAsync(this TalentHubFactory app, string title, int capacity = 30,
        (DateOnly Day, string Start, string End)[]? sessions = null)
    {
        var officer = await app.LoginAsync("anji.officer");
        var id = await officer.CreateAsync(Fields(title, capacity: capacity, opens: Today.AddDays(-1),
            sessions: sessions ?? [(Today.AddDays(30), "09:00", "11:30")]));
        var published = await officer.MoveAsync(id, CourseStatus.Published);
        if (published.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException("Publish failed.");
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<CourseClock>().AdvanceCoursesAsync();
        return id;
    }

    /// <summary>Enrolls a person from outside any request, the way the farmer pages would.</summary>

    public static Task<Course> CourseAsync(this TalentHubFactory app, int id) =>
        app.QueryAsync(db => db.Courses.IgnoreQueryFilters([RegionFilter.Name]).AsNoTracking().Include(c => c.Sessions).FirstAsync(c => c.Id == id));

    /// <summary>The messages next to fields (for a readable failure).</summary>
    public static string Errors(string html) =>
        string.Join(" | ", ErrorPattern().Matches(html).Select(m => m.Groups[1].Value + ": " + m.Groups[2].Value));

    /// <summary>True when the field's validation message holds <paramref name="text"/>.</summary>
    public static bool HasFieldError(string html, string field, string text) =>
        ErrorPattern().Matches(html).Any(m => m.Groups[1].Value == field && WebUtility.HtmlDecode(m.Groups[2].Value).Contains(text));

    [GeneratedRegex(@"^/Courses/(\d+)$")]
    private static partial Regex CourseIdPattern();

    [GeneratedRegex("<span class=\"[^\"]*field-validation-error[^\"]*\" data-valmsg-for=\"([^\"]+)\"[^>]*>([^<]*)</span>")]
    private static partial Regex ErrorPattern();
}
