using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TalentHub.BrowserTests.Support;

namespace TalentHub.BrowserTests.Pages.Reports;

/// <summary>The dashboard (/Reports) and a dispatch report (/Reports/Dispatch/{yyyy-MM}).</summary>
public sealed class DashboardPage(IPage page)
{
    /// <summary>The drawing surface ECharts created inside a chart container (canvas, or svg for the svg renderer).</summary>
    public ILocator Drawn(string chartId) => page.Locator($"#{chartId} canvas, #{chartId} svg");

    /// <summary>The five outcome charts, by the id stem of their chart and table.</summary>
    public static readonly string[] OutcomeCharts = ["talents", "rates", "satisfaction", "followups", "spend"];

    /// <summary>The rows of the table beneath an outcome chart.</summary>
    public ILocator TableRows(string chart) => page.Locator($"#{chart}-table tbody tr");

    /// <summary>The approved typical examples shown on the dashboard.</summary>
    public ILocator ExampleCards => page.Locator("#example-cards article[data-example]");

    /// <summary>The month's typical examples in a dispatch report.</summary>
    public ILocator DispatchExamples => page.Locator("#dispatch-examples li[data-example]");

    public ILocator ProgressRows => page.Locator("#progress-table tbody tr[data-county]:not([data-county=average])");

    /// <summary>Follows the dashboard's link to the dispatch reports and opens the newest.</summary>
    public async Task OpenNewestDispatchReportAsync()
    {
        await page.ClickAndFollowAsync("#dispatch-link", "**/Reports/Dispatch");
        await page.FollowAsync(() => page.ClickAsync("#dispatch-list tbody tr:first-child a"), new Regex(@"/Reports/Dispatch/\d{4}-\d{2}$"));
        await page.Locator("#dispatch-report").WaitForAsync();
    }

    public ILocator Paragraphs => page.Locator("#dispatch-report p[data-paragraph]");
    public ILocator DispatchRows => page.Locator("#dispatch-table tbody tr");
}
