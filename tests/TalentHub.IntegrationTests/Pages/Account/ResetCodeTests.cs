using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using TalentHub.IntegrationTests.Builders;
using TalentHub.Web.Data;

namespace TalentHub.IntegrationTests.Pages.Account;

/// <summary>Issue 10: a farmer who forgot the password gets a one-time code from county staff and sets a new password.</summary>
public sealed partial class ResetCodeTests(TalentHubFactory app) : AppTest(app)
{
    private const string NewPassword = "white tea on the morning hills";

    private async Task<(string Mobile, int PersonId, string Code)> IssueAsync()
    {
        var mobile = (await App.FarmersAsync(1))[0];
        var (personId, _) = await App.FarmerPersonAsync(mobile);
        var staff = await App.LoginAsync("anji.clerk");
        Assert.Contains("id=\"issue-reset-code\"", await staff.GetStringAsync($"/People/{personId}"));
        var response = await staff.PostFormAsync($"/People/{personId}?handler=ResetCode", [], $"/People/{personId}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore);
        var code = CodePattern().Match(await response.Content.ReadAsStringAsync()).Groups[1].Value;
        Assert.Matches(@"^\d{8}$", code);
        return (mobile, personId, code);
    }

    private Task<HttpResponseMessage> RedeemAsync(string mobile, string code) =>
        App.NewClient().PostFormAsync("/Identity/Account/ResetWithCode", new()
        {
            ["Input.Mobile"] = mobile, ["Input.Code"] = code, ["Input.NewPassword"] = NewPassword, ["Input.ConfirmPassword"] = NewPassword,
        });

    [Fact]
    public async Task CountyStaffIssueACode_TheFarmerSetsANewPassword_AndTheCodeWorksOnce()
    {
        var (mobile, personId, code) = await IssueAsync();

        var response = await RedeemAsync(mobile, code);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await App.LoginAsync(mobile, NewPassword);
        var again = await RedeemAsync(mobile, code);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("重置码不正确", await again.Content.ReadAsStringAsync());
        var audited = await App.QueryAsync(db => db.AuditEntries.Where(a => a.EntityType == "User" || a.Changes!.Contains("ResetCode"))
            .Select(a => a.Changes!).ToListAsync());
        Assert.Contains(audited, c => c.Contains("ResetCodeIssued"));
        Assert.True(await App.QueryAsync(db => db.Users.AnyAsync(u => u.PersonId == personId)));
    }

    /// <summary>
    /// rev37a: the code field carried a pattern whose \d the phone's browser reads as ASCII digits only, so the full-width digits
    /// of a Chinese input method were refused before the form was sent (the server reads them); a code read out by phone in two
    /// halves ("1234 5678") was refused on both sides. Both now reset the password; what can never be a code is still refused.
    /// </summary>
    [Fact]
    public async Task ACode_TypedInFullWidthDigits_OrInTwoHalves_ResetsThePassword_AndTheFormHasNoAsciiOnlyPattern()
    {
        var form = await App.NewClient().GetStringAsync("/Identity/Account/ResetWithCode");
        var (mobile, _, code) = await IssueAsync();
        var fullWidth = new string(code.Select(c => (char)(c + 0xFEE0)).ToArray());

        var shapeless = await RedeemAsync(mobile, "1234567");
        var response = await RedeemAsync(mobile, fullWidth[..4] + " " + fullWidth[4..]);

        Assert.DoesNotContain("data-val-regex", form);
        Assert.Equal(HttpStatusCode.OK, shapeless.StatusCode);
        Assert.Contains("重置码是 8 位数字。", await shapeless.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await App.LoginAsync(mobile, NewPassword);
    }

    [Fact]
    public async Task AWrongCode_IsRefused_AndThePasswordStays()
    {
        var (mobile, _, code) = await IssueAsync();
        var wrong = code == "12345678" ? "87654321" : "12345678";

        var response = await RedeemAsync(mobile, wrong);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("重置码不正确", await response.Content.ReadAsStringAsync());
        await App.LoginAsync(mobile, "bamboo hills and white tea");
    }

    /// <summary>
    /// review14: each wrong code counted as a failed sign-in, so anyone who knew a farmer's mobile locked them out of
    /// logging in for 15 minutes with five posts (no code need exist). Farmers are never locked by failures; wrong codes
    /// are slowed per mobile like logins instead.
    /// </summary>
    [Fact]
    public async Task WrongCodesFromAStranger_SlowFurtherCodes_ButNeverLockTheFarmerOut()
    {
        var mobile = (await App.FarmersAsync(1))[0];

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 6; i++) answers.Add(await RedeemAsync(mobile, (10000000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture)));

        Assert.All(answers.Take(5), a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.Equal(HttpStatusCode.TooManyRequests, answers[5].StatusCode);
        Assert.NotNull(answers[5].Headers.RetryAfter);
        var slowed = await answers[5].Content.ReadAsStringAsync();
        Assert.Contains("重置码输错次数过多", slowed);
        Assert.DoesNotContain("登录失败", slowed);
        await App.LoginAsync(mobile, "bamboo hills and white tea");
    }

    [Fact]
    public async Task AnotherCountysStaff_CannotIssueACode()
    {
        var mobile = (await App.FarmersAsync(1))[0];
        var (personId, _) = await App.FarmerPersonAsync(mobile);
        var other = await App.LoginAsync("wuxing.officer");

        var response = await other.PostFormAsync($"/People/{personId}?handler=ResetCode", [], "/People");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [GeneratedRegex("id=\"reset-code\">(\\d{8})<")]
    private static partial Regex CodePattern();
}
