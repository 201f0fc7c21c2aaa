using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TalentHub.Web.Data;
using TalentHub.Web.Domain;

namespace TalentHub.IntegrationTests.Pages.Account.Manage;

/// <summary>
/// fix36: a new authenticator key, new recovery codes and turning two-step verification off were done on a signed-in session
/// alone, so anyone at an unlocked desk could take the second factor over. Each now asks for the account's current password.
/// </summary>
public sealed class SecondFactorPasswordTests(TalentHubFactory app) : AppTest(app)
{
    private const string Setup = "/Identity/Account/Manage/EnableAuthenticator";
    private const string TwoFactor = "/Identity/Account/Manage/TwoFactor";

    /// <summary>(page, handler, role): a farmer may turn two-step verification off, staff may not.</summary>
    public static TheoryData<string, string, string> Changes => new()
    {
        { Setup, "Reset", Roles.CountyClerk },
        { TwoFactor, "RecoveryCodes", Roles.CountyClerk },
        { TwoFactor, "Disable", Roles.Farmer },
    };

    private sealed record State(bool Enabled, string? Key, int Codes, int Audits);

    private async Task<State> StateAsync(string id)
    {
        using var scope = App.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = (await users.FindByIdAsync(id))!;
        var audits = await scope.ServiceProvider.GetRequiredService<TalentHubDbContext>().AuditEntries
            .CountAsync(a => a.EntityType == "User" && a.EntityId == id);
        return new(user.TwoFactorEnabled, await users.GetAuthenticatorKeyAsync(user), await users.CountRecoveryCodesAsync(user), audits);
    }

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task A_second_factor_change_without_or_with_a_wrong_password_is_refused_next_to_the_field_and_changes_nothing(
        string page, string handler, string role)
    {
        var account = await App.NewStaffAsync(role);
        var client = await App.LoginAsync(account.UserName!, StaffAccounts.Password);
        if (role == Roles.Farmer) await client.EnrolAuthenticatorAsync();
        var before = await StateAsync(account.Id);
        Assert.True(before.Enabled);

        var missing = await client.PostFormAsync($"{page}?handler={handler}", [], formPage: page);
        var wrong = await client.PostFormAsync($"{page}?handler={handler}&culture=en", new() { ["CurrentPassword"] = "not the password at all" }, formPage: page);

        Assert.Equal(HttpStatusCode.OK, missing.StatusCode);
        Assert.Matches("data-valmsg-for=\"CurrentPassword\"[^>]*>请填写当前密码。<", await missing.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Matches("data-valmsg-for=\"CurrentPassword\"[^>]*>The current password is wrong.<", await wrong.Content.ReadAsStringAsync());
        Assert.Equal(before, await StateAsync(account.Id));
    }

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task A_second_factor_change_with_the_current_password_is_made_and_audited(string page, string handler, string role)
    {
        var account = await App.NewStaffAsync(role);
        var client = await App.LoginAsync(account.UserName!, StaffAccounts.Password);
        if (role == Roles.Farmer) await client.EnrolAuthenticatorAsync();
        var before = await StateAsync(account.Id);

        var response = await client.PostFormAsync($"{page}?handler={handler}", new() { ["CurrentPassword"] = StaffAccounts.Password }, formPage: page);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await StateAsync(account.Id);
        Assert.True(after.Audits > before.Audits);
        Assert.True(handler == "RecoveryCodes" ? after.Enabled : !after.Enabled);
        if (handler == "Reset") Assert.NotEqual(before.Key, after.Key);
    }

    /// <summary>
    /// fix36: the set-up page showed the key of the authenticator already in use to anyone at the signed-in desk, who could add it
    /// to their own phone. Once two-step verification is on, the key is shown only after the account's password, audited.
    /// </summary>
    [Fact]
    public async Task The_key_of_an_authenticator_in_use_is_shown_only_after_the_password()
    {
        var account = await App.NewStaffAsync(Roles.CountyClerk);
        var client = await App.LoginAsync(account.UserName!, StaffAccounts.Password);
        var key = await App.AuthenticatorKeyAsync(account.UserName!);
        const string show = Setup + "?handler=Show";

        var page = await client.GetStringAsync(Setup);
        var wrong = await (await client.PostFormAsync(show, new() { ["CurrentPassword"] = "not the password at all" }, formPage: Setup)).Content.ReadAsStringAsync();
        var before = await StateAsync(account.Id);
        var shown = await client.PostFormAsync(show + "&culture=en", new() { ["CurrentPassword"] = StaffAccounts.Password }, formPage: Setup);

        Assert.Contains("id=\"show-key\"", page);
        Assert.DoesNotContain(key, page);
        Assert.DoesNotContain("data-key=", page);
        Assert.DoesNotContain(key, wrong);
        Assert.Matches("data-valmsg-for=\"CurrentPassword\"[^>]*>当前密码不正确。<", wrong);
        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        Assert.Contains($"data-key=\"{key}\"", await shown.Content.ReadAsStringAsync());
        var after = await StateAsync(account.Id);
        Assert.Equal((before.Enabled, before.Key, before.Codes), (after.Enabled, after.Key, after.Codes));
        Assert.True(await App.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.EntityId == account.Id && a.Changes!.Contains("AuthenticatorKeyShown"))));
    }

    /// <summary>
    /// Review of fix36: the password prompts counted no failures, so someone at a signed-in desk could guess the password
    /// without end (PRODUCT.md asks for lockout after repeated failures). Five wrong passwords lock a staff account as five
    /// failed logins do, and end its sessions; the e-mail page's password check counts the same way.
    /// </summary>
    [Theory]
    [InlineData(TwoFactor + "?handler=RecoveryCodes", TwoFactor, "CurrentPassword", "CurrentPassword")]
    [InlineData("/Identity/Account/Manage/Email", "/Identity/Account/Manage/Email", "Input.Password", "Input.Password")]
    public async Task Five_wrong_passwords_at_a_prompt_lock_a_staff_account_and_end_its_session(string post, string formPage, string name, string field)
    {
        var account = await App.NewStaffAsync(Roles.CountyClerk);
        var client = await App.LoginAsync(account.UserName!, StaffAccounts.Password);
        var before = await StateAsync(account.Id);

        var answers = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var response = await client.PostFormAsync(post + (post.Contains('?') ? "&" : "?") + "culture=en",
                new() { [name] = "not the password " + i, ["Input.Email"] = "someone@example.com" }, formPage: formPage);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            answers.Add(await response.Content.ReadAsStringAsync());
        }
        var after = await client.GetAsync(formPage);

        Assert.All(answers.Take(4), a => Assert.Matches($"data-valmsg-for=\"{field}\"[^>]*>The current password is wrong.<", a));
        Assert.Matches($"data-valmsg-for=\"{field}\"[^>]*>Too many failed attempts: the account is locked for 15 minutes.<", answers[4]);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Contains("/Identity/Account/Login", after.Headers.Location!.OriginalString);
        using var scope = App.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        Assert.True(await users.IsLockedOutAsync((await users.FindByIdAsync(account.Id))!));
        var final = await StateAsync(account.Id);
        Assert.Equal((before.Enabled, before.Key, before.Codes), (final.Enabled, final.Key, final.Codes));
    }

    [Fact]
    public async Task A_right_password_at_a_prompt_clears_the_earlier_failures()
    {
        var account = await App.NewStaffAsync(Roles.CountyClerk);
        var client = await App.LoginAsync(account.UserName!, StaffAccounts.Password);
        const string post = TwoFactor + "?handler=RecoveryCodes";
        for (var i = 0; i < 4; i++) await client.PostFormAsync(post, new() { ["CurrentPassword"] = "wrong " + i }, formPage: TwoFactor);

        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync(post, new() { ["CurrentPassword"] = StaffAccounts.Password }, formPage: TwoFactor)).StatusCode);
        var wrongAgain = await client.PostFormAsync(post + "&culture=en", new() { ["CurrentPassword"] = "wrong once more" }, formPage: TwoFactor);

        Assert.Matches("data-valmsg-for=\"CurrentPassword\"[^>]*>The current password is wrong.<", await wrongAgain.Content.ReadAsStringAsync());
        Assert.Equal(1, await App.QueryAsync(db => db.Users.Where(u => u.Id == account.Id).Select(u => u.AccessFailedCount).SingleAsync()));
    }

    /// <summary>
    /// Review of fix36: with two-step verification on, a code posted on the set-up page (after showing the key again) got the
    /// page back without its code form, so a wrong code said nothing, and a right one replaced the recovery codes unasked.
    /// The page offers no code step then, and a posted code changes nothing.
    /// </summary>
    [Fact]
    public async Task With_two_step_verification_on_the_set_up_page_offers_no_code_step_and_a_posted_code_changes_nothing()
    {
        var account = await App.NewStaffAsync(Roles.CountyClerk);
        var client = await App.LoginAsync(account.UserName!, StaffAccounts.Password);
        var key = await App.AuthenticatorKeyAsync(account.UserName!);
        var before = await StateAsync(account.Id);

        var shown = await (await client.PostFormAsync(Setup + "?handler=Show", new() { ["CurrentPassword"] = StaffAccounts.Password }, formPage: Setup))
            .Content.ReadAsStringAsync();
        var posted = await client.PostFormAsync(Setup, new() { ["Code"] = Totp.Code(key, DateTimeOffset.UtcNow.AddSeconds(30)) });

        Assert.Contains($"data-key=\"{key}\"", shown);
        Assert.DoesNotContain("id=\"enable-authenticator\"", shown);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var after = await StateAsync(account.Id);
        Assert.Equal((before.Enabled, before.Key, before.Codes), (after.Enabled, after.Key, after.Codes));
        Assert.Equal(before.Audits + 1, after.Audits); // the key shown, nothing for the code
    }
}
