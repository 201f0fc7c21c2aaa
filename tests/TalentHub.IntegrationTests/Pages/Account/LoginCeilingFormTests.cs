using TalentHub.IntegrationTests.Support;

namespace TalentHub.IntegrationTests.Pages.Account;

/// <summary>Its own app, so these posts do not share an address window with <see cref="LoginRateLimitTests"/>.</summary>
public sealed class LoginCeilingFactory : TalentHubFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["TalentHub:LoginAttemptsPerMinute"] = "2",
        ["TalentHub:SeedDemoData"] = "false",
        ["Quartz:Enabled"] = "false",
    };
}

/// <summary>
/// Review 8: wrong passwords from one address up to the login ceiling. Beyond it the browser got a bare text page in
/// place of the form; it must get the login form again with the localized message in its error summary.
/// </summary>
public sealed class LoginCeilingFormTests(LoginCeilingFactory app) : IClassFixture<LoginCeilingFactory>
{
    [Fact]
    public async Task LoginPost_BeyondTheAddressCeiling_ShowsTheFormWithTheLocalizedMessageInItsSummary()
    {
        await AddressWindows.RoomInAsync(TimeSpan.FromMinutes(1));
        var client = app.NewClient();
        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < 4; i++)
            responses.Add(await client.PostFormAsync(i == 3 ? "/Identity/Account/Login?culture=en" : "/Identity/Account/Login",
                new() { ["Input.Login"] = "nobody", ["Input.Password"] = "wrong-password-here" }));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests],
            responses.Select(r => r.StatusCode));
        var zh = await responses[2].Content.ReadAsStringAsync();
        Assert.StartsWith("text/html", responses[2].Content.Headers.ContentType!.ToString());
        Assert.Matches("validation-summary-errors[^>]*>\\s*<ul>\\s*<li>登录尝试过于频繁", zh);
        Assert.Contains("name=\"Input.Login\"", zh);
        Assert.Contains("value=\"nobody\"", zh);
        Assert.DoesNotContain("wrong-password-here", zh);
        Assert.InRange(responses[2].Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 60);
        Assert.Matches("validation-summary-errors[^>]*>\\s*<ul>\\s*<li>Too many login attempts", await responses[3].Content.ReadAsStringAsync());
    }
}
