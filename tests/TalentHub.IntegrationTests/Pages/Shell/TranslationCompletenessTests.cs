using System.Text.RegularExpressions;

namespace TalentHub.IntegrationTests.Pages.Shell;

/// <summary>
/// Walks the main pages of each role in both languages and fails on any resource key shown as-is
/// (what the localizer returns when a string is missing), so neither language can have gaps.
/// </summary>
public sealed partial class TranslationCompletenessTests(TalentHubFactory app) : AppTest(app)
{
    public static TheoryData<string, string, string> Pages()
    {
        var data = new TheoryData<string, string, string>();
        var byRole = new Dictionary<string, string[]>
        {
            ["admin"] = ["/", "/Admin/Jobs", "/Admin/Audit", "/People", "/Entities", "/Courses", "/Programs"],
            ["city.officer"] = ["/", "/People", "/People/Create", "/Entities", "/Entities/Create", "/Courses", "/Courses/Create",
                "/Courses/Calendar", "/Programs", "/Programs/Create", "/People/Import", "/Entities/Import"],
            ["anji.clerk"] = ["/", "/People", "/Entities", "/Courses"],
            ["trainer.wang"] = ["/", "/Courses"],
            ["13800000002"] = ["/", "/Catalog", "/My/Enrollments", "/My/Messages"],
            ["anonymous"] = ["/", "/Catalog", "/Identity/Account/Login", "/Identity/Account/Register", "/no-such-page"],
        };
        foreach (var (role, pages) in byRole)
            foreach (var page in pages)
                foreach (var culture in new[] { "zh-CN", "en" })
                    data.Add(role, page, culture);
        return data;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_ShowsNoRawResourceKeys(string role, string page, string culture)
    {
        var client = role == "anonymous" ? App.NewClient() : await App.LoginAsync(role);

        var response = await client.GetAsync(page + (page.Contains('?') ? "&" : "?") + "culture=" + culture);
        var html = await response.Content.ReadAsStringAsync();
        var text = Tags().Replace(Scripts().Replace(html, " "), " ");

        Assert.True(response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.NotFound, $"{page}: {(int)response.StatusCode}");
        Assert.Contains($"<html lang=\"{culture}\">", html);
        var raw = RawKey().Matches(text).Select(m => m.Value).Distinct().ToList();
        Assert.True(raw.Count == 0, $"{page} ({culture}) shows untranslated keys: {string.Join(", ", raw)}");
    }

    [Fact]
    public async Task FirstCourseAndPersonAndEntityPages_ShowNoRawResourceKeys()
    {
        var client = await App.LoginAsync("city.officer");
        foreach (var list in new[] { "/Courses", "/People", "/Entities" })
        {
            var first = FirstLink().Match(await client.GetStringAsync(list)).Groups[1].Value;
            foreach (var page in new[] { first, first + "/Edit" }.Concat(list == "/Courses" ? [first + "/Roster"] : []))
                foreach (var culture in new[] { "zh-CN", "en" })
                {
                    var html = await client.GetStringAsync(page + "?culture=" + culture);
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

    [GeneratedRegex("href=\"(/(?:Courses|People|Entities)/\\d+)\"")]
    private static partial Regex FirstLink();
}
