using System.Buffers.Binary;
using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;

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

    /// <summary>RFC 6238 (HMAC-SHA1, 30 s, 6 digits) over a Base32 key: what an authenticator app shows.</summary>
    public static string Totp(string base32Key, DateTimeOffset at)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var key = new byte[base32Key.Length * 5 / 8];
        int buffer = 0, bits = 0, index = 0;
        foreach (var c in base32Key)
        {
            buffer = (buffer << 5) | alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits < 8) continue;
            key[index++] = (byte)(buffer >> (bits - 8));
            bits -= 8;
        }
        Span<byte> message = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(message, at.ToUnixTimeSeconds() / 30);
        var hash = HMACSHA1.HashData(key, message);
        var offset = hash[^1] & 0x0F;
        var code = (BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset, 4)) & 0x7FFFFFFF) % 1_000_000;
        return code.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    public void Dispose() => Client.Dispose();
}
