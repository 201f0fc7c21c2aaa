using System.Net;
using System.Text.RegularExpressions;
using MiniExcelLibs;
using TalentHub.Web.Domain.Reports;

namespace TalentHub.IntegrationTests.Pages.Reports;

/// <summary>
/// xlsx16: the dashboard's .xlsx holds the sections the page shows: the typical examples (masked, the viewer's counties
/// only) and, in the progress table, each indicator's schedule share and the movement since last month.
/// </summary>
public sealed partial class ReportsExportTests(TalentHubFactory app) : AppTest(app)
{
    /// <summary>The sheet's rows from its header down (the "data as of" line above it is checked, then left out).</summary>
    private static List<IDictionary<string, object?>> Rows(byte[] bytes, string sheet) => BelowAsOf(bytes, sheet);

    /// <summary>
    /// A /Reports workbook sheet's rows below its heading (imports32: the report, its filters and when it was made, six
    /// lines) and the "data as of" line under it (fix23), which must be its seventh line.
    /// </summary>
    public static List<IDictionary<string, object?>> BelowAsOf(byte[] bytes, string sheet)
    {
        var rows = MiniExcel.Query(new MemoryStream(bytes), useHeaderRow: false, sheetName: sheet).Cast<IDictionary<string, object?>>().ToList();
        Assert.Matches(AsOfLine(), (string?)rows[HeadingLines]["A"] ?? "");
        return rows.Skip(HeadingLines + 1).ToList();
    }

    /// <summary>The lines of the report, its filters and when it was made, above the "as of" line (file or sheet).</summary>
    private const int HeadingLines = 6;

    [GeneratedRegex(@"^(数据截至|Data as of) \d{4}-\d{2}-\d{2} \d{2}:\d{2}$")]
    private static partial Regex AsOfLine();

    [GeneratedRegex("<h2 class=\"h6 card-title\">(.*?)</h2>")]
    private static partial Regex CardTitle();

    [Theory]
    [InlineData("city.officer", 2)]
    [InlineData("anji.officer", 1)] // the Wuxing cooperative's example is another county's
    public async Task Xlsx_HoldsTheExamplesThePageShows_MaskedAndScoped(string user, int seeded)
    {
        var client = await App.LoginAsync(user);
        var year = App.SeedDay.AddMonths(-1).Year; // the seed approved its examples in the month before its day
        var page = await client.GetStringAsync($"/Reports?Year={year}");
        var titles = CardTitle().Matches(page).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
        Assert.True(titles.Count >= seeded);

        var rows = Rows(await client.GetByteArrayAsync($"/Reports?handler=Export&format=xlsx&Year={year}"), "典型案例");
        Assert.Equal(["县（市、区）", "人员或经营主体", "标题", "审核时间", "事迹简介"], rows[0].Values.Take(5).ToArray());
        Assert.Equal(titles, rows.Skip(1).Select(r => (string)r["C"]!).ToList());
        var tea = rows.Single(r => Equals(r["C"], "返乡创办白茶合作基地，带动农户增收"));
        Assert.Equal("安吉县", tea["A"]);
        Assert.Matches("^.\\*.$", (string)tea["B"]!); // 熊*飞: masked as on the card
        if (user == "anji.officer") Assert.DoesNotContain(rows.Skip(1), r => Equals(r["A"], "吴兴区"));
    }

    [Fact]
    public async Task Xlsx_ProgressSheet_HasTheScheduleShareAndTheMovement_AsThePageTable()
    {
        var client = await App.LoginAsync("city.officer");
        var rows = Rows(await client.GetByteArrayAsync("/Reports?handler=Export&format=xlsx"), "目标完成进度");
        var header = rows[0].Values.Select(v => (string?)v).ToList();
        Assert.Contains("培训结业人数 · 序时进度（%）", header);
        Assert.Equal("较上月", header[^1]);
        Assert.Equal(2 + 3 * Indicators.All.Count + 2, header.Count);
    }

