using Microsoft.EntityFrameworkCore;

namespace TalentHub.IntegrationTests.Pages.Shell;

/// <summary>
/// review21: a check box posted with a value that is not a boolean (a tampered form) answered 500 when the page showed the
/// form again (the check box tag helper converted the kept "maybe" to bool). Now it is a field error and nothing is done.
/// </summary>
public sealed class NonBooleanCheckBoxTests(TalentHubFactory app) : AppTest(app)
{
    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public async Task Login_WithRememberMeMaybe_ShowsTheFormAgain_AndDoesNotSignIn(string culture)
    {
        var client = App.NewClient();
        var url = $"/Identity/Account/Login?culture={culture}";

        var response = await client.PostFormAsync(url,
            new() { ["Input.Login"] = "anji.clerk", ["Input.Password"] = FormClient.DemoPassword, ["Input.RememberMe"] = "maybe" }, formPage: url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("name=\"Input.RememberMe\"", await response.Content.ReadAsStringAsync());
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith(".AspNetCore.Identity", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task CourseCreate_WithAssessedMaybe_ShowsTheFormAgain_AndCreatesNothing()
    {
        var officer = await App.LoginAsync("anji.officer");
        var before = await App.QueryAsync(db => db.Courses.CountAsync());

        var response = await officer.PostFormAsync("/Courses/Create", new() { ["Input.Title"] = "复选框篡改", ["Input.Assessed"] = "maybe" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("name=\"Input.Assessed\"", await response.Content.ReadAsStringAsync());
        Assert.Equal(before, await App.QueryAsync(db => db.Courses.CountAsync()));
    }

    /// <summary>
    /// review34g: a check box with no [Display] name was named in its refusal by its C# property: "“maybe” is not a valid
    /// CanReveal." on the English page, "“maybe”不是有效的CanReveal。" on the Chinese one.
    /// </summary>
    [Theory]
    [InlineData("zh-CN", "“maybe”无效。")]
    [InlineData("en", "“maybe” is not a valid value.")]
    public async Task ApiToken_WithCanRevealMaybe_IsRefusedWithoutTheCSharpName(string culture, string message)
    {
        var admin = await App.LoginAsync("admin");
        var url = $"/Admin/ApiTokens?handler=Create&culture={culture}";

        var response = await admin.PostFormAsync(url, new() { ["Input.Name"] = "tampered", ["Input.CanReveal"] = "maybe" },
            formPage: $"/Admin/ApiTokens?culture={culture}");
        var html = System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("CanReveal。", html);
        Assert.DoesNotContain("CanReveal.", html);
        Assert.Contains(message, html);
    }
}
