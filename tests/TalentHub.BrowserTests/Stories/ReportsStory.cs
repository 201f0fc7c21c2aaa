using static Microsoft.Playwright.Assertions;
using TalentHub.BrowserTests.Pages.Reports;
using TalentHub.BrowserTests.Pages.Shared;
using TalentHub.BrowserTests.Support;

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
        await layout.LoginAsync("city.officer", authenticatorCode: app.CodeFor("city.officer"));

        // Written before the page is asked for, so a month that turns while the test runs cannot fail it (Asia/Shanghai).
        var lastMonthBefore = DateTime.UtcNow.AddHours(8).AddMonths(-1).ToString("yyyy-MM");
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
        await Expect(dashboard.ExampleCards).ToHaveCountAsync(2);
        await BrowserApp.ScreenshotAsync(page, "reports-dashboard");

        await dashboard.OpenNewestDispatchReportAsync();
        var lastMonthAfter = DateTime.UtcNow.AddHours(8).AddMonths(-1).ToString("yyyy-MM");
        Assert.Contains(page.Url[(page.Url.LastIndexOf('/') + 1)..], new[] { lastMonthBefore, lastMonthAfter });
        await Expect(dashboard.DispatchRows).ToHaveCountAsync(5);
        await Expect(dashboard.Paragraphs).ToHaveCountAsync(5);
        await Expect(dashboard.DispatchExamples).ToHaveCountAsync(2);
        await BrowserApp.ScreenshotAsync(page, "reports-dispatch");
        await page.Context.CloseAsync();
    }
}
