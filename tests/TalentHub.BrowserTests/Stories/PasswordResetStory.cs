using TalentHub.BrowserTests.Pages.Account;
using TalentHub.BrowserTests.Pages.Shared;
using TalentHub.BrowserTests.Support;
using TalentHub.IntegrationTests.Builders;

namespace TalentHub.BrowserTests.Stories;

/// <summary>Issue 10 item 7: county staff issue a reset code; the farmer, on a 360×740 phone, sets a new password (typing the code in full-width digits) and signs in.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PasswordResetStory(BrowserApp app)
{
    private const string NewPassword = "white tea on the morning hills";

    [Fact]
    public async Task Clerk_IssuesAResetCode_AndTheFarmerOnAPhone_ResetsWithIt_AndSignsIn()
    {
        var mobile = (await app.FarmersAsync(1))[0];
        var (personId, _) = await app.FarmerPersonAsync(mobile);

        var staffPage = await app.NewPageAsync();
        await new Layout(staffPage).LoginAsync("anji.clerk", authenticatorCode: app.CodeFor("anji.clerk"));
        var code = await new IssueResetCodePage(staffPage).IssueAsync(personId);
        await staffPage.Context.CloseAsync();
        Assert.Matches(@"^\d{8}$", code);

        var phone = await app.NewPageAsync(360, 740);
        var layout = new Layout(phone);
        var reset = new ResetWithCodePage(phone);
        await reset.OpenFromLoginAsync();
        Assert.True(await layout.ScrollWidthAsync() <= 360, "the reset page scrolls sideways on a phone");
        // Typed with a Chinese input method in full-width mode (review16: the browser's check refused a code typed so as "not 8 digits").
        var flash = await reset.ResetAsync(mobile, new string(code.Select(c => (char)(c + 0xFEE0)).ToArray()), NewPassword);
        Assert.Contains("密码已更新", flash);
        await BrowserApp.ScreenshotAsync(phone, "farmer-reset-with-code-phone");

        await layout.LoginAsync(mobile, NewPassword);
        Assert.True(await layout.CurrentUser.CountAsync() > 0);
        await phone.Context.CloseAsync();
    }
}
