using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace TalentHub.IntegrationTests.Support;

/// <summary>Posts forms the way a browser does: GET the page, take its antiforgery token, POST.</summary>
public static partial class FormClient
{
    public const string DemoPassword = "talenthub-demo-2026";

    public static HttpClient NewClient(this WebApplicationFactory<Program> factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>
    /// Logs in as a user would: password, then the authenticator code (computed from the account's key) when
    /// the account has two-factor, then authenticator set-up when the role requires it and it is not done yet.
    /// </summary>
    /// <summary>A client whose cookies the test can read (<paramref name="jar"/>), not following redirects.</summary>
    public static HttpClient NewClient(this WebApplicationFactory<Program> factory, CookieContainer jar) =>
        factory.CreateDefaultClient(new Microsoft.AspNetCore.Mvc.Testing.Handlers.CookieContainerHandler(jar));

    public static async Task<HttpClient> LoginAsync(this WebApplicationFactory<Program> factory, string login, string password = DemoPassword,
        HttpClient? client = null)
    {
        client ??= factory.NewClient();
        var response = await client.PostFormAsync("/Identity/Account/Login", new() { ["Input.Login"] = login, ["Input.Password"] = password });
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Login as {login} failed: {(int)response.StatusCode}");
        if (response.Headers.Location!.OriginalString.Contains("LoginWith2fa", StringComparison.Ordinal))
        {
            var key = await factory.AuthenticatorKeyAsync(login);
            var second = await client.PostFormAsync(response.Headers.Location.OriginalString, new() { ["Code"] = Totp.Now(key) });
            if (second.StatusCode != HttpStatusCode.Redirect)
                throw new InvalidOperationException($"Second factor for {login} failed: {(int)second.StatusCode}");
        }
        var home = await client.GetAsync("/");
        if (home.StatusCode == HttpStatusCode.Redirect && home.Headers.Location!.OriginalString.Contains("EnableAuthenticator", StringComparison.Ordinal))
            await client.EnrolAuthenticatorAsync();
        return client;
    }

    /// <summary>Sets up the authenticator of the signed-in user from the set-up page; returns the key and the recovery codes shown.</summary>
    public static async Task<(string Key, IReadOnlyList<string> RecoveryCodes)> EnrolAuthenticatorAsync(this HttpClient client)
    {
        const string page = "/Identity/Account/Manage/EnableAuthenticator";
        var key = KeyPattern().Match(await client.GetStringAsync(page)).Groups[1].Value;
        var response = await client.PostFormAsync(page, new() { ["Code"] = Totp.Now(key) });
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Authenticator set-up failed: {(int)response.StatusCode}");
        var codes = await client.GetStringAsync(response.Headers.Location!.OriginalString);
        return (key, RecoveryCodePattern().Matches(codes).Select(m => m.Groups[1].Value).ToList());
    }

    [GeneratedRegex("data-key=\"([A-Z2-7]+)\"")]
    private static partial Regex KeyPattern();

    [GeneratedRegex("<li>([A-Z0-9]{5}-[A-Z0-9]{5})</li>")]
    private static partial Regex RecoveryCodePattern();

    /// <summary>
    /// GETs <paramref name="formPage"/> (default <paramref name="url"/>), then posts <paramref name="fields"/> with the page's
    /// antiforgery token and, as a browser would, the create form's one-time <c>SubmissionToken</c> when the page has one
    /// and the fields do not name it.
    /// </summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string url, Dictionary<string, string> fields, string? formPage = null)
    {
        var page = await client.GetStringAsync(formPage ?? url);
        fields["__RequestVerificationToken"] = TokenOf(page);
        if (!fields.ContainsKey("SubmissionToken") && SubmissionTokenPattern().Match(page) is { Success: true } submission)
            fields["SubmissionToken"] = submission.Groups[1].Value;
        return await client.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    /// <summary>The create form's one-time <c>SubmissionToken</c> in <paramref name="html"/>; null when it has none.</summary>
    public static string? SubmissionTokenOf(string html) => SubmissionTokenPattern().Match(html) is { Success: true } m ? m.Groups[1].Value : null;

    [GeneratedRegex("name=\"SubmissionToken\" value=\"([0-9a-f-]{36})\"")]
    private static partial Regex SubmissionTokenPattern();

    public static string TokenOf(string html)
    {
        var match = TokenPattern().Match(html);
        if (!match.Success) throw new InvalidOperationException("No antiforgery token on the page.");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
