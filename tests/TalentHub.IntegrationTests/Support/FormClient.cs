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

    public static async Task<HttpClient> LoginAsync(this WebApplicationFactory<Program> factory, string login, string password = DemoPassword)
    {
        var client = factory.NewClient();
        var response = await client.PostFormAsync("/Identity/Account/Login", new() { ["Input.Login"] = login, ["Input.Password"] = password });
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Login as {login} failed: {(int)response.StatusCode}");
        return client;
    }

    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string url, Dictionary<string, string> fields, string? formPage = null)
    {
        var page = await client.GetStringAsync(formPage ?? url);
        fields["__RequestVerificationToken"] = TokenOf(page);
        return await client.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    public static string TokenOf(string html)
    {
        var match = TokenPattern().Match(html);
        if (!match.Success) throw new InvalidOperationException("No antiforgery token on the page.");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
