using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace TalentHub.BrowserTests.Pages.People;

/// <summary>The talent registry list (/People) and the person details it leads to.</summary>
public sealed class PeopleListPage(IPage page)
{
    public ILocator Rows => page.Locator("table tbody tr");

    /// <summary>Opens the first person's details page.</summary>
    public async Task OpenFirstPersonAsync()
    {
        await Rows.First.Locator("a").ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/People/\d+$"));
    }

    public Task<string> MainTextAsync() => page.InnerTextAsync("main");
}
