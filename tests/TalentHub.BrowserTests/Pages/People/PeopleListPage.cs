using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TalentHub.BrowserTests.Support;

namespace TalentHub.BrowserTests.Pages.People;

/// <summary>The talent registry list (/People) and the person details it leads to.</summary>
public sealed class PeopleListPage(IPage page)
{
    public ILocator Rows => page.Locator("table tbody tr");

    /// <summary>Opens the first person's details page.</summary>
    public async Task OpenFirstPersonAsync()
    {
        await page.FollowAsync(() => Rows.First.Locator("a").ClickAsync(), new Regex(@"/People/\d+$"));
    }

    public Task<string> MainTextAsync() => page.InnerTextAsync("main");
}
