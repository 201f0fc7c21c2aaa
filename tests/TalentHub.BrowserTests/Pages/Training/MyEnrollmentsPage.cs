using Microsoft.Playwright;

namespace TalentHub.BrowserTests.Pages.Training;

/// <summary>The farmer's own enrollments (/My/Enrollments).</summary>
public sealed class MyEnrollmentsPage(IPage page)
{
    public ILocator Enrollment(string title) => page.Locator("article[data-enrollment]").Filter(new() { HasText = title });

    /// <summary>Cancels the enrollment in <paramref name="title"/>, accepting the confirmation dialog.</summary>
    public async Task CancelAsync(string title)
    {
        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await Enrollment(title).Locator("button[type=submit]").ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }
}
