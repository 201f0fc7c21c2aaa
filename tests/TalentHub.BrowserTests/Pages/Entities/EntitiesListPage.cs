using Microsoft.Playwright;
using TalentHub.BrowserTests.Support;

namespace TalentHub.BrowserTests.Pages.Entities;

/// <summary>The business entity list (/Entities) with its filter.</summary>
public sealed class EntitiesListPage(IPage page)
{
    /// <summary>Lists the entities in <paramref name="status"/> whose name matches <paramref name="name"/>; waits for that row.</summary>
    public async Task SearchAsync(string status, string name)
    {
        await page.GotoAsync($"/Entities?Status={status}");
        await page.FillAsync("#Q", name);
        // The unfiltered list may already show the row: wait for the filtered page, not for the row.
        await page.FollowAsync(() => page.ClickAsync("#entity-filter button[type=submit]"), url => url.Contains("Q=", StringComparison.Ordinal));
        await page.Locator($"#entities a:text-is('{name}')").WaitForAsync();
    }

    /// <summary>Opens the entity named <paramref name="name"/> and waits for <paramref name="detailsUrl"/>.</summary>
    public async Task OpenAsync(string name, string detailsUrl)
    {
        await page.ClickAndFollowAsync($"#entities a:text-is('{name}')", detailsUrl);
    }
}
