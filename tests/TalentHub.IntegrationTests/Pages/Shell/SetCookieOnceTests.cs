namespace TalentHub.IntegrationTests.Pages.Shell;

/// <summary>Review: switching language answered with two Set-Cookie headers for the culture cookie.</summary>
public sealed class SetCookieOnceTests(TalentHubFactory app) : AppTest(app)
{
    private const string CultureCookie = ".AspNetCore.Culture";

    /// <summary>The cookie names of the response's Set-Cookie headers, in order (a name twice means two headers).</summary>
    private static List<string> CookieNames(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values.Select(v => v[..v.IndexOf('=')]).ToList() : [];

    [Theory]
    [InlineData("en")]
    [InlineData("zh-CN")]
    public async Task SwitchLink_SetsTheCultureCookieOnce_ToTheChosenLanguage(string culture)
    {
        var response = await App.NewClient().GetAsync($"/Culture?culture={culture}&returnUrl=%2F");

        var cultureCookies = response.Headers.GetValues("Set-Cookie").Where(v => v.StartsWith(CultureCookie + "=", StringComparison.Ordinal)).ToList();
        Assert.Single(cultureCookies);
        Assert.Contains("uic%3D" + culture, cultureCookies[0]);
    }

    [Fact]
    public async Task SwitcherForm_SetsEachCookieOnce()
    {
        var response = await App.NewClient().PostFormAsync("/Culture?culture=en", new() { ["culture"] = "en", ["returnUrl"] = "/" }, formPage: "/Identity/Account/Login");

        var names = CookieNames(response);
        Assert.Contains(CultureCookie, names);
        Assert.Equal(names.Distinct().Count(), names.Count);
    }

    [Fact]
    public async Task SigningIn_WithRememberMe_AndACultureQuery_SetsEachCookieOnce()
    {
        var client = App.NewClient();

        var response = await client.PostFormAsync("/Identity/Account/Login?culture=en",
            new() { ["Input.Login"] = "anji.clerk", ["Input.Password"] = FormClient.DemoPassword, ["Input.RememberMe"] = "true" },
            formPage: "/Identity/Account/Login?culture=en");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var names = CookieNames(response);
        Assert.Contains(CultureCookie, names);
        Assert.Equal(names.Distinct().Count(), names.Count);
    }
}
