using System.Globalization;
using System.Text.RegularExpressions;
using MiniExcelLibs;

namespace TalentHub.IntegrationTests.Pages.Reports;

/// <summary>
/// fix29b: what the report pages offer to download agrees with what they show: no file for a refused filter, the links
/// carry the page's filters, each file is named by what it holds, and the page and its files say "data as of" alike.
/// </summary>
public sealed partial class ReportDownloadsTests(TalentHubFactory app) : AppTest(app)
{
    private const string Anji = "330523000000";
    private const string Wuxing = "330502000000";

    [GeneratedRegex("href=\"([^\"]*handler=Export[^\"]*)\"")]
    private static partial Regex ExportHref();

    [GeneratedRegex("<p [^>]*id=\"(?:report|dispatch)-as-of\"[^>]*>(.*?)</p>")]
    private static partial Regex AsOfParagraph();

    [GeneratedRegex(@"^(数据截至|Data as of) \d{4}-\d{2}-\d{2} \d{2}:\d{2}$")]
    private static partial Regex AsOfLine();

    private static List<string> ExportLinks(string page) =>
        ExportHref().Matches(page).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();

    /// <summary>The download's names: the plain (ASCII) filename and the RFC 5987 filename*, decoded.</summary>
    private static async Task<(string Ascii, string Name)> NamesOf(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        var ascii = disposition.FileName!.Trim('"');
        Assert.True(ascii.All(c => c is > ' ' and < '\u007f'), ascii);
        return (ascii, disposition.FileNameStar!);
    }

    /// <summary>
    /// A refused filter (another county's code, an unknown county, a year before 2000, a program that is not one) shows no
    /// figures, and offers no download: before, the links dropped the refused county and downloaded the user's own scope.
    /// A download asked for by hand with the same values answers as the page: back to it, the value marked.
    /// </summary>
    [Theory]
    [InlineData("anji.officer", "County=" + Wuxing, "County")]
    [InlineData("city.officer", "County=330599000000", "County")]
    [InlineData("city.officer", "Year=1999", "Year")]
    [InlineData("city.officer", "ProgramId=999999", "ProgramId")]
    public async Task RefusedFilter_OffersNoDownload_AndADownloadOfItAnswersAsThePage(string user, string query, string field)
    {
        var client = await App.LoginAsync(user);

        var page = await client.GetStringAsync($"/Reports?{query}");
        Assert.Contains($"data-filter-error=\"{field}\"", page);
        Assert.Contains("id=\"report-refused\"", page);
        Assert.Empty(ExportLinks(page));
        Assert.DoesNotContain("id=\"export-xlsx\"", page);

        foreach (var format in new[] { "xlsx", "csv" })
        {
            var download = await client.GetAsync($"/Reports?handler=Export&format={format}&{query}");
            Assert.Equal(HttpStatusCode.Redirect, download.StatusCode);
            Assert.Contains($"data-filter-error=\"{field}\"", await client.GetStringAsync(download.Headers.Location!.OriginalString));
        }
    }

