using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace TalentHub.BrowserTests.Support;

/// <summary>
/// Waiting for the page a click or a submit leads to. <c>WaitForURLAsync</c> was not enough: in CI it once timed out
/// after 15 s waiting for a "load" event it had missed ("networkidle" had already fired), and a glob that also matches
/// the page being left returns before the new page exists. Instead the document being left is marked, the action runs,
/// and a poll inside the browser waits for an unmarked document that has finished loading; then its URL is checked.
/// </summary>
public static class Navigation
{
    /// <summary>Runs <paramref name="act"/> and waits for the new page; <paramref name="urlGlob"/> as Playwright's globs (<c>**</c> anything, <c>*</c> anything but a slash, <c>?</c> itself).</summary>
    public static Task FollowAsync(this IPage page, Func<Task> act, string urlGlob) => page.FollowAsync(act, GlobRegex(urlGlob));

    /// <summary>Runs <paramref name="act"/> and waits for a new page whose URL matches <paramref name="url"/>.</summary>
    public static Task FollowAsync(this IPage page, Func<Task> act, Regex url) => page.FollowAsync(act, url.IsMatch);

    /// <summary>Runs <paramref name="act"/> and waits for a new page whose URL satisfies <paramref name="url"/>.</summary>
    public static async Task FollowAsync(this IPage page, Func<Task> act, Func<string, bool> url)
    {
        try { await page.EvaluateAsync(Mark); }
        catch (PlaywrightException e) when (e.Message.Contains("Execution context was destroyed", StringComparison.Ordinal))
        {
            // An earlier step's navigation was still under way: let that page finish loading, then mark it.
            await page.WaitForFunctionAsync("() => document.readyState === 'complete'", null, new() { PollingInterval = 50 });
            await page.EvaluateAsync(Mark);
        }
        await act();
        await page.WaitForFunctionAsync("() => !window.__leaving && document.readyState === 'complete'",
            null, new() { PollingInterval = 50 });
        if (!url(page.Url)) throw new InvalidOperationException($"The action led to {page.Url}, not the page expected.");
    }

    /// <summary>Clicks <paramref name="selector"/> and waits for the page it leads to (see <see cref="FollowAsync(IPage, Func{Task}, string)"/>).</summary>
    public static Task ClickAndFollowAsync(this IPage page, string selector, string urlGlob) =>
        page.FollowAsync(() => page.ClickAsync(selector), urlGlob);

    private const string Mark = "() => { window.__leaving = true; }";

    private static Regex GlobRegex(string glob)
    {
        var pattern = Regex.Escape(glob).Replace(@"\*\*", ".*").Replace(@"\*", "[^/]*");
        return new Regex("^" + pattern + "$");
    }
}
