using Microsoft.Playwright;
using TalentHub.BrowserTests.Support;

namespace TalentHub.BrowserTests.Pages.Training;

/// <summary>A course's results (/Courses/{id}/Outcomes): revoke a certificate with a reason, reissue one that was revoked.</summary>
public sealed class OutcomesPage(IPage page, int courseId)
{
    private string Url => $"/Courses/{courseId}/Outcomes";

    public ILocator Row(int enrollmentId) => page.Locator($"#results tr[data-enrollment='{enrollmentId}']");

    public Task OpenAsync() => page.GotoAsync(Url);

    /// <summary>Opens the row's revoke form, types <paramref name="reason"/> and submits; waits for the page the post leads to.</summary>
    public async Task RevokeAsync(int enrollmentId, string reason)
    {
        var row = Row(enrollmentId);
        await row.Locator("details summary").ClickAsync();
        await row.Locator("input[name=RevokeReason]").FillAsync(reason);
        await page.FollowAsync(() => row.Locator("form[action*='handler=Revoke'] button[type=submit]").ClickAsync(), $"**{Url}");
    }

    /// <summary>Presses the row's Reissue button, accepts the confirmation and returns the question it asked.</summary>
    public async Task<string> ReissueAsync(int enrollmentId)
    {
        var asked = new TaskCompletionSource<string>();
        void Accept(object? _, IDialog dialog) { asked.TrySetResult(dialog.Message); dialog.AcceptAsync(); }
        page.Dialog += Accept;
        try
        {
            await page.FollowAsync(() => Row(enrollmentId).Locator("form[data-reissue] button[type=submit]").ClickAsync(), $"**{Url}");
        }
        finally { page.Dialog -= Accept; }
        return await asked.Task.WaitAsync(TimeSpan.FromMilliseconds(BrowserApp.ActionTimeout));
    }
}
