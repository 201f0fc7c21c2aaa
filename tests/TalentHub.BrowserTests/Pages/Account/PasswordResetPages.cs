using Microsoft.Playwright;
using TalentHub.BrowserTests.Support;

namespace TalentHub.BrowserTests.Pages.Account;

/// <summary>County staff issue a one-time reset code on a person's page (shown once, after a confirmation).</summary>
public sealed class IssueResetCodePage(IPage page)
{
    /// <summary>Opens the person, confirms the question and returns the 8-digit code shown once.</summary>
    public async Task<string> IssueAsync(int personId)
    {
        await page.GotoAsync($"/People/{personId}");
        void Accept(object? _, IDialog dialog) => dialog.AcceptAsync();
        page.Dialog += Accept;
        try
        {
            await page.ClickAsync("#issue-reset-code");
            return (await (await page.WaitForSelectorAsync("#reset-code"))!.InnerTextAsync()).Trim();
        }
        finally { page.Dialog -= Accept; }
    }
}

/// <summary>The farmer's way back: "forgot password" on the sign-in page, then mobile, code and a new password.</summary>
public sealed class ResetWithCodePage(IPage page)
{
    public ILocator AskStaff => page.Locator("#farmer-contact-staff");

    /// <summary>From the sign-in page through the help page to the code form.</summary>
    public async Task OpenFromLoginAsync()
    {
        await page.GotoAsync("/Identity/Account/Login");
        await page.ClickAndFollowAsync("#forgot-password", "**/Identity/Account/ForgotPassword");
        await AskStaff.WaitForAsync();
        await page.ClickAndFollowAsync("#have-code", "**/Identity/Account/ResetWithCode");
    }

    /// <summary>Fills the form and submits it; returns the flash shown on the sign-in page.</summary>
    public async Task<string> ResetAsync(string mobile, string code, string newPassword)
    {
        await page.FillAsync("#Input_Mobile", mobile);
        await page.FillAsync("#Input_Code", code);
        await page.FillAsync("#Input_NewPassword", newPassword);
        await page.FillAsync("#Input_ConfirmPassword", newPassword);
        await page.ClickAndFollowAsync("#reset-code-form button[type=submit]", "**/Identity/Account/Login**");
        return await page.Locator("[role=status]").InnerTextAsync();
    }
}
