using Microsoft.Playwright;
using TalentHub.BrowserTests.Support;

namespace TalentHub.BrowserTests.Pages.Entities;

/// <summary>A business entity's details (/Entities/{id}): status, people, history and the lifecycle buttons.</summary>
public sealed class EntityDetailsPage(IPage page)
{
    public Task<string> StatusAsync() => page.InnerTextAsync("#entity-status");
    public Task<string> MembersAsync() => page.InnerTextAsync("#members");
    public Task<string> HistoryAsync() => page.InnerTextAsync("#history-table");

    /// <summary>Takes the lifecycle step <paramref name="to"/> (optionally with a reason) and waits for the new status text.</summary>
    public async Task MoveAsync(string to, string expectedStatus, string? reason = null)
    {
        if (reason is not null) await page.FillAsync("#Reason", reason);
        var before = page.Url;
        await page.FollowAsync(() => page.ClickAsync($"#move-{to}"), url => url == before);
        await Assertions.Expect(page.Locator("#entity-status")).ToContainTextAsync(expectedStatus);
    }
}