    /// <summary>
    /// Every file is named by kind, scope and period (and the filters), in the UI language (filename*) with the English
    /// name as the ASCII fallback (filename): the city's, a county's and a month's downloads no longer share one name.
    /// </summary>
    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public async Task Downloads_AreNamedByKindScopeAndPeriod(string culture)
    {
        var english = culture == "en";
        string Pick(string zh, string en) => english ? en : zh;
        var client = await App.LoginAsync("city.officer");
        var year = App.SeedDay.Year;
        var month = App.SeedDay.AddMonths(-1).ToString("yyyy-MM", CultureInfo.InvariantCulture);

        var city = ExportLinks(await client.GetStringAsync($"/Reports?Year={year}&culture={culture}"));
        Assert.Equal((
                $"talent-report_Huzhou-City_{year}.xlsx",
                Pick($"人才工作报表_湖州市_{year}.xlsx", $"talent-report_Huzhou-City_{year}.xlsx")),
            await NamesOf(client, city[0] + $"&culture={culture}"));

        // The links carry the page's filters, and the files are named by them.
        var links = ExportLinks(await client.GetStringAsync($"/Reports?Year={year}&County={Anji}&Category=ProfessionalSkill&culture={culture}"));
        Assert.Equal(2 + 3 + 5, links.Count); // the workbook, all tables as .csv, and each table's .csv (progress, ranking, trend, outcomes)
        Assert.All(links, l => Assert.Contains($"Year={year}", l));
        Assert.All(links, l => Assert.Contains($"County={Anji}", l));
        Assert.All(links, l => Assert.Contains("Category=ProfessionalSkill", l));
        Assert.Equal((
                $"talent-report_Anji-County_{year}_Professional-skills.xlsx",
                Pick($"人才工作报表_安吉县_{year}_专业技能型.xlsx", $"talent-report_Anji-County_{year}_Professional-skills.xlsx")),
            await NamesOf(client, links[0] + $"&culture={culture}"));
        var satisfaction = links.Single(l => l.Contains("sheet=5", StringComparison.Ordinal));
        Assert.Equal((
                $"talent-report_Satisfaction_Anji-County_{year}_Professional-skills.csv",
                Pick($"人才工作报表_培训满意度_安吉县_{year}_专业技能型.csv", $"talent-report_Satisfaction_Anji-County_{year}_Professional-skills.csv")),
            await NamesOf(client, satisfaction + $"&culture={culture}"));

        Assert.Equal((
                $"dispatch-report_Huzhou-City_{month}.xlsx",
                Pick($"调度通报_湖州市_{month}.xlsx", $"dispatch-report_Huzhou-City_{month}.xlsx")),
            await NamesOf(client, $"/Reports/Dispatch/{month}?handler=Xlsx&culture={culture}"));

        // A county role's files are named by its county; the examples list by the day it was taken.
        var officer = await App.LoginAsync("anji.officer");
        var own = ExportLinks(await officer.GetStringAsync($"/Reports?Year={year}&culture={culture}"));
        Assert.Equal((
                $"talent-report_Anji-County_{year}.xlsx",
                Pick($"人才工作报表_安吉县_{year}.xlsx", $"talent-report_Anji-County_{year}.xlsx")),
            await NamesOf(officer, own[0] + $"&culture={culture}"));
        var (ascii, name) = await NamesOf(officer, $"/Reports/Examples?handler=Export&format=csv&culture={culture}");
        Assert.Matches(@"^typical-examples_Anji-County_\d{4}-\d{2}-\d{2}\.csv$", ascii);
        Assert.Matches(Pick(@"^典型案例_安吉县_\d{4}-\d{2}-\d{2}\.csv$", @"^typical-examples_Anji-County_\d{4}-\d{2}-\d{2}\.csv$"), name);
    }

    /// <summary>
    /// The page says when its figures were read in the words and format its files do (Asia/Shanghai, to the minute):
    /// before, /Reports said "数据截至2026-12-02" / "Figures as of …" beside the files' "数据截至 2026-12-02 09:15".
    /// The dispatch page states its file's line exactly: the month's last day, whose snapshot the figures are (review32).
    /// </summary>
    [Theory]
    [InlineData("zh-CN", "数据截至")]
    [InlineData("en", "Data as of")]
    public async Task ThePagesAndTheirFiles_StateTheAsOfLineAlike(string culture, string words)
    {
        var client = await App.LoginAsync("city.officer");
        const int year = 2005;

        var page = await client.GetStringAsync($"/Reports?Year={year}&culture={culture}");
        var line = WebUtility.HtmlDecode(AsOfParagraph().Match(page).Groups[1].Value);
        Assert.Matches(AsOfLine(), line);
        Assert.StartsWith(words + " ", line);
        var xlsx = await client.GetByteArrayAsync($"/Reports?handler=Export&format=xlsx&Year={year}&culture={culture}");
        // Below the report, its filters and when the file was made (imports32), as in the all-tables .csv.
        var first = (string?)MiniExcel.Query(new MemoryStream(xlsx), useHeaderRow: false).Cast<IDictionary<string, object?>>().ElementAt(6)["A"];
        Assert.Matches(AsOfLine(), first ?? "");
        Assert.StartsWith(words + " ", first);

        var month = App.SeedDay.AddMonths(-1).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var dispatch = await client.GetStringAsync($"/Reports/Dispatch/{month}?culture={culture}");
        var file = await client.GetByteArrayAsync($"/Reports/Dispatch/{month}?handler=Xlsx&culture={culture}");
        var fileLine = (string?)MiniExcel.Query(new MemoryStream(file), useHeaderRow: false).Cast<IDictionary<string, object?>>().ElementAt(2)["A"];
        var lastDay = App.SeedDay.AddDays(-App.SeedDay.Day);
        Assert.Equal(culture == "en" ? $"Data as of {lastDay.ToString("d MMM yyyy", CultureInfo.InvariantCulture)}"
            : $"数据截至 {lastDay.Year}年{lastDay.Month}月{lastDay.Day}日", fileLine);
        Assert.Equal(fileLine, WebUtility.HtmlDecode(AsOfParagraph().Match(dispatch).Groups[1].Value));
    }
}
