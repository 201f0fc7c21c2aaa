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
        await page.ClickAsync("#entity-filter button[type=submit]");
        await page.WaitForSelectorAsync($"#entities a:text-is('{name}')");
    }

    /// <summary>Opens the entity named <paramref name="name"/> and waits for <paramref name="detailsUrl"/>.</summary>
    public async Task OpenAsync(string name, string detailsUrl)
    {
        await page.ClickAndFollowAsync($"#entities a:text-is('{name}')", detailsUrl);
    }
}
