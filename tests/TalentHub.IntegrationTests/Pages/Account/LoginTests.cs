namespace TalentHub.IntegrationTests.Pages.Account;

public sealed class LoginTests(TalentHubFactory app) : AppTest(app)
{
    [Theory]
    [InlineData("admin")]
    [InlineData("city.officer")]
    [InlineData("anji.officer")]
    [InlineData("anji.clerk")]
    [InlineData("wuxing.officer")]
    [InlineData("trainer.wang")]
    [InlineData("13800000001")]
    [InlineData("13800000020")]
    public async Task Login_AsEveryDemoAccount_SignsInAndShowsTheirName(string login)
    {
        var client = await App.LoginAsync(login);

        var home = await client.GetStringAsync("/");

        Assert.Contains("id=\"current-user\"", home);
        Assert.Contains("/Identity/Account/Logout", home);
        var shown = System.Text.RegularExpressions.Regex.Match(home, @"id=""current-user""[^>]*>([^<]*)<").Groups[1].Value;
        Assert.Equal(SeededDisplayName(login), System.Net.WebUtility.HtmlDecode(shown));
    }

    /// <summary>The name the seed gives the account: a staff user's display name, or the farmer's name for a mobile.</summary>
    private static string SeededDisplayName(string login)
    {
        static System.Text.Json.JsonElement Read(string file) =>
            System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(TalentHub.Web.Data.SeedData.SeedDirectory, file))).RootElement;
        var name = Read("users.json").EnumerateArray().Where(u => u.GetProperty("userName").GetString() == login)
            .Concat(Read("people.json").EnumerateArray().Where(p => p.TryGetProperty("mobile", out var m) && m.GetString() == login))
            .Select(e => e.TryGetProperty("displayName", out var d) ? d.GetString() : e.GetProperty("name").GetString())
            .Single();
        Assert.False(string.IsNullOrWhiteSpace(name));
        return name!;
    }

    [Fact]
    public async Task Login_WithWrongPassword_StaysOnTheFormWithALocalizedError()
    {
        var client = App.NewClient();

        var response = await client.PostFormAsync("/Identity/Account/Login",
            new() { ["Input.Login"] = "trainer.wang", ["Input.Password"] = "not-the-right-password" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("用户名、手机号或密码不正确", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Login_WithEmptyFields_ShowsRequiredMessagesNextToTheFields()
    {
        var client = App.NewClient();

        var response = await client.PostFormAsync("/Identity/Account/Login", new() { ["Input.Login"] = "", ["Input.Password"] = "" });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains("请填写用户名或手机号", html);
        Assert.Contains("请填写密码", html);
    }

    [Theory]
    [InlineData("/People")]
    [InlineData("/Admin/Jobs")]
    public async Task AnonymousUser_OnAProtectedPage_IsSentToTheLoginPage(string url)
    {
        var response = await App.NewClient().GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Identity/Account/Login", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Post_WithoutAntiforgeryToken_IsRefusedWith400()
    {
        var client = App.NewClient();

        var response = await client.PostAsync("/Identity/Account/Login", new FormUrlEncodedContent(
            new Dictionary<string, string> { ["Input.Login"] = "admin", ["Input.Password"] = FormClient.DemoPassword }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Logout_EndsTheSession()
    {
        var client = await App.LoginAsync("anji.clerk");

        await client.PostFormAsync("/Identity/Account/Logout", new(), formPage: "/");
        var response = await client.GetAsync("/People");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }
}
