namespace TalentHub.IntegrationTests.Pages.Shell;

public sealed class LanguageAndErrorPageTests(TalentHubFactory app) : AppTest(app)
{
    [Fact]
    public async Task HomePage_ByDefault_IsChineseWithChineseHtmlLang()
    {
        var html = await App.NewClient().GetStringAsync("/");

        Assert.Contains("<html lang=\"zh-CN\">", html);
        Assert.Contains("湖州市乡村人才服务平台", html);
    }

    [Fact]
    public async Task CultureQuery_SwitchesToEnglish_AndTheCookieKeepsIt()
    {
        var client = App.NewClient();

        var english = await client.GetStringAsync("/?culture=en");
        var next = await client.GetStringAsync("/Identity/Account/Login");

        Assert.Contains("<html lang=\"en\">", english);
        Assert.Contains("Huzhou Rural Talent Hub", english);
        Assert.Contains("<html lang=\"en\">", next);
        Assert.Contains("User name or mobile number", next);
    }

    [Fact]
    public async Task Switcher_PostsTheCultureAndReturnsToThePage()
    {
        var client = App.NewClient();

        var response = await client.PostFormAsync("/Culture", new() { ["culture"] = "en", ["returnUrl"] = "/Identity/Account/Login?culture=zh-CN" }, formPage: "/");
        var page = await client.GetStringAsync(response.Headers.Location!);

        Assert.Equal("/Identity/Account/Login", response.Headers.Location!.OriginalString);
        Assert.Contains("<html lang=\"en\">", page);
    }

    [Fact]
    public async Task Switcher_WithAForeignReturnUrl_GoesHome()
    {
        var response = await App.NewClient().PostFormAsync("/Culture", new() { ["culture"] = "en", ["returnUrl"] = "https://evil.example/" }, formPage: "/");

        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("zh-CN", "页面不存在")]
    [InlineData("en", "Page not found")]
    public async Task UnknownAddress_Shows404PageInTheLanguage(string culture, string title)
    {
        var response = await App.NewClient().GetAsync($"/no/such/page?culture={culture}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains(title, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task HealthEndpoint_ReportsHealthy()
    {
        var response = await App.NewClient().GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ChineseText_IsNotHtmlEncoded()
    {
        var html = await App.NewClient().GetStringAsync("/");

        Assert.DoesNotContain("&#x", html);
    }
}
