using Microsoft.Playwright;

namespace TalentHub.BrowserTests.Pages.Admin;

/// <summary>The jobs console (/Admin/Jobs): one row per job with its next run and last result.</summary>
public sealed class JobsPage(IPage page)
{
    public Task OpenAsync() => page.GotoAsync("/Admin/Jobs");

    public ILocator Job(string name) => page.Locator($"tr[data-job={name}]");

    public Task<string?> NextFireAsync(string job) => Job(job).Locator("[data-next-fire]").GetAttributeAsync("data-next-fire");

    public async Task RunNowAsync(string job)
    {
        await Job(job).Locator("button[data-action=run]").ClickAsync();
        await page.WaitForSelectorAsync("[role=status]");
    }

    public ILocator LastResult(string job, string result) => Job(job).Locator($"[data-last-result={result}]");

    /// <summary>The run is asynchronous: reloads (up to 40 times, 250 ms apart) until <paramref name="result"/> is recorded.</summary>
    public async Task ReloadUntilResultAsync(string job, string result)
    {
        for (var i = 0; i < 40 && await LastResult(job, result).CountAsync() == 0; i++)
        {
            await Task.Delay(250);
            await page.ReloadAsync();
        }
    }
}