    /// <summary>
    /// fix23: the downloads did not say when their figures were read (they are reused for up to 30 s, and a file lives on).
    /// Every sheet of the .xlsx has the line right above its header (below the heading); a .csv keeps its header as the first line (so it
    /// re-imports) and ends with the line, after an empty row. The instant is Asia/Shanghai, to the minute.
    /// </summary>
    [Theory]
    [InlineData("zh-CN", "数据截至", "排名")]
    [InlineData("en", "Data as of", "Rank")]
    public async Task Downloads_StateWhenTheirFiguresWereRead(string culture, string words, string firstHeader)
    {
        var client = await App.LoginAsync("city.officer");
        const int year = 2003; // no other test asks for it, so its figures are read by these requests, not reused
        var before = Shanghai(DateTimeOffset.UtcNow);
        var xlsx = await client.GetByteArrayAsync($"/Reports?handler=Export&format=xlsx&Year={year}&culture={culture}");
        var csv = ExportFiles.Csv(await client.GetByteArrayAsync($"/Reports?handler=Export&format=csv&sheet=0&Year={year}&culture={culture}"));
        var after = Shanghai(DateTimeOffset.UtcNow);

        void AssertLine(string? line)
        {
            Assert.StartsWith(words + " ", line);
            var instant = line![(words.Length + 1)..];
            Assert.True(string.CompareOrdinal(before, instant) <= 0 && string.CompareOrdinal(instant, after) <= 0, $"{instant} not in {before}..{after}");
        }
        var sheets = MiniExcel.GetSheetNames(new MemoryStream(xlsx));
        Assert.Equal(9, sheets.Count);
        foreach (var sheet in sheets)
            AssertLine((string?)MiniExcel.Query(new MemoryStream(xlsx), useHeaderRow: false, sheetName: sheet).Cast<IDictionary<string, object?>>().ElementAt(HeadingLines)["A"]);
        Assert.Equal(firstHeader, BelowAsOf(xlsx, sheets[0])[0]["A"]);

        Assert.Equal(firstHeader, csv[0][0]);
        AssertLine(Assert.Single(csv[^1]));
        Assert.All(csv[^2], c => Assert.Equal("", c));
        Assert.DoesNotContain(csv[..^1], r => r.Any(c => c.StartsWith(words, StringComparison.Ordinal)));
    }

