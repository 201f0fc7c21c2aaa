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

        var response = await client.PostFormAsync("/Culture", new() { ["culture"] = "en", ["returnUrl"] = "/Identity/Account/Login?culture=zh-CN" }, formPage: "/Identity/Account/Login");
        var page = await client.GetStringAsync(response.Headers.Location!);

        Assert.Equal("/Identity/Account/Login", response.Headers.Location!.OriginalString);
        Assert.Contains("<html lang=\"en\">", page);
    }

    [Fact]
    public async Task Switcher_WithAForeignReturnUrl_GoesHome()
    {
        var response = await App.NewClient().PostFormAsync("/Culture", new() { ["culture"] = "en", ["returnUrl"] = "https://evil.example/" }, formPage: "/Identity/Account/Login");

        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("en", "/Catalog?Topic=Ecommerce", "<html lang=\"en\">", "href=\"/Culture?culture=zh-CN&amp;returnUrl=%2FCatalog%3FTopic%3DEcommerce\"")]
    [InlineData("zh-CN", "/Identity/Account/Login", "<html lang=\"zh-CN\">", "href=\"/Culture?culture=en&amp;returnUrl=%2FIdentity%2FAccount%2FLogin\"")]
    public async Task SwitchLink_SetsTheCultureAndReturnsToThePage_WhichLinksToTheOtherLanguage(string culture, string returnUrl, string lang, string link)
    {
        var client = App.NewClient();
        if (culture == "zh-CN") await client.GetAsync("/Culture?culture=en&returnUrl=%2F");  // start from English

        var response = await client.GetAsync($"/Culture?culture={culture}&returnUrl={Uri.EscapeDataString(returnUrl + (returnUrl.Contains('?') ? "&" : "?") + "culture=xx")}");
        var page = await client.GetStringAsync(response.Headers.Location!);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(returnUrl, response.Headers.Location!.OriginalString);  // the stale ?culture= is dropped
        Assert.Contains(lang, page);
        Assert.Contains(link, page);
        Assert.DoesNotContain("action=\"/Culture\"", page);
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/path")]
    [InlineData("/\\evil.example")]
    [InlineData("javascript:alert(1)")]
    public async Task SwitchLink_WithANonLocalReturnUrl_GoesHome(string returnUrl)
    {
        var response = await App.NewClient().GetAsync($"/Culture?culture=en&returnUrl={Uri.EscapeDataString(returnUrl)}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("/Catalog?q=王", "/Catalog?q=%E7%8E%8B")]
    [InlineData("/／evil.example", "/%EF%BC%8Fevil.example")]
    [InlineData("/Catalog?ui-culture=zh-CN&q=a", "/Catalog?q=a")]
    public async Task SwitchLink_WithNonAsciiOrACultureOverride_RedirectsLocallyEncoded(string returnUrl, string location)
    {
        var response = await App.NewClient().GetAsync($"/Culture?culture=en&returnUrl={Uri.EscapeDataString(returnUrl)}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(location, response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task SwitchLink_WithAnUnknownCulture_KeepsTheLanguage()
    {
        var client = App.NewClient();

        var response = await client.GetAsync("/Culture?culture=fr&returnUrl=%2F");
        var page = await client.GetStringAsync("/");

        Assert.Equal("/", response.Headers.Location!.OriginalString);
        Assert.Contains("<html lang=\"zh-CN\">", page);
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

    /// <summary>
    /// review14: the re-executed status page bound a posted form field <c>Code</c> as the status, so a check-in (or
    /// authenticator) code posted with an expired antiforgery token answered 404 showing the typed code in large type.
    /// </summary>
    [Fact]
    public async Task RefusedPost_WithAFieldNamedCode_KeepsItsOwnStatusOnTheErrorPage()
    {
        var farmer = await App.LoginAsync("13800000001");
        var stale = await farmer.PostAsync("/My/CheckIn", new FormUrlEncodedContent(new Dictionary<string, string> { ["Code"] = "123456" }));
        var body = await stale.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, stale.StatusCode);
        Assert.Contains("请求无效", body);
        Assert.DoesNotContain("123456", body);

        var unknown = await App.NewClient().PostAsync("/no/such/page?culture=en", new FormUrlEncodedContent(new Dictionary<string, string> { ["code"] = "403" }));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("Page not found", await unknown.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task HealthEndpoint_ReportsHealthy()
    {
        Assert.Equal((HttpStatusCode.OK, "Healthy"), await App.HealthAfterStartAsync());
    }

    [Fact]
    public async Task ChineseText_IsNotHtmlEncoded()
    {
        var html = await App.NewClient().GetStringAsync("/");

        Assert.DoesNotContain("&#x", html);
    }
}
