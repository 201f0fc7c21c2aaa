using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TalentHub.Web.Data;
using TalentHub.Web.Domain;
using TalentHub.Web.Services;
using TalentHub.Web.Infrastructure.Security;

namespace TalentHub.IntegrationTests.Pages.Account;

/// <summary>The demo app with the production rule on: an authenticator code's step is accepted once (RFC 6238 §5.2).</summary>
public sealed class SingleUseCodesFactory : TalentHubFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        [SingleUseAuthenticatorTokenProvider.Setting] = "true",
    };
}

/// <summary>Review 9: two logins with the same authenticator code inside its window both succeeded.</summary>
public sealed class SingleUseAuthenticatorTests(SingleUseCodesFactory app) : IClassFixture<SingleUseCodesFactory>
{
    private const string Page = "/Identity/Account/LoginWith2fa";

    /// <summary>A new county clerk with an authenticator (set up with the current code), and its key.</summary>
    private async Task<(string Login, string Key)> EnrolledClerkAsync(string role = Roles.CountyClerk)
    {
        var clerk = await app.NewStaffAsync(role);
        var client = app.NewClient();
        await PasswordStepAsync(client, clerk.UserName!);
        var (key, _) = await client.EnrolAuthenticatorAsync();
        return (clerk.UserName!, key);
    }

