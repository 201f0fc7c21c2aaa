using Microsoft.EntityFrameworkCore;
using static Microsoft.Playwright.Assertions;
using TalentHub.BrowserTests.Pages.Reports;
using TalentHub.BrowserTests.Pages.Shared;
using TalentHub.BrowserTests.Support;
using TalentHub.IntegrationTests.Support;
using TalentHub.Web.Domain.Reports;

namespace TalentHub.BrowserTests.Stories;

/// <summary>The city officer reads where the counties stand: dashboard charts and map, then last month's dispatch report.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ReportsStory(BrowserApp app)
{
    [Fact]
    public async Task CityOfficer_OpensTheDashboard_ChartsAndMapDrawn_ThenLastMonthsDispatchReport()
    {
        var page = await app.NewPageAsync();
        var layout = new Layout(page);
        var dashboard = new DashboardPage(page);
        // The dashboard shows this Shanghai year's figures and examples: no year may turn while the story runs.
        var today = await ShanghaiDays.RoomInDayAsync(TimeSpan.FromMinutes(3));
        // The seed approved its examples on the 10th of the month before its day: in January that is last year's.
        var (yearStart, yearEnd) = ReportPeriod.Year(today.Year);
        var examplesThisYear = await app.QueryAsync(db => db.Examples.IgnoreQueryFilters()
            .CountAsync(e => e.Status == ExampleStatus.Approved && e.DecidedAt >= yearStart && e.DecidedAt < yearEnd));
        await layout.LoginAsync("city.officer", authenticatorCode: app.CodeFor("city.officer"));

        await layout.OpenMenuAsync("数据看板", "**/Reports");
        // ECharts draws each chart from script after the page has loaded, in no fixed order: web-first assertions retry.
        foreach (var chart in new[] { "chart-map", "chart-progress", "chart-trend" })
            await Expect(dashboard.Drawn(chart)).Not.ToHaveCountAsync(0);
        await Expect(dashboard.ProgressRows).ToHaveCountAsync(5);
        foreach (var chart in DashboardPage.OutcomeCharts)
        {
            await Expect(dashboard.Drawn($"chart-{chart}")).Not.ToHaveCountAsync(0);
            await Expect(dashboard.TableRows(chart)).Not.ToHaveCountAsync(0);
        }
        await Expect(dashboard.TableRows("rates")).ToHaveCountAsync(6); // five counties and the whole city
        await Expect(dashboard.ExampleCards).ToHaveCountAsync(Math.Min(examplesThisYear, 6)); // the newest six
        await BrowserApp.ScreenshotAsync(page, "reports-dashboard");

        await dashboard.OpenNewestDispatchReportAsync();
        // The newest report is the one the seed issued for the month before its day; today's last month may be another
        // when the run crosses a month's turn (Asia/Shanghai), and the monthly job does not run under the tests.
        var seededLastMonth = app.SeedDay.AddMonths(-1).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(seededLastMonth, page.Url[(page.Url.LastIndexOf('/') + 1)..]);
        await Expect(dashboard.DispatchRows).ToHaveCountAsync(5);
        await Expect(dashboard.Paragraphs).ToHaveCountAsync(5);
        await Expect(dashboard.DispatchExamples).ToHaveCountAsync(2);
        await BrowserApp.ScreenshotAsync(page, "reports-dispatch");

        // Printed (A4): no menu, no buttons; an example, a paragraph or a table row is not cut across two pages, and a
        // section title does not stay alone at the foot of a page (xlsx16: an example's story ran onto the next page).
        await Expect(page.Locator("#dispatch-print")).ToBeVisibleAsync();
        await page.EmulateMediaAsync(new() { Media = Microsoft.Playwright.Media.Print });
        await Expect(page.Locator("nav.navbar")).ToBeHiddenAsync();
        await Expect(page.Locator("#dispatch-xlsx")).ToBeHiddenAsync();
        await Expect(page.Locator("#dispatch-print")).ToBeHiddenAsync();
        await Expect(dashboard.DispatchExamples.First).ToHaveCSSAsync("break-inside", "avoid");
        await Expect(dashboard.Paragraphs.First).ToHaveCSSAsync("break-inside", "avoid");
        await Expect(dashboard.DispatchRows.First).ToHaveCSSAsync("break-inside", "avoid");
        await Expect(page.Locator("#dispatch-report h2").First).ToHaveCSSAsync("break-after", "avoid");
        await page.EmulateMediaAsync(new() { Media = Microsoft.Playwright.Media.Screen });
        await page.Context.CloseAsync();
    }
}
