using System.Collections.Concurrent;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TalentHub.IntegrationTests.Builders;
using TalentHub.Web.Services.Notifications;

namespace TalentHub.IntegrationTests.Pages.Account;

/// <summary>An outside channel that keeps what it was asked to send.</summary>
public sealed class RecordingSender(string channel) : INotificationSender
{
    public ConcurrentQueue<OutgoingNotification> Sent { get; } = new();
    public string Channel => channel;
    public Task SendAsync(OutgoingNotification message, CancellationToken ct)
    {
        Sent.Enqueue(message);
        return Task.CompletedTask;
    }
}

/// <summary>The app with an SMS sender and an e-mail sender for password help (recording instead of sending).</summary>
public sealed class PasswordHelpFactory : TalentHubFactory
{
    public RecordingSender Sms { get; } = new("sms");
    public RecordingSender Mail { get; } = new("smtp");

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Quartz:Enabled"] = "false", ["TalentHub:PublicUrl"] = PublicUrl };

    /// <summary>The configured address mailed links must start with.</summary>
    public const string PublicUrl = "https://talenthub.example.org";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s => s.AddSingleton(new PasswordHelpChannels(Sms, Mail)));
    }
}

/// <summary>Issue 10 item 7: a farmer resets by a code texted to the mobile; staff reset by an e-mailed link.</summary>
public sealed partial class PasswordHelpTests(PasswordHelpFactory app) : IClassFixture<PasswordHelpFactory>
{
    private const string NewPassword = "white tea on the morning hills";
    private const string Help = "/Identity/Account/ForgotPassword";

    private Task<HttpResponseMessage> AskSmsAsync(string mobile) =>
        app.NewClient().PostFormAsync(Help + "?handler=Sms", new() { ["Farmer.Mobile"] = mobile }, Help);

    private Task<HttpResponseMessage> RedeemAsync(string mobile, string code) =>
        app.NewClient().PostFormAsync("/Identity/Account/ResetWithCode", new()
        {
            ["Input.Mobile"] = mobile, ["Input.Code"] = code, ["Input.NewPassword"] = NewPassword, ["Input.ConfirmPassword"] = NewPassword,
        });

