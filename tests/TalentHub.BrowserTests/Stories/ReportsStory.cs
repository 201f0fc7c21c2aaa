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

        await layout.OpenMenuAsync("数据看板", "**/Reports");
        await dashboard.Drawn("chart-map").First.WaitForAsync();
        Assert.True(await dashboard.Drawn("chart-progress").CountAsync() > 0);
        Assert.True(await dashboard.Drawn("chart-trend").CountAsync() > 0);
        Assert.True(await dashboard.Drawn("chart-map").CountAsync() > 0);
        Assert.Equal(5, await dashboard.ProgressRows.CountAsync());
        foreach (var chart in DashboardPage.OutcomeCharts)
        {
            Assert.True(await dashboard.Drawn($"chart-{chart}").CountAsync() > 0, $"{chart} not drawn");
            Assert.True(await dashboard.TableRows(chart).CountAsync() > 0, $"{chart} has no table");
        }
        Assert.Equal(6, await dashboard.TableRows("rates").CountAsync()); // five counties and the whole city
        Assert.Equal(2, await dashboard.ExampleCards.CountAsync());
        await BrowserApp.ScreenshotAsync(page, "reports-dashboard");

        await dashboard.OpenNewestDispatchReportAsync();
        var lastMonth = DateTime.UtcNow.AddHours(8).AddMonths(-1).ToString("yyyy-MM");
        Assert.EndsWith($"/Reports/Dispatch/{lastMonth}", page.Url);
        Assert.Equal(5, await dashboard.DispatchRows.CountAsync());
        Assert.Equal(5, await dashboard.Paragraphs.CountAsync());
        Assert.Equal(2, await dashboard.DispatchExamples.CountAsync());
        await BrowserApp.ScreenshotAsync(page, "reports-dispatch");
        await page.Context.CloseAsync();
    }
}
