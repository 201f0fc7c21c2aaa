using Microsoft.Playwright;
using TalentHub.BrowserTests.Support;

namespace TalentHub.BrowserTests.Pages.Training;

/// <summary>The farmer's own enrollments (/My/Enrollments).</summary>
public sealed class MyEnrollmentsPage(IPage page)
{
    public ILocator Enrollment(string title) => page.Locator("article[data-enrollment]").Filter(new() { HasText = title });

    /// <summary>Presses cancel on <paramref name="title"/> but answers "no" to the confirmation; returns the question asked.</summary>
    public async Task<string> CancelButKeepAsync(string title)
    {
        var asked = new TaskCompletionSource<string>();
        void OnDialog(object? _, IDialog dialog) { asked.TrySetResult(dialog.Message); dialog.DismissAsync(); }
        page.Dialog += OnDialog;
        await Enrollment(title).Locator("button[type=submit]").ClickAsync();
        var question = await asked.Task.WaitAsync(TimeSpan.FromMilliseconds(BrowserApp.ActionTimeout));
        page.Dialog -= OnDialog;
        return question;
    }

    /// <summary>
    /// Cancels the enrollment in <paramref name="title"/>, accepting the confirmation dialog, and waits for the page the
    /// cancel leads to (the page being left may already show a flash, e.g. the enrollment's own).
    /// </summary>
    public async Task CancelAsync(string title)
    {
        void Accept(object? _, IDialog dialog) => dialog.AcceptAsync();
        page.Dialog += Accept;
        try
        {
            await page.FollowAsync(() => Enrollment(title).Locator("button[type=submit]").ClickAsync(), "**/My/Enrollments");
        }
        finally { page.Dialog -= Accept; }
        await Assertions.Expect(page.Locator("[role=status]")).ToHaveCountAsync(1);
    }
}
