using System.IO.Compression;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using TalentHub.Web.Domain.Reports;
using TalentHub.Web.Services.Reports;

namespace TalentHub.IntegrationTests.Pages.Reports;

/// <summary>
/// xlsx16: the dispatch report's .xlsx holds what its page shows (title, table with ranks and month-on-month movement as
/// formatted numbers, each county's paragraph, the typical examples), in the viewer's language, from the stored report.
/// </summary>
public sealed partial class DispatchXlsxTests(TalentHubFactory app) : AppTest(app)
{
    private const string Anji = "330523000000";

    /// <summary>The month before the seed's day (known once the app has started: log in first).</summary>
    private string LastMonth => App.SeedDay.AddMonths(-1).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

    private static List<IDictionary<string, object?>> Rows(byte[] bytes, string sheet) =>
        MiniExcel.Query(new MemoryStream(bytes), useHeaderRow: false, sheetName: sheet).Cast<IDictionary<string, object?>>().ToList();

    [GeneratedRegex("<p data-paragraph=\"330523000000\">(.*?)</p>")]
    private static partial Regex AnjiParagraph();

    [Theory]
    [InlineData("zh-CN", "通报", "本月典型案例", "湖州市", "较上月", "综合进度排名第")]
    [InlineData("en", "Dispatch", "Typical examples of the month", "Huzhou City", "vs last month", "ranks")]
    public async Task Xlsx_HoldsTitleTableParagraphsAndExamples_AsThePageShowsThem(string culture, string reportSheet, string examplesSheet,
        string city, string movementHeader, string paragraphWords)
    {
        var client = await App.LoginAsync("city.officer");
        var month = LastMonth; // the seed issued it, with two approved examples
        var report = await App.QueryAsync(db => db.DispatchReports.AsNoTracking().SingleAsync(r => r.Month == month));
        var figures = DispatchService.Read(report);
        var anji = figures.Counties.Single(c => c.County == Anji);
        var english = culture == "en";

        var page = await client.GetStringAsync($"/Reports/Dispatch/{month}?culture={culture}");
        var bytes = await client.GetByteArrayAsync($"/Reports/Dispatch/{month}?handler=Xlsx&culture={culture}");

        Assert.Equal([reportSheet, examplesSheet], MiniExcel.GetSheetNames(new MemoryStream(bytes)));
        var rows = Rows(bytes, reportSheet);
        var title = (string)rows[0]["A"]!;
        Assert.Contains(city, title);
        var lastDay = App.SeedDay.AddDays(-App.SeedDay.Day);
        // review32: the month in words (2026年11月 / Nov 2026), not "2026-11".
        Assert.Contains(english ? lastDay.ToString("MMM yyyy", System.Globalization.CultureInfo.InvariantCulture) : $"{lastDay.Year}年{lastDay.Month}月", title);
        Assert.Contains(WebUtility.HtmlEncode(title), page); // the page's heading says the same
        // fix23, review32: what the figures are as of, on both sheets: the month's last day (its snapshot), not the issue time.
        var asOf = english ? "Data as of " + lastDay.ToString("d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture)
            : $"数据截至 {lastDay.Year}年{lastDay.Month}月{lastDay.Day}日";
        Assert.Equal(asOf, rows[2]["A"]);
        Assert.Equal(asOf, Rows(bytes, examplesSheet)[2]["A"]);

        var header = rows.First(r => Equals(r["B"], english ? "County" : "县（市、区）"));
        var movementColumn = header.Single(c => Equals(c.Value, movementHeader)).Key;
        var anjiRow = rows.Single(r => Equals(r["B"], english ? anji.NameEn : anji.NameZh));
        Assert.Equal(anji.Rank, Convert.ToInt32(anjiRow["A"]));
        // No figure reads "—", as on the page (imports32); a figure is a number.
        Assert.Equal(anji.Movement, Equals(anjiRow[movementColumn], "—") ? null : Convert.ToInt32(anjiRow[movementColumn]));
        Assert.Equal(anji.Cells[Indicator.PeopleTrained].Actual, Equals(anjiRow["C"], "—") ? null : Convert.ToDecimal(anjiRow["C"]));
        Assert.DoesNotContain(rows.SkipWhile(r => r != header).Skip(1).TakeWhile(r => r.Values.Any(v => v is not null)), r => r.Values.Any(v => v is null));

        var paragraph = WebUtility.HtmlDecode(AnjiParagraph().Match(page).Groups[1].Value);
        Assert.Contains(paragraphWords, paragraph);
        Assert.Contains(rows, r => Equals(r["A"], paragraph));

        var examples = Rows(bytes, examplesSheet);
        Assert.NotEmpty(figures.Examples!);
        foreach (var e in figures.Examples!)
        {
            var row = examples.Single(r => Equals(r["D"], e.Title));
            Assert.Equal(e.MaskedName, row["C"]);
            Assert.Equal(english ? e.CountyEn : e.CountyZh, row["B"]);
            Assert.Contains(WebUtility.HtmlEncode(e.Title), page);
        }
    }

    [Fact]
    public async Task Xlsx_TableCellsAreNumbersWithFormats_UnderAFrozenHeader_AndTheDownloadIsAudited()
    {
        var client = await App.LoginAsync("city.officer");
        var month = LastMonth;
        var before = await App.QueryAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == nameof(DispatchReport) && a.Action == TalentHub.Web.Data.AuditAction.Export));
        var bytes = await client.GetByteArrayAsync($"/Reports/Dispatch/{month}?handler=Xlsx&culture=zh-CN");

        using var zip = new ZipArchive(new MemoryStream(bytes));
        string Part(string name) { using var r = new StreamReader(zip.GetEntry(name)!.Open()); return r.ReadToEnd(); }
        var sheet = Part("xl/worksheets/sheet1.xml");
        Assert.Matches("<x:pane ySplit=\"5\" [^>]*state=\"frozen\"", sheet); // title, issue time, data as of, table title, header
        Assert.Matches("<x:col min=\"2\" max=\"2\" width=\"[0-9.]+\"[^>]*customWidth=\"1\"", sheet);
        Assert.Matches("<x:c r=\"A6\" s=\"[0-9]+\"><x:v>[0-9]+</x:v>", sheet); // the first rank: a number, not text
        var styles = Part("xl/styles.xml");
        Assert.Contains("formatCode=\"0.0%\"", styles);
        // An unchanged rank reads 持平 as on the page (imports32: "—", the page's word for no previous month).
        Assert.Contains(System.Security.SecurityElement.Escape("\"↑\"0;\"↓\"0;\"持平\""), styles);
        Assert.Equal(before + 1, await App.QueryAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == nameof(DispatchReport) && a.Action == TalentHub.Web.Data.AuditAction.Export)));
    }

    [Fact]
    public async Task Xlsx_AsThePage_IsDeniedToCountyStaff_AndAnonymousGoesToLogin()
    {
        var county = await App.LoginAsync("anji.officer");
        var month = LastMonth;
        var refused = await county.GetAsync($"/Reports/Dispatch/{month}?handler=Xlsx");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("AccessDenied", refused.Headers.Location!.OriginalString);
        var anonymous = await App.NewClient().GetAsync($"/Reports/Dispatch/{month}?handler=Xlsx");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/Identity/Account/Login", anonymous.Headers.Location!.OriginalString);
    }
}