    private static async Task PasswordStepAsync(HttpClient client, string login)
    {
        var response = await client.PostFormAsync("/Identity/Account/Login", new() { ["Input.Login"] = login, ["Input.Password"] = StaffAccounts.Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    /// <summary>A fresh client past the password step, posting <paramref name="code"/> as its second factor.</summary>
    private async Task<HttpResponseMessage> SecondStepAsync(string login, string code, string page = Page)
    {
        var client = app.NewClient();
        await PasswordStepAsync(client, login);
        return await client.PostFormAsync(page, new() { ["Code"] = code });
    }

    [Fact]
    public async Task TheSameCode_SignsInOnce_TheSecondLoginIsToldTheCodeIsWrong_InChineseAndEnglish()
    {
        var (login, key) = await EnrolledClerkAsync();
        var code = Totp.Code(key, DateTimeOffset.UtcNow.AddSeconds(30));

        var first = await SecondStepAsync(login, code);
        var again = await SecondStepAsync(login, code);
        var againEn = await SecondStepAsync(login, code, Page + "?culture=en");

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("验证码不正确或已过期", await again.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, againEn.StatusCode);
        Assert.Contains("The code is wrong or has expired", WebUtility.HtmlDecode(await againEn.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task ACodeTypedInFullWidthDigits_SignsIn()
    {
        // review12: full-width digits from a Chinese input method ("１２３４５６") were "code wrong".
        var (login, key) = await EnrolledClerkAsync();
        var code = Totp.Code(key, DateTimeOffset.UtcNow.AddSeconds(30));
        var fullWidth = string.Concat(code.Select(c => (char)(c - '0' + '\uFF10')));

        var response = await SecondStepAsync(login, fullWidth);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task TheCodeThatSetUpTheAuthenticator_DoesNotAlsoSignIn()
    {
        var clerk = await app.NewStaffAsync(Roles.CountyClerk);
        var setup = app.NewClient();
        await PasswordStepAsync(setup, clerk.UserName!);
        var page = "/Identity/Account/Manage/EnableAuthenticator";
        await setup.GetStringAsync(page); // creates the key
        var key = await app.AuthenticatorKeyAsync(clerk.UserName!);
        var code = Totp.Code(key, DateTimeOffset.UtcNow.AddSeconds(30));
        Assert.Equal(HttpStatusCode.Redirect, (await setup.PostFormAsync(page, new() { ["Code"] = code })).StatusCode);

        var login = await SecondStepAsync(clerk.UserName!, code);

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Contains("验证码不正确或已过期", await login.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AfterACode_AnOlderStepIsRefused_AndTheNextStepsCodeWorks()
    {
        var (login, key) = await EnrolledClerkAsync();
        var now = DateTimeOffset.UtcNow;

        var later = await SecondStepAsync(login, Totp.Code(key, now.AddSeconds(30)));
        var older = await SecondStepAsync(login, Totp.Code(key, now));
        var next = await SecondStepAsync(login, Totp.Code(key, now.AddSeconds(60)));

        Assert.Equal(HttpStatusCode.Redirect, later.StatusCode);
        Assert.Equal(HttpStatusCode.OK, older.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, next.StatusCode);
    }

    [Fact]
    public async Task TwoLogins_RacingWithOneCode_ExactlyOneSignsIn()
    {
        var (login, key) = await EnrolledClerkAsync();
        var code = Totp.Code(key, DateTimeOffset.UtcNow.AddSeconds(30));
        var posts = new List<(HttpClient Client, FormUrlEncodedContent Form)>();
        for (var i = 0; i < 4; i++)
        {
            var client = app.NewClient();
            await PasswordStepAsync(client, login);
            // The form's antiforgery token first, so the four posts go out together.
            var token = FormClient.TokenOf(await client.GetStringAsync(Page));
            posts.Add((client, new FormUrlEncodedContent(new Dictionary<string, string> { ["Code"] = code, ["__RequestVerificationToken"] = token })));
        }

        var responses = await Task.WhenAll(posts.Select(p => p.Client.PostAsync(Page, p.Form)));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Redirect);
        Assert.Equal(3, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
    }

    [Fact]
    public async Task TheLastStep_EncryptedByKeyRotation_StillRefusesItsCode_AndAcceptsTheNext()
    {
        var clerk = await app.NewStaffAsync(Roles.CountyClerk);
        var step = DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30;
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TalentHubDbContext>();
        // As PersonalDataRotation leaves the row: the value under the personal-data key, like every token value.
        var stored = scope.ServiceProvider.GetRequiredService<PersonalDataProtector>().Encrypt(step.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await db.Database.ExecuteSqlAsync($"""INSERT INTO "AspNetUserTokens" ("UserId", "LoginProvider", "Name", "Value") VALUES ({clerk.Id}, {SingleUseAuthenticatorTokenProvider.LoginProvider}, {SingleUseAuthenticatorTokenProvider.Name}, {stored})""");
        var provider = scope.ServiceProvider.GetRequiredService<SingleUseAuthenticatorTokenProvider>();

        Assert.False(await provider.AcceptStepAsync(clerk.Id, step));
        Assert.True(await provider.AcceptStepAsync(clerk.Id, step + 1));
        Assert.False(await provider.AcceptStepAsync(clerk.Id, step + 1));
    }

    /// <summary>
    /// review34d: the step was written as plain digits, so every PersonalDataRotation run after a staff sign-in
    /// "re-encrypted" it, and the job's count (README: reaches 0 when the rotation is done) never reached 0.
    /// </summary>
    [Fact]
    public async Task TheAcceptedStep_IsStoredUnderTheCurrentKey_SoARotationHasNothingOfItToRewrite()
    {
        var clerk = await app.NewStaffAsync(Roles.CountyClerk);
        var step = DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30;
        using var scope = app.Services.CreateScope();
        var provider = scope.ServiceProvider.GetRequiredService<SingleUseAuthenticatorTokenProvider>();
        var protector = scope.ServiceProvider.GetRequiredService<PersonalDataProtector>();
        async Task<string> StoredAsync() => (await app.QueryAsync(db => db.Database.SqlQuery<string>(
            $"""SELECT "Value" AS "Value" FROM "AspNetUserTokens" WHERE "UserId" = {clerk.Id} AND "LoginProvider" = {SingleUseAuthenticatorTokenProvider.LoginProvider} AND "Name" = {SingleUseAuthenticatorTokenProvider.Name}""")
            .SingleAsync()));

        Assert.True(await provider.AcceptStepAsync(clerk.Id, step));      // the first: an insert
        var first = await StoredAsync();
        Assert.True(await provider.AcceptStepAsync(clerk.Id, step + 1));  // a later one: the compare-and-swap update
        var second = await StoredAsync();

        Assert.StartsWith(protector.CurrentPrefix, first);
        Assert.StartsWith(protector.CurrentPrefix, second);
        Assert.Equal((step + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), protector.Decrypt(second));
        Assert.False(await provider.AcceptStepAsync(clerk.Id, step + 1));
    }

    /// <summary>
    /// Review: the last accepted step outlived a key reset, so the new key's code for that same 30-second step was
    /// refused once. <paramref name="reset"/> is the user's own reset, the user's own "turn off", or the administrator's.
    /// </summary>
    [Theory]
    [InlineData("own-reset")]
    [InlineData("own-disable")]
    [InlineData("admin")]
    public async Task AfterAKeyReset_TheNewKeysCode_ForTheStepTheOldKeyLastUsed_IsAccepted(string reset)
    {
        // Staff who must keep two-factor cannot turn it off; a farmer may.
        var (login, oldKey) = await EnrolledClerkAsync(reset == "own-disable" ? Roles.Farmer : Roles.CountyClerk);
        var at = DateTimeOffset.UtcNow.AddSeconds(30);
        var user = app.NewClient();
        await PasswordStepAsync(user, login);
        Assert.Equal(HttpStatusCode.Redirect, (await user.PostFormAsync(Page, new() { ["Code"] = Totp.Code(oldKey, at) })).StatusCode);
        const string setup = "/Identity/Account/Manage/EnableAuthenticator";
        switch (reset)
        {
            case "own-reset":
                Assert.Equal(HttpStatusCode.Redirect, (await user.PostFormAsync(setup + "?handler=Reset", new() { ["CurrentPassword"] = StaffAccounts.Password }, formPage: setup)).StatusCode);
                break;
            case "own-disable":
                const string twoFactor = "/Identity/Account/Manage/TwoFactor";
                Assert.Equal(HttpStatusCode.Redirect, (await user.PostFormAsync(twoFactor + "?handler=Disable", new() { ["CurrentPassword"] = StaffAccounts.Password }, formPage: twoFactor)).StatusCode);
                break;
            default:
                var admin = await app.LoginAsync("admin");
                var clerk = await app.QueryAsync(db => db.Users.SingleAsync(u => u.UserName == login));
                Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync($"/Admin/Users/Edit/{clerk.Id}?handler=ResetTwoFactor", [],
                    formPage: $"/Admin/Users/Edit/{clerk.Id}")).StatusCode);
                user = app.NewClient();
                await PasswordStepAsync(user, login);
                break;
        }

        await user.GetStringAsync(setup); // shows the new key
        var newKey = await app.AuthenticatorKeyAsync(login);
        var enrol = await user.PostFormAsync(setup, new() { ["Code"] = Totp.Code(newKey, at) });

        Assert.NotEqual(oldKey, newKey);
        Assert.Equal(HttpStatusCode.Redirect, enrol.StatusCode);
        Assert.True((await app.QueryAsync(db => db.Users.SingleAsync(u => u.UserName == login))).TwoFactorEnabled);
    }
}
