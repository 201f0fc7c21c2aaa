using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace TalentHub.IntegrationTests.Pages.Shell;

/// <summary>
/// Walks the main pages of each role, and the forms shown again after a refused post, in both languages,
/// and fails on any resource key shown as-is (what the localizer returns when a string is missing) — in
/// the text and in the attributes a reader meets (placeholder, title, aria-label, value, alt, and the client-side validation
/// messages data-val-*), and on text in the other language (fix23: the login page's hidden "remember me" message was
/// MVC's English default on the Chinese page: a field with no [Required] of its own). A key is any
/// dotted name whose first part is a key prefix of the resource files (digits allowed, "IncomeBand.Below50k"),
/// or any exact key of those files. Every page must answer its expected status (200; 404 for the missing page).
/// </summary>
public sealed partial class TranslationCompletenessTests(TalentHubFactory app) : AppTest(app)
{
    /// <summary>
    /// Stands in the page list for the month before the app's <see cref="TalentHubFactory.SeedDay"/>, whose dispatch report
    /// the seed issued: the list is built when the tests are discovered, which may be in another month than the seed ran.
    /// </summary>
    private const string SeededLastMonth = "{seeded-last-month}";

    public static TheoryData<string, string, string> Pages()
    {
        var data = new TheoryData<string, string, string>();
        var byRole = new Dictionary<string, string[]>
        {
            ["admin"] = ["/", "/Admin/Jobs", "/Admin/Audit", "/Admin/Users", "/People", "/Entities", "/Courses", "/Programs"],
            ["city.officer"] = ["/", "/People", "/People/Create", "/Entities", "/Entities/Create", "/Courses", "/Courses/Create",
                "/Courses/Calendar", "/Programs", "/Programs/Create", "/People/Import", "/Entities/Import",
                "/Reports", "/Reports?Category=SocialService", "/Reports/Targets", "/Reports/Dispatch", "/Reports/Dispatch/" + SeededLastMonth, "/Reports/Examples"],
            ["anji.officer"] = ["/Reports", "/Reports/Examples"],
            ["anji.clerk"] = ["/", "/People", "/Entities", "/Courses", "/Reports"],
            ["trainer.wang"] = ["/", "/Courses"],
            ["13800000002"] = ["/", "/Catalog", "/My/Enrollments", "/My/Messages"],
            ["anonymous"] = ["/", "/Catalog", "/Identity/Account/Login", "/Identity/Account/Register", "/no-such-page", "/Examples"],
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
        page = page.Replace(SeededLastMonth, App.SeedDay.AddMonths(-1).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture));

        var response = await client.GetAsync(page + (page.Contains('?') ? "&" : "?") + "culture=" + culture);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(page == "/no-such-page" ? HttpStatusCode.NotFound : HttpStatusCode.OK, response.StatusCode);
        AssertTranslated(page, culture, html);
    }

    /// <summary>
    /// Forms posted empty, and with "abc" in every field (review34g: an enum field said "“abc” is not a valid Annual
    /// income.", a check box "… is not a valid CanReveal."): each must be shown again (200) with its errors, all translated.
    /// </summary>
    public static TheoryData<string, string, string, string> RefusedPosts()
    {
        var data = new TheoryData<string, string, string, string>();
        (string Role, string Page)[] forms =
        [
            ("anji.clerk", "/People/Create"), ("anji.clerk", "/Entities/Create"), ("anji.clerk", "/Courses/Create"),
            ("city.officer", "/Programs/Create"), ("admin", "/Admin/Users/Create"),
            ("anonymous", "/Identity/Account/Login"), ("anonymous", "/Identity/Account/Register"),
        ];
        foreach (var (role, page) in forms)
            foreach (var culture in new[] { "zh-CN", "en" })
                foreach (var value in new[] { "", "abc" })
                    data.Add(role, page, culture, value);
        return data;
    }

    [Theory]
    [MemberData(nameof(RefusedPosts))]
    public async Task FormShownAfterARefusedPost_ShowsNoRawResourceKeys(string role, string page, string culture, string value)
    {
        var client = role == "anonymous" ? App.NewClient() : await App.LoginAsync(role);
        var url = page + "?culture=" + culture;

        // Every field of the form, empty or "abc".
        var form = await client.GetStringAsync(url);
        var fields = InputNames().Matches(form).Select(m => m.Groups[1].Value).Distinct().ToDictionary(n => n, _ => value);
        Assert.NotEmpty(fields);
        var response = await client.PostFormAsync(url, fields, formPage: url);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches("field-validation-error|validation-summary-errors|is-invalid", html);
        AssertTranslated($"{page} (refused post of \"{value}\")", culture, html);
        var named = PropertyNamed().Matches(WebUtility.HtmlDecode(html)).Select(m => m.Value).Distinct().ToList();
        Assert.True(named.Count == 0, $"{page} ({culture}) names fields by their C# property: {string.Join(" | ", named)}");
    }

