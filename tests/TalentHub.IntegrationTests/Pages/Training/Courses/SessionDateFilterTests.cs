using System.Globalization;
using static TalentHub.IntegrationTests.Pages.Training.Courses.CourseForms;

namespace TalentHub.IntegrationTests.Pages.Training.Courses;

/// <summary>
/// review32: the date filters of the staff course list and the public catalog matched a course with one session after
/// "from" and another before "to", though none fell between (sessions in January and March matched February).
/// </summary>
public sealed class SessionDateFilterTests(TalentHubFactory app) : AppTest(app)
{
    private static string D(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_course_is_listed_only_for_a_range_holding_one_of_its_sessions()
    {
        var title = UniqueTitle("跨月");
        var (first, second) = (Today.AddDays(137), Today.AddDays(163));
        var id = await App.CreateOpenCourseByFormAsync(title, sessions: [(first, "09:00", "11:00"), (second, "09:00", "11:00")]);
        var staff = await App.LoginAsync("anji.clerk");
        var visitor = App.NewClient();

        // The search box repeats the title: the course's link says whether it is listed.
        var link = $"href=\"/Courses/{id}\"";
        Assert.Contains(link, await staff.GetStringAsync($"/Courses?Q={Uri.EscapeDataString(title)}"));
        foreach (var (from, to, listed) in new[]
                 {
                     (first.AddDays(10), second.AddDays(-10), false), // between the two sessions
                     (second.AddDays(-5), second.AddDays(5), true),
                     (first, first, true),
                     (second.AddDays(1), (DateOnly?)null, false),
                 })
        {
            var query = $"From={D(from)}" + (to is { } t ? $"&To={D(t)}" : "");
            var list = await staff.GetStringAsync($"/Courses?Q={Uri.EscapeDataString(title)}&{query}");
            var catalog = await visitor.GetStringAsync($"/Catalog?{query}");
            Assert.True(listed == list.Contains(link, StringComparison.Ordinal), $"/Courses {query}");
            Assert.True(listed == catalog.Contains(title, StringComparison.Ordinal), $"/Catalog {query}");
        }
    }

    /// <summary>
    /// rev37a: a farmer who picked the dates the wrong way round ("from" after "to") got an empty catalog saying no course was
    /// open, and staff an empty list, without a word about the dates; the range is now read in order and shown in order.
    /// </summary>
    [Fact]
    public async Task A_range_picked_the_wrong_way_round_lists_what_it_names_and_shows_the_dates_in_order()
    {
        var title = UniqueTitle("倒序");
        var day = Today.AddDays(141);
        var id = await App.CreateOpenCourseByFormAsync(title, sessions: [(day, "09:00", "11:00")]);
        var staff = await App.LoginAsync("anji.clerk");
        var query = $"From={D(day.AddDays(5))}&To={D(day.AddDays(-5))}";

        var list = await staff.GetStringAsync($"/Courses?Q={Uri.EscapeDataString(title)}&{query}");
        var catalog = await App.NewClient().GetStringAsync($"/Catalog?{query}");

        Assert.Contains($"href=\"/Courses/{id}\"", list);
        Assert.Contains(title, catalog);
        Assert.Contains($"name=\"From\" value=\"{D(day.AddDays(-5))}\"", catalog);
    }
}