    /// <summary>
    /// admin30: the page's top "导出 CSV" downloaded the first table (progress) only. It now downloads every table of the
    /// page in one file, as the .xlsx holds them: per table its title line, its header and all its rows, an empty row
    /// between tables, the "as of" line once at the end; the tables' own links still download their one table.
    /// </summary>
    [Theory]
    [InlineData("zh-CN", "导出 CSV（全部表格）", "导出本表 CSV")]
    [InlineData("en", "Export .csv (all tables)", "Export this table (.csv)")]
    public async Task TheTopCsv_HoldsEveryTableOfThePage_WithTheSameFilters(string culture, string allLabel, string tableLabel)
    {
        var client = await App.LoginAsync("city.officer");
        var year = App.SeedDay.AddMonths(-1).Year;
        var page = await client.GetStringAsync($"/Reports?Year={year}&Category=ProfessionalSkill&culture={culture}");
        var top = TopCsvLink().Match(page);
        Assert.True(top.Success);
        Assert.Equal(allLabel, top.Groups[2].Value);
        Assert.DoesNotContain("sheet=", top.Groups[1].Value);
        Assert.Contains("Category=ProfessionalSkill", top.Groups[1].Value);
        Assert.Contains(tableLabel, page);

        var csv = ExportFiles.Csv(await client.GetByteArrayAsync(WebUtility.HtmlDecode(top.Groups[1].Value)));
        var xlsx = await client.GetByteArrayAsync($"/Reports?handler=Export&format=xlsx&Year={year}&Category=ProfessionalSkill&culture={culture}");

        var sheets = MiniExcel.GetSheetNames(new MemoryStream(xlsx));
        Assert.Equal(9, sheets.Count);
        var at = 0;
        foreach (var sheet in sheets)
        {
            var table = BelowAsOf(xlsx, sheet).Select(r => r.Values.Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture) ?? "")
                .Reverse().SkipWhile(v => v == "").Reverse().ToArray()).SkipWhile(r => r.Length == 0).TakeWhile(r => r.Length > 0).ToList();
            // The section: a title line, then the header and every row as the workbook's sheet has them, then an empty row.
            var header = csv.FindIndex(at, r => r.SequenceEqual(table[0]));
            Assert.True(header > at, $"{sheet}: header not found after row {at}");
            Assert.Single(csv[header - 1]);
            Assert.NotEqual("", csv[header - 1][0]);
            var rows = csv.Skip(header).TakeWhile(r => r.Any(c => c != "")).ToList();
            Assert.Equal(table.Count, rows.Count);
            Assert.Equal(table.Select(r => r[0]), rows.Select(r => r[0]));
            at = header + rows.Count;
        }
        var asOf = Assert.Single(csv, r => r.Any(c => c.StartsWith(culture == "en" ? "Data as of " : "数据截至", StringComparison.Ordinal)));
        Assert.True(csv.IndexOf(asOf) < csv.FindIndex(r => r.SequenceEqual([sheets[0]])), "the as-of line heads the file");
    }

    /// <summary>
    /// reports31: the all-tables .csv did not say what it holds. It starts with the report and year, each filter with its
    /// value as the form shows it, when it was made (Asia/Shanghai) and the "as of" line, then an empty row; the tables follow.
    /// </summary>
    [Theory]
    [InlineData("zh-CN", "数据看板", "年份：", "县（市、区）：安吉县", "培训项目：全部项目", "课程类别：专业技能型", "生成时间 ", "数据截至 ")]
    [InlineData("en", "Dashboard", "Year: ", "County: Anji County", "Program: All programs", "Course category: Professional skills", "Generated ", "Data as of ")]
    public async Task TheTopCsv_StartsWithTheReportItsFiltersAndWhenItWasMade(string culture, string title, string year, string county,
        string program, string category, string generated, string asOf)
    {
        var client = await App.LoginAsync("city.officer");
        var y = App.SeedDay.AddMonths(-1).Year;
        var before = Shanghai(DateTimeOffset.UtcNow);
        var csv = ExportFiles.Csv(await client.GetByteArrayAsync(
            $"/Reports?handler=Export&format=csv&Year={y}&County={Anji}&Category=ProfessionalSkill&culture={culture}"));
        var after = Shanghai(DateTimeOffset.UtcNow);

        Assert.Equal([$"{title} {y}", year + y, county, program, category], csv.Take(5).Select(r => Assert.Single(r)).ToArray());
        var made = Assert.Single(csv[5]);
        Assert.StartsWith(generated, made);
        Assert.InRange(string.CompareOrdinal(made[generated.Length..], before), 0, int.MaxValue);
        Assert.InRange(string.CompareOrdinal(made[generated.Length..], after), int.MinValue, 0);
        Assert.StartsWith(asOf, Assert.Single(csv[6]));
        Assert.All(csv[7], c => Assert.Equal("", c));
        Assert.Equal(culture == "en" ? "Progress against targets" : "目标完成进度", Assert.Single(csv[8]));
    }

    /// <summary>
    /// imports32 item 4: the .xlsx had only the "as of" line above each table while the all-tables .csv starts with the
    /// report, its filters and when it was made. Every sheet now starts with the same lines as the .csv, in the page's language.
    /// </summary>
    [Theory]
    [InlineData("zh-CN", "数据看板", "县（市、区）：安吉县", "课程类别：专业技能型", "生成时间 ")]
    [InlineData("en", "Dashboard", "County: Anji County", "Course category: Professional skills", "Generated ")]
    public async Task EveryXlsxSheet_StartsWithTheLinesTheCsvStartsWith(string culture, string title, string county, string category, string generated)
    {
        var client = await App.LoginAsync("city.officer");
        var y = App.SeedDay.AddMonths(-1).Year;
        var query = $"Year={y}&County={Anji}&Category=ProfessionalSkill&culture={culture}";
        var csv = ExportFiles.Csv(await client.GetByteArrayAsync($"/Reports?handler=Export&format=csv&{query}"));
        var xlsx = await client.GetByteArrayAsync($"/Reports?handler=Export&format=xlsx&{query}");

        var lines = csv.Take(HeadingLines + 1).Select(r => Assert.Single(r)).ToList();
        Assert.Equal($"{title} {y}", lines[0]);
        Assert.Contains(county, lines);
        Assert.Contains(category, lines);
        var sheets = MiniExcel.GetSheetNames(new MemoryStream(xlsx));
        Assert.Equal(9, sheets.Count);
        foreach (var sheet in sheets)
        {
            var top = MiniExcel.Query(new MemoryStream(xlsx), useHeaderRow: false, sheetName: sheet).Cast<IDictionary<string, object?>>()
                .Take(HeadingLines + 1).Select(r => (string?)r["A"] ?? "").ToList();
            Assert.Equal(lines.Take(HeadingLines - 1), top.Take(HeadingLines - 1)); // the report and its filters
            Assert.StartsWith(generated, top[HeadingLines - 1]);                    // when it was made (this request)
            Assert.Matches(AsOfLine(), top[HeadingLines]);
        }
    }

    /// <summary>
    /// imports32 item 5: the ranking's and the progress table's movement was 0 in the files where the page says 持平 (and a
    /// number, or nothing, where it says 上升2位 or —). The files now say what the page says, in its language.
    /// </summary>
    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public async Task TheMovementReadsInTheFilesAsOnThePage(string culture)
    {
        var client = await App.LoginAsync("city.officer");
        var year = App.SeedDay.AddMonths(-1).Year;
        var page = await client.GetStringAsync($"/Reports?Year={year}&culture={culture}");
        var shown = RankingItem().Matches(page).Select(m => (Rank: m.Groups[1].Value, Words: WebUtility.HtmlDecode(m.Groups[2].Value))).ToList();
        Assert.NotEmpty(shown);
        var csv = ExportFiles.Csv(await client.GetByteArrayAsync($"/Reports?handler=Export&format=csv&sheet=1&Year={year}&culture={culture}"));
        var xlsx = await client.GetByteArrayAsync($"/Reports?handler=Export&format=xlsx&Year={year}&culture={culture}");
        var sheet = MiniExcel.GetSheetNames(new MemoryStream(xlsx))[1];
        var xlsxRows = BelowAsOf(xlsx, sheet).Skip(1).ToList();

        Assert.Equal(shown, csv.Skip(1).TakeWhile(r => r.Any(c => c != "")).Select(r => (r[0], r[2])).ToList());
        Assert.Equal(shown, xlsxRows.Select(r => (Convert.ToString(r["A"], System.Globalization.CultureInfo.InvariantCulture)!, (string)r["C"]!)).ToList());
        // The progress table says the same per county.
        var progress = ExportFiles.Csv(await client.GetByteArrayAsync($"/Reports?handler=Export&format=csv&sheet=0&Year={year}&culture={culture}"));
        foreach (var row in progress.Skip(1).Where(r => r.Length > 2 && r[0] != ""))
            Assert.Contains((row[0], row[^1]), shown);
    }

    [GeneratedRegex("data-rank=\"(\\d+)\">\\s*<span>[^<]*</span><span>([^<]*)</span>")]
    private static partial Regex RankingItem();

    /// <summary>
    /// reports31: the numbers of the all-tables .csv (and the .xlsx) read as the page shows them: no 112.0 beside 112, at
    /// most one decimal, and the progress table's shares as the page's percentages (14.6, not 0.1455), headed "（%）".
    /// </summary>
    [Fact]
    public async Task TheTopCsv_ReadsItsNumbersAsThePage()
    {
        var client = await App.LoginAsync("city.officer");
        var year = App.SeedDay.AddMonths(-1).Year;
        var page = await client.GetStringAsync($"/Reports?Year={year}");
        var csv = ExportFiles.Csv(await client.GetByteArrayAsync($"/Reports?handler=Export&format=csv&Year={year}"));

        Assert.DoesNotContain(csv, r => r.Any(c => TrailingZeroOrLong().IsMatch(c)));
        var header = csv.FindIndex(r => r.Length > 2 && r[0] == "排名" && r[1] == "县（市、区）");
        Assert.Equal("培训结业人数 · 完成率（%）", csv[header][3]);
        Assert.Equal("综合进度（%）", csv[header][^2]);
        var anji = csv.Skip(header).First(r => r[1] == "安吉县");

        var row = Regex.Match(page, $"<tr data-county=\"{Anji}\">(.*?)</tr>", RegexOptions.Singleline).Groups[1].Value;
        var cells = Regex.Matches(row, "<td[^>]*>(.*?)</td>", RegexOptions.Singleline).Select(m => m.Groups[1].Value).ToList();
        var first = Regex.Match(cells[1], @"^\s*(\S+)\s*<div class=""small text-muted"">([^<]*)</div>");
        Assert.True(first.Success, cells[1]);
        Assert.Equal(first.Groups[1].Value, anji[2]); // the actual, as the page writes it
        var shares = Regex.Matches(WebUtility.HtmlDecode(first.Groups[2].Value), @"([\d.]+)%").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(shares, new[] { anji[3], anji[4] }.Where(c => c != "").ToList());
        Assert.Equal(cells[^2].Trim().TrimEnd('%'), anji[^2]); // overall progress
    }

    /// <summary>
    /// reports31: the progress, ranking and trend tables had no link of their own while the outcome tables had; each now
    /// has one, with the page's filters, downloading that one table (its header first).
    /// </summary>
    [Theory]
    [InlineData("progress-csv", "sheet=0", "排名")]
    [InlineData("ranking-csv", "sheet=1", "排名")]
    [InlineData("trend-csv", "sheet=2", "月份")]
    public async Task TheProgressRankingAndTrendTables_HaveTheirOwnCsvLink(string id, string sheet, string firstHeader)
    {
        var client = await App.LoginAsync("city.officer");
        var year = App.SeedDay.AddMonths(-1).Year;
        var page = await client.GetStringAsync($"/Reports?Year={year}&Category=ProfessionalSkill");
        var link = Regex.Match(page, $"id=\"{id}\" href=\"([^\"]+)\"");
        Assert.True(link.Success, id);
        var href = WebUtility.HtmlDecode(link.Groups[1].Value);
        Assert.Contains(sheet, href);
        Assert.Contains($"Year={year}", href);
        Assert.Contains("Category=ProfessionalSkill", href);
        var csv = ExportFiles.Csv(await client.GetByteArrayAsync(href));
        Assert.Equal(firstHeader, csv[0][0]);
    }

    private const string Anji = "330523000000";

    /// <summary>A number written with a trailing ".0" or more than the page's one decimal.</summary>
    [GeneratedRegex(@"^-?\d+(\.0|\.\d{2,})$")]
    private static partial Regex TrailingZeroOrLong();

    [GeneratedRegex("<a class=\"btn btn-outline-secondary no-print\" href=\"([^\"]+)\" id=\"export-csv\">([^<]+)</a>")]
    private static partial Regex TopCsvLink();

    private static string Shanghai(DateTimeOffset instant) =>
        TalentHub.Web.Infrastructure.ShanghaiTime.ToShanghai(instant).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