    [Fact]
    public async Task AFarmerAsksForACodeByText_SetsANewPassword_AndTheCodeWorksOnce()
    {
        var mobile = (await app.FarmersAsync(1))[0];

        var asked = await AskSmsAsync(mobile);
        var text = Assert.Single(app.Sms.Sent, m => m.To.Mobile == mobile);
        var code = CodePattern().Match(text.Text).Groups[1].Value;
        var reset = await RedeemAsync(mobile, code);
        var again = await RedeemAsync(mobile, code);

        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        Assert.StartsWith("/Identity/Account/ResetWithCode?mobile=", asked.Headers.Location!.OriginalString);
        Assert.Contains("15 分钟内有效", text.Text);
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        await app.LoginAsync(mobile, NewPassword);
        Assert.Contains("重置码不正确", await again.Content.ReadAsStringAsync());
        Assert.True(await app.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "User" && a.Changes!.Contains("ResetCodeSent"))));
    }

    [Fact]
    public async Task ACodeTypedInFullWidthDigits_IsAccepted()
    {
        var mobile = (await app.FarmersAsync(1))[0];

        await AskSmsAsync(mobile);
        var text = Assert.Single(app.Sms.Sent, m => m.To.Mobile == mobile);
        var code = CodePattern().Match(text.Text).Groups[1].Value;
        // A Chinese input method in full-width mode types U+FF10..U+FF19; the form's \d accepts them.
        var wide = new string(code.Select(c => (char)(c - '0' + '\uFF10')).ToArray());
        var reset = await RedeemAsync(mobile, wide);

        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        await app.LoginAsync(mobile, NewPassword);
    }

    [Fact]
    public async Task AnUnknownMobile_GetsTheSameAnswer_AndNothingIsSent()
    {
        var known = (await app.FarmersAsync(1))[0];
        var unknown = "139" + Random.Shared.Next(10_000_000, 99_999_999);
        var before = app.Sms.Sent.Count;

        var a = await AskSmsAsync(known);
        var b = await AskSmsAsync(unknown);

        Assert.Equal(before + 1, app.Sms.Sent.Count);
        Assert.Equal(a.StatusCode, b.StatusCode);
        Assert.Equal(a.Headers.Location!.OriginalString.Replace(known, "M"), b.Headers.Location!.OriginalString.Replace(unknown, "M"));
    }

    [Fact]
    public async Task ASecondRequestWithinAMinute_SendsNoSecondCode()
    {
        var mobile = (await app.FarmersAsync(1))[0];

        await AskSmsAsync(mobile);
        await AskSmsAsync(mobile);

        Assert.Single(app.Sms.Sent, m => m.To.Mobile == mobile);
    }

    [Fact]
    public async Task AStaffMemberSetsAnEmail_GetsAResetLink_SetsANewPassword_AndTheLinkWorksOnce()
    {
        var email = $"clerk-{Guid.NewGuid():N}@example.org";
        var clerk = await app.LoginAsync("anji.clerk");
        var saved = await clerk.PostFormAsync("/Identity/Account/Manage/Email", new() { ["Input.Email"] = email, ["Input.Password"] = FormClient.DemoPassword });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var asked = await app.NewClient().PostFormAsync(Help + "?handler=Email", new() { ["Staff.Email"] = email }, Help);
        var mail = Assert.Single(app.Mail.Sent, m => m.To.Email == email);
        var link = new Uri(LinkPattern().Match(mail.Text).Value);
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(link.Query);
        // The hidden fields of the page, as the browser posts them.
        var form = new Dictionary<string, string>
        {
            ["Input.UserId"] = query["userId"].ToString(), ["Input.Code"] = query["code"].ToString(),
            ["Input.NewPassword"] = NewPassword, ["Input.ConfirmPassword"] = NewPassword,
        };
        var reset = await app.NewClient().PostFormAsync(link.PathAndQuery, new(form));
        var again = await app.NewClient().PostFormAsync(link.PathAndQuery, new(form));

        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        await app.LoginAsync("anji.clerk", NewPassword);
        Assert.Contains("重置链接无效", await again.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AForgedHostHeader_DoesNotRedirectTheMailedLink()
    {
        var email = $"officer-{Guid.NewGuid():N}@example.org";
        var officer = await app.LoginAsync("wuxing.officer");
        var saved = await officer.PostFormAsync("/Identity/Account/Manage/Email", new() { ["Input.Email"] = email, ["Input.Password"] = FormClient.DemoPassword });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var attacker = app.NewClient();
        var page = await attacker.GetStringAsync(Help);
        using var request = new HttpRequestMessage(HttpMethod.Post, Help + "?handler=Email")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Staff.Email"] = email, ["__RequestVerificationToken"] = FormClient.TokenOf(page),
            }),
        };
        request.Headers.Host = "evil.example";
        var asked = await attacker.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        var mail = Assert.Single(app.Mail.Sent, m => m.To.Email == email);
        Assert.DoesNotContain("evil.example", mail.Text, StringComparison.Ordinal);
        Assert.StartsWith(PasswordHelpFactory.PublicUrl + "/Identity/Account/ResetPassword?", LinkPattern().Match(mail.Text).Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFarmersOwnEmail_GetsNoStaffLink()
    {
        var before = app.Mail.Sent.Count;

        var asked = await app.NewClient().PostFormAsync(Help + "?handler=Email", new() { ["Staff.Email"] = "nobody@example.org" }, Help);

        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        Assert.Equal(before, app.Mail.Sent.Count);
    }

    [GeneratedRegex(@"验证码为 (\d{8})")]
    private static partial Regex CodePattern();

    [GeneratedRegex(@"https?://[^\s]+/Identity/Account/ResetPassword\?[^\s]+")]
    private static partial Regex LinkPattern();
}

/// <summary>Without SMS or SMTP the page sends people to staff, and the sending handlers do not exist.</summary>
public sealed class PasswordHelpUnconfiguredTests(TalentHubFactory app) : AppTest(app)
{
    [Fact]
    public async Task WithoutSenders_ThePageSaysToAskCountyStaff_AndRefusesToSend()
    {
        var client = App.NewClient();

        var page = await client.GetStringAsync("/Identity/Account/ForgotPassword");
        var login = await client.GetStringAsync("/Identity/Account/Login");
        // The page has no form here (and the header's language switch is a link), so the token comes from the login form.
        var sms = await client.PostFormAsync("/Identity/Account/ForgotPassword?handler=Sms", new() { ["Farmer.Mobile"] = "13800000001" },
            "/Identity/Account/Login");

        Assert.Contains("id=\"farmer-contact-staff\"", page);
        Assert.Contains("id=\"staff-contact-admin\"", page);
        Assert.DoesNotContain("id=\"sms-form\"", page);
        Assert.Contains("href=\"/Identity/Account/ForgotPassword\" id=\"forgot-password\"", login);
        Assert.Equal(HttpStatusCode.NotFound, sms.StatusCode);
    }
}
