using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Domain.Training;

namespace TalentHub.IntegrationTests.Pages.Shell;

/// <summary>Every outcomes page (attendance to follow-up) and the typical example pages, in both languages, show no raw resource key.</summary>
public sealed partial class OutcomesTranslationTests(TalentHubFactory app) : AppTest(app)
{
    [Fact]
    public async Task OutcomesPages_ShowNoRawResourceKeys_InEitherLanguage()
    {
        var anji = await App.QueryAsync(async db =>
        {
            var completed = await db.Courses.Where(c => c.CountyCode == "330523000000" && c.Status == CourseStatus.Completed).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
            var running = await db.Courses.Where(c => c.CountyCode == "330523000000" && c.Status == CourseStatus.InProgress).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
            var session = await db.CourseSessions.Where(s => s.CourseId == running).OrderBy(s => s.Id).Select(s => s.Id).FirstAsync();
            var certificate = await db.Certificates.Where(c => c.CourseId == completed).OrderBy(c => c.Id).Select(c => c.Number).FirstAsync();
            var task = await db.FollowUpTasks.Where(t => t.CountyCode == "330523000000").OrderBy(t => t.Id).Select(t => t.Id).FirstAsync();
            var example = await db.Examples.Where(e => e.CountyCode == "330523000000").OrderBy(e => e.Id).Select(e => e.Id).FirstAsync();
            var person = await db.People.Where(p => p.CountyCode == "330523000000").OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
            return (completed, running, session, certificate, task, example, person);
        });
        var pages = new (string Login, string Page)[]
        {
            ("anji.officer", $"/Courses/{anji.running}/Sessions/{anji.session}/Attendance"),
            ("anji.officer", $"/Courses/{anji.running}/Sessions/{anji.session}/SignInSheet"),
            ("anji.officer", $"/Courses/{anji.running}/Sessions/{anji.session}/Code"),
            ("anji.officer", $"/Courses/{anji.completed}/Outcomes"),
            ("anji.officer", $"/Courses/{anji.completed}/Assessment"),
            ("anji.officer", $"/Courses/{anji.running}/Outcomes"),
            ("anji.clerk", "/FollowUps"),
            ("anji.clerk", "/FollowUps?State=All"),
            ("anji.clerk", $"/FollowUps/{anji.task}"),
            ("city.officer", "/Programs"),
            ("13800000006", "/My/CheckIn"),
            ("13800000006", "/My/Certificates"),
            ("13800000006", "/My/Enrollments"),
            ("13800000006", $"/My/Survey/{anji.completed}"),
            ("anonymous", $"/Verify/{anji.certificate}"),
            ("anji.officer", $"/Reports/Examples/{anji.example}"),
            ("anji.officer", $"/Reports/Examples/Create?Subject=Person&SubjectId={anji.person}"),
            ("city.officer", $"/Reports/Examples/{anji.example}"),
        };
        foreach (var (login, page) in pages)
        {
            var client = login == "anonymous" ? App.NewClient() : await App.LoginAsync(login);
            foreach (var culture in new[] { "zh-CN", "en" })
            {
                var response = await client.GetAsync(page + (page.Contains('?') ? "&" : "?") + "culture=" + culture);
                var html = await response.Content.ReadAsStringAsync();
                Assert.True(response.IsSuccessStatusCode, $"{page} ({culture}): {(int)response.StatusCode}");
                var raw = RawKey().Matches(Tags().Replace(Scripts().Replace(html, " "), " ")).Select(m => m.Value).Distinct().ToList();
                Assert.True(raw.Count == 0, $"{page} ({culture}) shows untranslated keys: {string.Join(", ", raw)}");
            }
        }
    }

    [GeneratedRegex(@"\b[A-Z][A-Za-z]+(?:\.[A-Z][A-Za-z]*)+\b")]
    private static partial Regex RawKey();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex("<(script|style)[^>]*>.*?</\\1>", RegexOptions.Singleline)]
    private static partial Regex Scripts();
}
