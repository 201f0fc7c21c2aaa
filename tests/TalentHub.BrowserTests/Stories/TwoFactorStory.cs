using Microsoft.Playwright;
using TalentHub.BrowserTests.Support;
using TalentHub.IntegrationTests.Pages.Account;
using TalentHub.IntegrationTests.Support;
using TalentHub.Web.Domain;

namespace TalentHub.BrowserTests.Stories;

/// <summary>A new county clerk's first login: the authenticator set-up comes before any page, under the strict CSP.</summary>
[Collection(BrowserCollection.Name)]
public sealed class TwoFactorStory(BrowserApp app)
{
    [Fact]
    public async Task NewClerk_SetsUpTheAuthenticatorAtFirstLogin_ThenWorks_WithNoContentSecurityPolicyViolation()
    {
        var clerk = await app.NewStaffAsync(Roles.CountyClerk);
        var page = await app.NewPageAsync();
        var violations = new List<string>();
        page.Console += (_, message) => { if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal)) violations.Add(message.Text); };

        var login = await page.GotoAsync("/Identity/Account/Login");
        Assert.False(login!.Headers.ContainsKey("server")); // Kestrel on a real port: no Server header
        Assert.Contains("frame-ancestors 'self'", login.Headers["content-security-policy"]);
        await page.FillAsync("#Input_Login", clerk.UserName!);
        await page.FillAsync("#Input_Password", StaffAccounts.Password);
        await page.ClickAsync("#login-form button[type=submit]");
        await page.GotoAsync("/People");
        await page.WaitForSelectorAsync("#enable-authenticator");
        Assert.Contains("/Identity/Account/Manage/EnableAuthenticator", page.Url);
        Assert.True(await page.Locator("#authenticator-qr").EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"));
        await BrowserApp.ScreenshotAsync(page, "two-factor-setup");

        var key = (await page.Locator("#shared-key").GetAttributeAsync("data-key"))!;
        await page.FillAsync("#Code", Totp.Now(key));
        await page.ClickAsync("#enable-authenticator button[type=submit]");
        await page.WaitForSelectorAsync("#recovery-codes");
        Assert.Equal(10, await page.Locator("#recovery-codes li").CountAsync());
        await page.FollowAsync(() => page.ClickAsync("#recovery-continue"), url => url.Contains("/People", StringComparison.Ordinal));

        await page.GotoAsync("/Admin/Users/Create");
        Assert.Empty(violations);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Admin_UserForm_ShowsTheCountyOnlyForCountyRoles_FromItsScriptFile()
    {
        var page = await app.NewPageAsync();
        var violations = new List<string>();
        page.Console += (_, message) => { if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal)) violations.Add(message.Text); };
        await app.LoginAsync(page, "admin");

        await page.GotoAsync("/Admin/Users/Create");
        await page.SelectOptionAsync("#Input_Role", Roles.Trainer);
        Assert.False(await page.Locator("#county-field").IsVisibleAsync());
        await page.SelectOptionAsync("#Input_Role", Roles.CountyClerk);
        Assert.True(await page.Locator("#county-field").IsVisibleAsync());
        Assert.Empty(violations);
        await page.Context.CloseAsync();
    }
}