    [Fact]
    public void TheMessageChecks_FindChineseInAnEnglishError_AndAFieldNamedByItsProperty()
    {
        Assert.Equal(["请选择所在村。"], OtherLanguage("<span class=\"text-danger field-validation-error\">请选择所在村。</span>", "en"));
        Assert.Equal(["Choose a village."], OtherLanguage("<div class=\"validation-summary-errors\"><ul><li>Choose a village.</li></ul></div>", "zh-CN"));
        Assert.Empty(OtherLanguage("<span class=\"field-validation-error\">请选择 API 令牌。</span>", "zh-CN"));
        Assert.Single(PropertyNamed().Matches("“abc” is not a valid CanReveal."));
        Assert.Single(PropertyNamed().Matches("“abc”不是有效的AnnualIncome。"));
        Assert.Empty(PropertyNamed().Matches("Annual income: “abc” is not a valid value. “abc”不是有效的年收入。"));
    }

    /// <summary>A binding message that names its field by a C# property name ("is not a valid CanReveal", "不是有效的IncomeBand").</summary>
    [GeneratedRegex(@"(?:is not a valid|不是有效的)\s?[A-Z][a-z]+[A-Z]\w*")]
    private static partial Regex PropertyNamed();

    [Fact]
    public async Task FirstCourseAndPersonAndEntityPages_ShowNoRawResourceKeys()
    {
        var client = await App.LoginAsync("city.officer");
        foreach (var list in new[] { "/Courses", "/People", "/Entities" })
        {
            var first = FirstLink().Match(await client.GetStringAsync(list)).Groups[1].Value;
            Assert.NotEmpty(first);
            foreach (var page in new[] { first, first + "/Edit" }.Concat(list == "/Courses" ? [first + "/Roster"] : []))
                foreach (var culture in new[] { "zh-CN", "en" })
                {
                    var response = await client.GetAsync(page + "?culture=" + culture);
                    Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                    AssertTranslated(page, culture, await response.Content.ReadAsStringAsync());
                }
        }
    }

    [Fact]
    public void TheKeyMatcher_RecognisesEveryKeyShape_InTextAndAttributes()
    {
        Assert.Equal(["IncomeBand.Below50k"], RawKeys("<p>IncomeBand.Below50k</p>"));
        Assert.Equal(["Person.NoSuchKey"], RawKeys("<input placeholder=\"Person.NoSuchKey\">"));
        Assert.Equal(["Jobs.Result.Delivered"], RawKeys("<button title=\"Jobs.Result.Delivered\" aria-label=\"关闭\">"));
        Assert.Equal(["Common.Save"], RawKeys("<input type=\"submit\" value=\"Common.Save\">"));
        Assert.Empty(RawKeys("<p>admin@example.org, ASP.NET, v1.2</p><input type=\"hidden\" name=\"Person.Name\" value=\"张三\">"));
    }

    private static void AssertTranslated(string page, string culture, string html)
    {
        Assert.Contains($"<html lang=\"{culture}\">", html);
        var raw = RawKeys(html);
        Assert.True(raw.Count == 0, $"{page} ({culture}) shows untranslated keys: {string.Join(", ", raw)}");
        var other = OtherLanguage(html, culture);
        Assert.True(other.Count == 0, $"{page} ({culture}) shows text in the other language: {string.Join(" | ", other)}");
    }

    [Fact]
    public void TheLanguageCheck_FindsAnEnglishDefaultMessageOnAChinesePage_AndChineseMessagesOnAnEnglishOne()
    {
        const string defaultMessage = "<input type=\"checkbox\" data-val=\"true\" data-val-required=\"The RememberMe field is required.\" />";
        Assert.Equal(["The RememberMe field is required."], OtherLanguage(defaultMessage, "zh-CN"));
        Assert.Empty(OtherLanguage(defaultMessage, "en"));
        Assert.Equal(["请填写记住我。"], OtherLanguage("<input data-val-required=\"请填写记住我。\">", "en"));
        Assert.Empty(OtherLanguage("<input data-val-required=\"请填写 API 令牌。\" aria-label=\"切换导航\">", "zh-CN"));
    }

