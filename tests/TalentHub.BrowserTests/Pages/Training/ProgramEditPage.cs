using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TalentHub.BrowserTests.Support;

namespace TalentHub.BrowserTests.Pages.Training;

/// <summary>A training program's edit form (/Programs/{id}/Edit), reached from the program list.</summary>
public sealed class ProgramEditPage(IPage page)
{
    /// <summary>The trainee target of the first county.</summary>
    public ILocator FirstCountyTarget => page.Locator("#target-0");

    /// <summary>
    /// Opens the first program's edit form and returns its URL. (Reading <c>page.Url</c> right after the click once
    /// returned the list's own URL on a loaded machine: the click had not yet led anywhere.)
    /// </summary>
    public async Task<string> OpenFirstFromListAsync()
    {
        await page.FollowAsync(() => page.ClickAsync("main a[href$='/Edit']"), new Regex(@"/Programs/\d+/Edit$"));
        return page.Url;
    }

    /// <summary>Saves and waits for the program list it leads to, with its confirmation.</summary>
    public async Task SaveAsync()
    {
        await page.FollowAsync(() => page.ClickAsync("main form button[type=submit]"), new Regex(@"/Programs(/Index)?$"));
        await Assertions.Expect(page.Locator("[role=status]")).ToHaveCountAsync(1);
    }
}
