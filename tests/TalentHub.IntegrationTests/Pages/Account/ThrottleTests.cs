using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Domain;
using TalentHub.Web.Infrastructure;

namespace TalentHub.IntegrationTests.Pages.Account;

/// <summary>The app with its real (default) login ceilings.</summary>
public sealed class DefaultLimitsFactory : TalentHubFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["TalentHub:LoginAttemptsPerMinute"] = new TalentHubOptions().LoginAttemptsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["TalentHub:SeedDemoData"] = "false",
        ["Quartz:Enabled"] = "false",
    };
}

public sealed class ThrottleTests(DefaultLimitsFactory app) : IClassFixture<DefaultLimitsFactory>
{
    private const string FarmerPassword = "bamboo hills and white tea";

    private static async Task<(HttpStatusCode Status, string Error, string? RetryAfter)> TryAsync(HttpClient client, string login, string password)
    {
        var response = await client.PostFormAsync("/Identity/Account/Login", new() { ["Input.Login"] = login, ["Input.Password"] = password });
        var html = await response.Content.ReadAsStringAsync();
        var error = System.Text.RegularExpressions.Regex.Match(html, "<li>([^<]*)</li>").Groups[1].Value;
        return (response.StatusCode, error, response.Headers.RetryAfter?.Delta?.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task FortyFarmers_OnOneAddress_AllLogIn()
    {
        var mobiles = await app.FarmersAsync(40, FarmerPassword);
        var statuses = new List<HttpStatusCode>();

        foreach (var mobile in mobiles)
        {
            var response = await app.NewClient().PostFormAsync("/Identity/Account/Login",
                new() { ["Input.Login"] = mobile, ["Input.Password"] = FarmerPassword });
            statuses.Add(response.StatusCode);
        }

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.Redirect, s));
    }

    [Fact]
    public async Task SixBadPasswords_ForOneFarmer_AreSlowed_ButTheFarmerIsNotLocked_AndOthersAreNotSlowed()
    {
        var mobiles = await app.FarmersAsync(2, FarmerPassword);
        var client = app.NewClient();
        var tries = new List<(HttpStatusCode Status, string Error, string? RetryAfter)>();

        for (var i = 0; i < 6; i++) tries.Add(await TryAsync(client, mobiles[0], "a wrong guess at the password"));

        Assert.All(tries.Take(5), t => Assert.Equal(HttpStatusCode.OK, t.Status));
        Assert.Equal(HttpStatusCode.TooManyRequests, tries[5].Status);
        Assert.Contains("秒后再试", tries[5].Error);
        Assert.NotNull(tries[5].RetryAfter);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await TryAsync(client, mobiles[0], FarmerPassword)).Status);
        var user = await app.QueryAsync(db => db.Users.SingleAsync(u => u.UserName == TwoFactorData.UserNameOf(app.Services, mobiles[0])));
        Assert.Null(user.LockoutEnd);
        Assert.Equal(HttpStatusCode.Redirect, (await TryAsync(client, mobiles[1], FarmerPassword)).Status);
    }

    [Fact]
    public async Task AnUnknownAccount_AndARealOne_AnswerAlike_ThroughLockout()
    {
        var staff = await app.NewStaffAsync(Roles.CountyClerk);
        var unknown = "nobody." + Guid.NewGuid().ToString("N")[..8];
        var real = new List<(HttpStatusCode, string, string?)>();
        var none = new List<(HttpStatusCode, string, string?)>();

        for (var i = 0; i < 7; i++)
        {
            real.Add(await TryAsync(app.NewClient(), staff.UserName!, "a wrong guess at the password"));
            none.Add(await TryAsync(app.NewClient(), unknown, "a wrong guess at the password"));
        }

        // The same answers (the wait in seconds may differ by the moment of each try).
        static string Shape(string error) => System.Text.RegularExpressions.Regex.Replace(error, "[0-9]+", "N");
        Assert.Equal(none.Select(t => (t.Item1, Shape(t.Item2))), real.Select(t => (t.Item1, Shape(t.Item2))));
        Assert.Equal(HttpStatusCode.TooManyRequests, real[^1].Item1);
        Assert.True((await app.QueryAsync(db => db.Users.SingleAsync(u => u.Id == staff.Id))).LockoutEnd > DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task ALockedAccount_ToAStrangerWithoutThePassword_SaysTheSameAsAnUnknownOne_TheOwnerLearnsWhy()
    {
        var staff = await app.NewStaffAsync(Roles.CountyClerk);
        await app.QueryAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Id == staff.Id);
            user.LockoutEnd = DateTimeOffset.MaxValue;
            return await db.SaveChangesAsync();
        });

        var locked = await TryAsync(app.NewClient(), staff.UserName!, "a stranger's guess");
        var unknown = await TryAsync(app.NewClient(), "nobody." + Guid.NewGuid().ToString("N")[..8], "a stranger's guess");
        var owner = await TryAsync(app.NewClient(), staff.UserName!, StaffAccounts.Password);

        Assert.Equal(HttpStatusCode.OK, locked.Status);
        Assert.Equal(unknown.Error, locked.Error);
        Assert.Contains("用户名、手机号或密码不正确", locked.Error);
        Assert.Contains("停用", owner.Error);
    }
}
