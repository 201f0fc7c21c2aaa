using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace TalentHub.IntegrationTests.Pages.Shell;

public sealed class SecurityHeadersTests(TalentHubFactory app) : AppTest(app)
{
    private static void AssertHardened(HttpResponseMessage response)
    {
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'self'", csp);
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("same-origin", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.False(response.Headers.Contains("Server"));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/Catalog")]
    [InlineData("/Identity/Account/Login")]
    [InlineData("/css/site.css")]
    [InlineData("/lib/bootstrap/js/bootstrap.bundle.min.js")]
    [InlineData("/no-such-page")]
    public async Task AnonymousAndStaticResponses_CarryTheSecurityHeaders(string url) =>
        AssertHardened(await App.NewClient().GetAsync(url));

    [Theory]
    [InlineData("/People")]
    [InlineData("/Admin/Users")]
    [InlineData("/Identity/Account/Manage/TwoFactor")]
    public async Task SignedInPages_CarryTheSecurityHeaders(string url)
    {
        var admin = await App.LoginAsync("admin");
        var response = await admin.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertHardened(response);
    }

    [Fact]
    public async Task Pages_HaveNoInlineScriptOrStyle()
    {
        var admin = await App.LoginAsync("admin");
        foreach (var url in new[] { "/", "/People", "/Admin/Users/Create", "/Courses/Calendar", "/Entities", "/Identity/Account/Manage/EnableAuthenticator" })
        {
            var html = await admin.GetStringAsync(url);
            Assert.DoesNotMatch("<script(?![^>]*\\bsrc=)[^>]*>", html);
            Assert.DoesNotMatch("\\son[a-z]+=\"", html);
            Assert.DoesNotContain(" style=\"", html);
        }
    }

    [Fact]
    public void Kestrel_SendsNoServerHeader() =>
        Assert.False(App.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value.AddServerHeader);
}
