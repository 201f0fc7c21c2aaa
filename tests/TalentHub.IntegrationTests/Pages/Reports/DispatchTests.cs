using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using System.Text.RegularExpressions;
using TalentHub.Web.Domain.Reports;
using TalentHub.Web.Services.Reports;

namespace TalentHub.IntegrationTests.Pages.Reports;

/// <summary>The dispatch report: issued on demand, its .xlsx cells, stored as issued until an explicit, audited regeneration.</summary>
public sealed class DispatchTests(TalentHubFactory app) : AppTest(app)
{
    private const string Anji = "330523000000";

    [Fact]
    public async Task AMonthTypedInFullWidthDigits_IsIssued_AndTheCalendarShowsIt()
    {
        // rev36: where the browser has no month picker (a text box), a Chinese input method types ２０２５－０７; the dispatch
        // form refused it as "choose a month that has ended" and the course calendar as unrecognised, while number and date
        // fields read full-width digits (review12).
        var client = await App.LoginAsync("city.officer");
        var issued = await client.PostFormAsync("/Reports/Dispatch", new() { ["Month"] = "２０２５－０７" }, "/Reports/Dispatch");
        Assert.Equal(HttpStatusCode.Redirect, issued.StatusCode);
        Assert.Equal("/Reports/Dispatch/2025-07", issued.Headers.Location?.OriginalString);

        var calendar = await (await App.LoginAsync("anji.clerk")).GetStringAsync("/Courses/Calendar?month=" + Uri.EscapeDataString("２０２５－０７"));
        Assert.Contains("id=\"month\"", calendar);
        Assert.Contains("value=\"2025-07\"", calendar);
        Assert.DoesNotContain("无法识别", calendar);
    }

