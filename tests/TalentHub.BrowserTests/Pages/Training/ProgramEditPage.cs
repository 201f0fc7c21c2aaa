using Microsoft.Playwright;

namespace TalentHub.BrowserTests.Pages.Training;

/// <summary>A training program's edit form (/Programs/{id}/Edit), reached from the program list.</summary>
public sealed class ProgramEditPage(IPage page)
{
    /// <summary>The trainee target of the first county.</summary>
    public ILocator FirstCountyTarget => page.Locator("#target-0");

    /// <summary>Opens the first program's edit form; its URL.</summary>
    public async Task<string> OpenFirstFromListAsync()
    {
        await page.ClickAsync("main a[href$='/Edit']");
        return page.Url;
    }

    public async Task SaveAsync()
    {
        await page.ClickAsync("main form button[type=submit]");
        await page.WaitForSelectorAsync("[role=status]");
    }
}
