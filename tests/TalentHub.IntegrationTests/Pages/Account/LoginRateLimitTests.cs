using TalentHub.IntegrationTests.Support;

namespace TalentHub.IntegrationTests.Pages.Account;

public sealed class RateLimitedFactory : TalentHubFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["TalentHub:LoginAttemptsPerMinute"] = "3",
        ["TalentHub:SignUpsPerHour"] = "2",
        ["TalentHub:SeedDemoData"] = "false",
        ["Quartz:Enabled"] = "false",
    };
}

public sealed class LoginRateLimitTests(RateLimitedFactory app) : IClassFixture<RateLimitedFactory>
{
    [Fact]
    public async Task LoginPost_BeyondTheLimit_AnswersTooManyRequestsWithALocalizedMessage()
    {
        await AddressWindows.RoomInAsync(TimeSpan.FromMinutes(1));
        var client = app.NewClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            var response = await client.PostFormAsync("/Identity/Account/Login",
                new() { ["Input.Login"] = "nobody", ["Input.Password"] = "wrong-password-here" });
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.Contains("登录尝试过于频繁", await response.Content.ReadAsStringAsync());
                Assert.InRange(response.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 60);
            }
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task LoginPage_Get_IsNotRateLimited()
    {
        var client = app.NewClient();
        for (var i = 0; i < 6; i++)
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Identity/Account/Login")).StatusCode);
    }

    [Fact]
    public async Task SignUpPost_BeyondTheLimit_AnswersTooManyRequestsWithRetryAfter()
    {
        await AddressWindows.RoomInAsync(TimeSpan.FromHours(1));
        var client = app.NewClient();
        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < 3; i++)
            responses.Add(await client.PostFormAsync("/Identity/Account/Register", new() { ["Input.Mobile"] = "123" }));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], responses.Select(r => r.StatusCode));
        Assert.NotNull(responses[2].Headers.RetryAfter?.Delta);
        Assert.Contains("注册请求过多", await responses[2].Content.ReadAsStringAsync());
    }
}