    [Fact]
    public async Task CityOfficer_IssuesAMonth_XlsxHasTheTable_AndLaterDataDoesNotRewriteIt()
    {
        const string month = "2025-06";
        var client = await App.LoginAsync("city.officer");
        var issued = await client.PostFormAsync("/Reports/Dispatch", new() { ["Month"] = month }, "/Reports/Dispatch");
        Assert.Equal(HttpStatusCode.Redirect, issued.StatusCode);
        Assert.Equal($"/Reports/Dispatch/{month}", issued.Headers.Location?.OriginalString);
        var stored = await App.QueryAsync(db => db.DispatchReports.AsNoTracking().SingleAsync(r => r.Month == month));

        var page = await client.GetStringAsync($"/Reports/Dispatch/{month}");
        Assert.Contains($"data-paragraph=\"{Anji}\"", page);
        Assert.Contains("综合进度排名第", page);

        var rows = MiniExcel.Query(new MemoryStream(await client.GetByteArrayAsync($"/Reports/Dispatch/{month}?handler=Xlsx")), useHeaderRow: false)
            .Cast<IDictionary<string, object?>>().ToList();
        // Title, issue time, "data as of" and table title above the header (DispatchXlsxTests has the rest of the workbook).
        Assert.Equal("排名", rows[4]["A"]);
        Assert.Equal("县（市、区）", rows[4]["B"]);
        Assert.Equal("培训结业人数 · 完成", rows[4]["C"]);
        Assert.Equal(5, rows.Skip(5).TakeWhile(r => r["A"] is not null).Count()); // five counties
        Assert.Contains(rows.Skip(5), r => (string?)r["B"] == "安吉县");

        // A later target (a data correction) does not rewrite the issued report, and issuing again keeps it.
        await App.QueryAsync(async db =>
        {
            db.Targets.Add(AnnualTarget.Create(2025, Anji, Indicator.PeopleTrained, 1));
            return await db.SaveChangesAsync();
        });
        await client.PostFormAsync("/Reports/Dispatch", new() { ["Month"] = month }, "/Reports/Dispatch");
        var again = await App.QueryAsync(db => db.DispatchReports.AsNoTracking().SingleAsync(r => r.Month == month));
        Assert.Equal(stored.Figures, again.Figures);
        Assert.Equal(0, again.Regenerations);

        // Regenerating is explicit and audited.
        await client.PostFormAsync("/Reports/Dispatch", new() { ["Month"] = month, ["Regenerate"] = "true" }, "/Reports/Dispatch");
        var regenerated = await App.QueryAsync(db => db.DispatchReports.AsNoTracking().SingleAsync(r => r.Month == month));
        Assert.NotEqual(stored.Figures, regenerated.Figures);
        Assert.Equal(1, regenerated.Regenerations);
        Assert.True(await App.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == nameof(DispatchReport) && a.EntityId == stored.Id.ToString())));
    }

    /// <summary>
    /// review34a: issuing a month already issued (regeneration not ticked) keeps the stored report, but the flash said
    /// "调度通报已生成", so the officer took the old figures for fresh ones; it says the report stands as issued.
    /// </summary>
    [Theory]
    [InlineData("", "2003-07", "调度通报已生成", "该月通报已印发，以下为印发时的内容；如需更新数据，请勾选“重新生成”。")]
    [InlineData("?culture=en", "2003-08", "Dispatch report generated", "This month’s report was already issued and is shown as issued; tick “Regenerate” to replace its figures.")]
    public async Task IssuingAMonthAlreadyIssued_SaysItStandsAsIssued(string culture, string month, string generated, string already)
    {
        var client = await App.LoginAsync("city.officer");
        var url = "/Reports/Dispatch" + culture;

        var first = await client.PostFormAsync(url, new() { ["Month"] = month }, url);
        Assert.Contains(generated, WebUtility.HtmlDecode(await client.GetStringAsync(first.Headers.Location!.OriginalString + culture)));
        var again = await client.PostFormAsync(url, new() { ["Month"] = month }, url);
        var html = WebUtility.HtmlDecode(await client.GetStringAsync(again.Headers.Location!.OriginalString + culture));

        Assert.Contains(already, html);
        Assert.DoesNotContain(generated, html);
        Assert.Equal(0, (await App.QueryAsync(db => db.DispatchReports.AsNoTracking().SingleAsync(r => r.Month == month))).Regenerations);
    }

    /// <summary>
    /// review32: the report of a past month was computed from today's records; PRODUCT.md §7 says from the snapshot. A
    /// snapshot that differs from what the records say now (a later correction) is what the report shows.
    /// </summary>
    [Fact]
    public async Task APastMonth_IsReportedFromItsMonthEndSnapshot_NotFromTodaysRecords()
    {
        const string month = "2011-05";
        var day = new DateOnly(2011, 5, 31);
        await App.RunAsync<ReportsService, int>(s => s.WriteSnapshotAsync(day));
        await App.QueryAsync(async db =>
        {
            var row = await db.Snapshots.SingleAsync(s => s.Day == day && s.CountyCode == Anji && s.Indicator == Indicator.PeopleTrained);
            row.Value = 777;
            return await db.SaveChangesAsync();
        });
        var client = await App.LoginAsync("city.officer");

        await client.PostFormAsync("/Reports/Dispatch", new() { ["Month"] = month }, "/Reports/Dispatch");

        var figures = DispatchService.Read(await App.QueryAsync(db => db.DispatchReports.AsNoTracking().SingleAsync(r => r.Month == month)));
        var anji = figures.Counties.Single(c => c.County == Anji);
        Assert.Equal(777m, anji.Cells[Indicator.PeopleTrained].Actual);
        var page = WebUtility.HtmlDecode(await client.GetStringAsync($"/Reports/Dispatch/{month}"));
        Assert.Contains("湖州市2011年5月人才培育工作调度通报", page);
        Assert.Contains("数据截至 2011年5月31日", page);
        Assert.Contains("印发时间：", page);
    }

    [Fact]
    public async Task AnUnchangedRank_IsSaidInWords_LikeTheParagraph_NotTheNoDataDash()
    {
        // review18: the table showed "—" (no previous month) for a rank unchanged since last month, while the paragraph
        // under it said "与上月持平" and the dashboard "持平".
        const string month = "2024-08";
        var client = await App.LoginAsync("city.officer");
        await client.PostFormAsync("/Reports/Dispatch", new() { ["Month"] = month }, "/Reports/Dispatch");
        var figures = DispatchService.Read(await App.QueryAsync(db => db.DispatchReports.AsNoTracking().SingleAsync(r => r.Month == month)));
        var page = await client.GetStringAsync($"/Reports/Dispatch/{month}");
        var unchanged = figures.Counties.Where(c => c.Movement == 0).ToList();
        Assert.NotEmpty(unchanged); // no data in 2024: every rank is the same as in July
        foreach (var county in unchanged)
        {
            var row = Regex.Match(page, $"<tr data-county=\"{county.County}\">.*?</tr>", RegexOptions.Singleline).Value;
            Assert.Contains("<td data-movement>持平</td>", row);
        }
    }

    [Fact]
    public async Task AMonthNotYetEnded_IsRefusedNextToTheField()
    {
        var client = await App.LoginAsync("city.officer");
        var response = await client.PostFormAsync("/Reports/Dispatch", new() { ["Month"] = "2099-01" }, "/Reports/Dispatch");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("请选择2000年以来已结束的月份", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("0001-01")]
    [InlineData("9999-12")]
    [InlineData("1999-12")]
    public async Task AMonthOutsideTheYearsOfTargets_IsRefusedNextToTheField_NotA500(string month)
    {
        // review12: 0001-01 and 9999-12 overflowed the period arithmetic (500).
        var client = await App.LoginAsync("city.officer");
        var response = await client.PostFormAsync("/Reports/Dispatch", new() { ["Month"] = month }, "/Reports/Dispatch");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("请选择2000年以来已结束的月份", await response.Content.ReadAsStringAsync());
        Assert.False(await App.QueryAsync(db => db.DispatchReports.AnyAsync(r => r.Month == month)));
    }

    [Fact]
    public async Task CountyStaff_CannotOpenDispatchReports()
    {
        var client = await App.LoginAsync("anji.officer");
        var response = await client.GetAsync("/Reports/Dispatch");
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Seed_IssuedLastMonthsReport()
    {
        // The month before the seed's day, not today's: the suite may run across a month's turn (Asia/Shanghai).
        var last = App.SeedDay.AddMonths(-1).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(await App.QueryAsync(db => db.DispatchReports.AnyAsync(r => r.Month == last)));
    }
}
