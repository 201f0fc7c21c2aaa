using Microsoft.Net.Http.Headers;

namespace TalentHub.IntegrationTests.Pages.Account;

public sealed class SessionTests(TalentHubFactory app) : AppTest(app)
{
    [Fact]
    public async Task Logout_RefusesACopiedCookie_AtOnce()
    {
        var jar = new CookieContainer();
        var client = await App.LoginAsync("anji.clerk", client: App.NewClient(jar));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/People")).StatusCode);
        var copied = jar.GetCookieHeader(client.BaseAddress!);
        Assert.Contains("TalentHub.Auth=", copied);

        await client.PostFormAsync("/Identity/Account/Logout", new(), formPage: "/");
        var thief = App.NewClient();
        thief.DefaultRequestHeaders.Add(HeaderNames.Cookie, copied);
        var response = await thief.GetAsync("/People");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Identity/Account/Login", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task WithoutLogout_TheSameCopiedCookieWorks()
    {
        var jar = new CookieContainer();
        var client = await App.LoginAsync("anji.officer", client: App.NewClient(jar));
        var copy = App.NewClient();
        copy.DefaultRequestHeaders.Add(HeaderNames.Cookie, jar.GetCookieHeader(client.BaseAddress!));

        Assert.Equal(HttpStatusCode.OK, (await copy.GetAsync("/People")).StatusCode);
    }
}
