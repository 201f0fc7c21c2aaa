using Microsoft.Playwright;
using TalentHub.BrowserTests.Support;

namespace TalentHub.BrowserTests.Pages.Admin;

/// <summary>The jobs console (/Admin/Jobs): one row per job with its next run and last result.</summary>
public sealed class JobsPage(IPage page)
{
    public Task OpenAsync() => page.GotoAsync("/Admin/Jobs");

    public ILocator Job(string name) => page.Locator($"tr[data-job={name}]");

    public Task<string?> NextFireAsync(string job) => Job(job).Locator("[data-next-fire]").GetAttributeAsync("data-next-fire");

    public async Task RunNowAsync(string job)
    {
        await page.FollowAsync(() => Job(job).Locator("button[data-action=run]").ClickAsync(), "**/Admin/Jobs");
        await Assertions.Expect(page.Locator("[role=status]")).ToHaveCountAsync(1);
    }

    public ILocator LastResult(string job, string result) => Job(job).Locator($"[data-last-result={result}]");

    /// <summary>
    /// The run is asynchronous: reloads, 250 ms apart, until <paramref name="result"/> is recorded (bounded at 120 s of
    /// real time; the caller then asserts the result, so running out only fails the test later with a clear message).
    /// </summary>
    public async Task ReloadUntilResultAsync(string job, string result)
    {
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (await LastResult(job, result).CountAsync() == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250);
            await page.ReloadAsync();
        }
    }
}
