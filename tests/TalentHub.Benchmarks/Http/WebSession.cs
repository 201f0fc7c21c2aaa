using System.Net;
using System.Text.RegularExpressions;
using TalentHub.Web.Infrastructure.Security;

namespace TalentHub.Benchmarks.Http;

/// <summary>
/// A browser-like client of the app under test: own cookie jar, no redirects followed, forms posted with their
/// antiforgery token, login through the real forms (password, then the authenticator code for staff).
/// </summary>
public sealed partial class WebSession : IDisposable
{
    public const string DemoPassword = "talenthub-demo-2026";
    public const string DemoAuthenticatorKey = "TALENTHUBDEMOKEYFORSTAFFACCOUNTS";

    public WebSession(Uri baseAddress)
    {
        Client = new HttpClient(new SocketsHttpHandler
        {
            AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer(), MaxConnectionsPerServer = 256,
            PooledConnectionLifetime = TimeSpan.FromMinutes(10),
        }) { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(10) };
        Client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
    }

    public HttpClient Client { get; }

    /// <summary>Password form, then the two-factor form when the account has one (staff); true when signed in.</summary>
    public async Task<bool> LoginAsync(string login, string password = DemoPassword)
    {
        var response = await PostFormAsync("/Identity/Account/Login", new() { ["Input.Login"] = login, ["Input.Password"] = password });
        if (response.StatusCode != HttpStatusCode.Redirect) return false;
        var next = response.Headers.Location!.OriginalString;
        if (!next.Contains("LoginWith2fa", StringComparison.Ordinal)) return true;
        var second = await PostFormAsync(next, new() { ["Code"] = Totp(DemoAuthenticatorKey, DateTimeOffset.UtcNow) });
        return second.StatusCode == HttpStatusCode.Redirect;
    }

    public async Task<HttpResponseMessage> PostFormAsync(string url, Dictionary<string, string> fields, string? formPage = null)
    {
        var page = await Client.GetStringAsync(formPage ?? url);
        fields["__RequestVerificationToken"] = TokenOf(page);
        return await Client.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    /// <summary>GET that drains the body; true on 200.</summary>
    public async Task<bool> GetOkAsync(string url)
    {
        using var response = await Client.GetAsync(url, HttpCompletionOption.ResponseContentRead);
        return response.StatusCode == HttpStatusCode.OK;
    }

    public static string TokenOf(string html)
    {
        var match = TokenPattern().Match(html);
        if (!match.Success) throw new InvalidOperationException("No antiforgery token on the page.");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    /// <summary>RFC 6238 (HMAC-SHA1, 30 s, 6 digits) over a Base32 key: what an authenticator app shows (the app's own computation).</summary>
    public static string Totp(string base32Key, DateTimeOffset at) => SingleUseAuthenticatorTokenProvider.CodeAt(base32Key, at);

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    public void Dispose() => Client.Dispose();
}
