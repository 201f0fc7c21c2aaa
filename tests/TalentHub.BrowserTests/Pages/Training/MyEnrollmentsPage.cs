using Microsoft.Playwright;

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
        var question = await asked.Task;
        page.Dialog -= OnDialog;
        return question;
    }

    /// <summary>Cancels the enrollment in <paramref name="title"/>, accepting the confirmation dialog.</summary>
    public async Task CancelAsync(string title)
    {
        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await Enrollment(title).Locator("button[type=submit]").ClickAsync();
        await page.Locator("[role=status]").WaitForAsync();
    }
}
