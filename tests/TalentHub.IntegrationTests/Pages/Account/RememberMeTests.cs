using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TalentHub.Web.Data;

namespace TalentHub.IntegrationTests.Pages.Account;

/// <summary>
/// fix29a: "Remember me" lasted the same 8 h as any sign-in. A farmer who ticks it on their phone stays signed in for 14 days
/// (persistent, sliding); staff see personal data and are never remembered: a session cookie, 8 h at most, whatever they tick.
/// Through the real login form, reading the cookie the app sets and the ticket inside it.
/// </summary>
public sealed class RememberMeTests(TalentHubFactory app) : AppTest(app)
{
    private const string FarmerPassword = "bamboo hills and white tea";

    [Fact]
    public async Task AFarmerWhoTicksRememberMe_GetsAPersistentCookieFor14Days_ThatAStampChangeStillEnds()
    {
        var mobile = (await App.FarmersAsync(1, FarmerPassword))[0];
        var client = App.NewClient();

        var (cookie, ticket) = await SignInAsync(client, mobile, FarmerPassword, remember: true);

        Assert.Equal(TimeSpan.FromDays(14), ticket.Properties.ExpiresUtc - ticket.Properties.IssuedUtc);
        Assert.True(ticket.Properties.IsPersistent);
        Assert.NotNull(cookie.Expires);
        Assert.Equal(ticket.Properties.ExpiresUtc!.Value.ToUnixTimeSeconds(), cookie.Expires!.Value.ToUnixTimeSeconds());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/My/Enrollments")).StatusCode);

        // Remembered, but still ended at once by a stamp change (logout elsewhere, lock, password or role change).
        using (var scope = App.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            await users.UpdateSecurityStampAsync((await users.FindByIdAsync(ticket.Principal.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)!.Value))!);
        }
        var after = await client.GetAsync("/My/Enrollments");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Contains("/Identity/Account/Login", after.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task AFarmerWhoDoesNotTickIt_GetsASessionCookieFor8Hours()
    {
        var mobile = (await App.FarmersAsync(1, FarmerPassword))[0];

        var (cookie, ticket) = await SignInAsync(App.NewClient(), mobile, FarmerPassword, remember: false);

        Assert.Null(cookie.Expires);
        Assert.Equal(TimeSpan.FromHours(8), ticket.Properties.ExpiresUtc - ticket.Properties.IssuedUtc);
    }

    [Fact]
    public async Task StaffWhoTickIt_AreNotRemembered_ASessionCookieFor8HoursAtMost_AndThePageSaysSo()
    {
        var client = App.NewClient();
        var form = WebUtility.HtmlDecode(await client.GetStringAsync("/Identity/Account/Login"));
        var english = WebUtility.HtmlDecode(await client.GetStringAsync("/Identity/Account/Login?culture=en"));

        var (cookie, ticket) = await SignInAsync(client, "anji.clerk", FormClient.DemoPassword, remember: true);

        Assert.Null(cookie.Expires);
        Assert.False(ticket.Properties.IsPersistent);
        Assert.Equal(TimeSpan.FromHours(8), ticket.Properties.ExpiresUtc - ticket.Properties.IssuedUtc);
        Assert.Contains("工作人员账号涉及个人信息，不保持登录", form);
        Assert.Contains("Staff accounts see personal data and are not remembered", english);
    }

    private sealed record SetCookie(string Value, DateTimeOffset? Expires);

    /// <summary>Posts the login form; returns the auth cookie as set (value, expiry) and the ticket it carries.</summary>
    private async Task<(SetCookie Cookie, AuthenticationTicket Ticket)> SignInAsync(HttpClient client, string login, string password, bool remember)
    {
        var response = await client.PostFormAsync("/Identity/Account/Login",
            new() { ["Input.Login"] = login, ["Input.Password"] = password, ["Input.RememberMe"] = remember ? "true" : "false" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        if (response.Headers.Location!.OriginalString.Contains("LoginWith2fa", StringComparison.Ordinal))
        {
            // Staff with two-factor: the second step carries the tick on (its hidden RememberMe) and signs in.
            response = await client.PostFormAsync(response.Headers.Location.OriginalString, new() { ["Code"] = Totp.Now(await App.AuthenticatorKeyAsync(login)) });
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }
        var cookie = AuthCookie(response.Headers.GetValues("Set-Cookie").ToList());
        var format = App.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme).TicketDataFormat;
        return (cookie, format.Unprotect(cookie.Value) ?? throw new InvalidOperationException("The auth cookie did not unprotect."));
    }

    /// <summary>The auth cookie from Set-Cookie headers, its chunks joined (the chunking cookie manager's "chunks-N").</summary>
    private static SetCookie AuthCookie(IReadOnlyList<string> headers)
    {
        var name = TalentHub.Web.Infrastructure.IdentityServiceCollectionExtensions.AuthCookieName;
        var parsed = headers.Select(h => Microsoft.Net.Http.Headers.SetCookieHeaderValue.Parse(h)).ToList();
        var head = parsed.Single(c => c.Name.Value == name);
        var value = head.Value.Value!;
        if (value.StartsWith("chunks-", StringComparison.Ordinal))
            value = string.Concat(Enumerable.Range(1, int.Parse(value["chunks-".Length..], System.Globalization.CultureInfo.InvariantCulture))
                .Select(i => parsed.Single(c => c.Name.Value == name + "C" + i).Value.Value));
        return new(value, head.Expires);
    }
}