    /// <summary>
    /// Messages and labels in the other language: on a Chinese page an English sentence (three or more words, no Chinese)
    /// in a validation message (client-side or shown by the server), aria-label or placeholder; on an English page Chinese
    /// in a validation message or placeholder (aria-labels may name records, which keep their Chinese names).
    /// </summary>
    private static List<string> OtherLanguage(string html, string culture)
    {
        var zh = culture.StartsWith("zh", StringComparison.Ordinal);
        var withoutScripts = Scripts().Replace(html, " ");
        // The error messages the server wrote next to a field or in the summary (review34g): the posted values are ASCII.
        var shown = ShownErrors().Matches(withoutScripts).SelectMany(m => Tags().Split(m.Groups[1].Value))
            .Select(t => WebUtility.HtmlDecode(t).Trim()).Where(t => t.Length > 0);
        return LanguageAttributes().Matches(withoutScripts)
            .Where(m => zh || m.Groups[1].Value != "aria-label")
            .Select(m => WebUtility.HtmlDecode(m.Groups[2].Value))
            .Concat(shown)
            .Where(v => zh ? !Chinese().IsMatch(v) && EnglishWords().IsMatch(v) : Chinese().IsMatch(v))
            .Distinct().ToList();
    }

    [GeneratedRegex(@"class=""[^""]*(?:field-validation-error|validation-summary-errors)[^""]*""[^>]*>(.*?)</(?:span|div)>", RegexOptions.Singleline)]
    private static partial Regex ShownErrors();

    [GeneratedRegex(@"\s(placeholder|aria-label|data-val-[a-z]+)=""([^""]*)""")]
    private static partial Regex LanguageAttributes();

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Chinese();

    [GeneratedRegex(@"[A-Za-z]{2,}(?:\s+[A-Za-z]+){2,}")]
    private static partial Regex EnglishWords();

    /// <summary>Raw keys in the visible text and in the reader-facing attributes of <paramref name="html"/>.</summary>
    private static List<string> RawKeys(string html)
    {
        var withoutScripts = Scripts().Replace(html, " ");
        var attributes = ReaderAttributes().Matches(withoutScripts).Select(m => WebUtility.HtmlDecode(m.Groups[2].Value));
        var text = WebUtility.HtmlDecode(Tags().Replace(withoutScripts, " "));
        return attributes.Append(text)
            .SelectMany(s => KeyShape().Matches(s).Select(m => m.Value))
            .Where(k => Keys.Value.All.Contains(k) || Keys.Value.Prefixes.Contains(k[..k.IndexOf('.')]))
            .Distinct().ToList();
    }

    private static readonly Lazy<(HashSet<string> All, HashSet<string> Prefixes)> Keys = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !Directory.Exists(Path.Combine(dir.FullName, "src", "TalentHub.Web", "Resources"))) dir = dir.Parent;
        Assert.NotNull(dir);
        var all = Directory.GetFiles(Path.Combine(dir.FullName, "src", "TalentHub.Web", "Resources"), "*.resx")
            .SelectMany(f => XDocument.Load(f).Root!.Elements("data").Select(d => (string)d.Attribute("name")!))
            .Where(k => k.Contains('.')).ToHashSet(StringComparer.Ordinal);
        Assert.True(all.Count > 500, $"{all.Count} keys");
        return (all, all.Select(k => k[..k.IndexOf('.')]).ToHashSet(StringComparer.Ordinal));
    });

    [GeneratedRegex(@"(?<![\w.@/])[A-Z][A-Za-z0-9]*(?:\.[A-Za-z0-9]+)+(?![\w@/])")]
    private static partial Regex KeyShape();

    [GeneratedRegex(@"\s(placeholder|title|aria-label|value|alt|data-val-[a-z]+)=""([^""]*)""")]
    private static partial Regex ReaderAttributes();

    [GeneratedRegex(@"<(?:input|select|textarea)[^>]*\sname=""(Input\.[^""\[]+)""")]
    private static partial Regex InputNames();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex("<(script|style)[^>]*>.*?</\\1>", RegexOptions.Singleline)]
    private static partial Regex Scripts();

    [GeneratedRegex("href=\"(/(?:Courses|People|Entities)/\\d+)\"")]
    private static partial Regex FirstLink();
}
