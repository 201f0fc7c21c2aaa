using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TalentHub.IntegrationTests.Builders;
using TalentHub.Web.Domain;
using TalentHub.Web.Domain.Common;
using TalentHub.Web.Infrastructure.Security;
using TalentHub.Web.Services;

namespace TalentHub.IntegrationTests.Pages.Account;

/// <summary>Tight per-address ceilings (3 login posts a minute, 2 sign-ups an hour) and a one-permit password gate.</summary>
public sealed class BusyLimitsFactory : TalentHubFactory
{
    public const int Queue = 10;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Quartz:Enabled"] = "false",
        ["TalentHub:SeedDemoData"] = "false",
        ["TalentHub:LoginAttemptsPerMinute"] = "3",
        ["TalentHub:SignUpsPerHour"] = "2",
        ["TalentHub:PasswordWork:Permits"] = "1",
        ["TalentHub:PasswordWork:QueueLimit"] = Queue.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["TalentHub:PasswordWork:WaitSeconds"] = "600",
    };
}

/// <summary>
/// Review 5 leftover: a post the password work gate answers "busy, try again" (503) does not count against the
/// per-address login and sign-up ceilings nor the account's failure throttle, so the user who retries as told gets in;
/// the ceilings still hold for posts that were served. Each test runs in its own app (its own address counters).
/// </summary>
public sealed class PasswordWorkBusyLimitsTests
{
    private const string Password = "bamboo hills and white tea";
    private const string NewPassword = "green tea terraces at dawn";
    private const string Login = "/Identity/Account/Login";
    private const string Register = "/Identity/Account/Register";

    public static TheoryData<string?> Languages => new() { null, "en" };

    private static async Task<T> WhileFullAsync<T>(TalentHubFactory app, Func<Task<T>> work)
    {
        var gate = app.Services.GetRequiredService<PasswordWorkGate>();
        using var stop = new CancellationTokenSource();
        var held = new List<IDisposable>();
        for (var i = 0; i < gate.Permits; i++) held.Add(await gate.EnterAsync());
        var queued = Enumerable.Range(0, gate.QueueLimit).Select(_ => gate.EnterAsync(stop.Token).AsTask()).ToList();
        try
        {
            return await work();
        }
        finally
        {
            await stop.CancelAsync();
            foreach (var waiter in queued) await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiter);
            foreach (var permit in held) permit.Dispose();
        }
    }

    private static async Task SpeakAsync(HttpClient client, string? language, string page)
    {
        if (language is not null) (await client.GetAsync(page + "?culture=" + language)).EnsureSuccessStatusCode();
    }

    private static async Task AssertBusyAsync(HttpResponseMessage response, string? language)
    {
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains(language is null ? "服务器正忙于验证密码，请稍等几秒后再试。" : "The server is busy checking passwords right now.", html);
    }

    private static Task<HttpResponseMessage> LoginPostAsync(HttpClient client, string login, string password) =>
        client.PostFormAsync(Login, new() { ["Input.Login"] = login, ["Input.Password"] = password });

    [Theory, MemberData(nameof(Languages))]
    public async Task BusyLogins_CountNeitherAgainstTheAddressNorTheAccount_AndTheRetryGetsIn(string? language)
    {
        await using var app = new BusyLimitsFactory();
        var mobile = (await app.FarmersAsync(1, Password))[0];
        var client = app.NewClient();
        await SpeakAsync(client, language, Login);

        // Six busy answers: more than the address's 3 posts a minute and the account's 4 free failures.
        var busy = await WhileFullAsync(app, async () =>
        {
            var answers = new List<HttpResponseMessage>();
            for (var i = 0; i < 6; i++) answers.Add(await LoginPostAsync(client, mobile, Password));
            return answers;
        });

        foreach (var response in busy) await AssertBusyAsync(response, language);
        var retry = await LoginPostAsync(client, mobile, Password);
        Assert.Equal(HttpStatusCode.Redirect, retry.StatusCode);
        Assert.Contains(retry.Headers.GetValues("Set-Cookie"), c => c.StartsWith("TalentHub.Auth=", StringComparison.Ordinal));
    }

    [Theory, MemberData(nameof(Languages))]
    public async Task AfterBusyLogins_TheAddressCeilingStillHoldsForServedPosts(string? language)
    {
        await using var app = new BusyLimitsFactory();
        var mobile = (await app.FarmersAsync(1, Password))[0];
        var client = app.NewClient();
        await SpeakAsync(client, language, Login);
        await WhileFullAsync(app, async () =>
        {
            for (var i = 0; i < 4; i++) await AssertBusyAsync(await LoginPostAsync(client, mobile, "wrong password here"), language);
            return true;
        });

        // All four served posts in one clock minute, so the fourth is over the ceiling (a turning minute would free it).
        await AddressWindows.RoomInAsync(TimeSpan.FromMinutes(1));
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? over = null;
        for (var i = 0; i < 4; i++)
        {
            var response = await LoginPostAsync(client, mobile, "wrong password here");
            statuses.Add(response.StatusCode);
            over = response;
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Contains(language is null ? "登录尝试过于频繁" : "Too many login attempts", await over!.Content.ReadAsStringAsync());
    }

    [Theory, MemberData(nameof(Languages))]
    public async Task BusySignUps_DoNotCountAgainstTheAddress_AndTheRetrySignsUp(string? language)
    {
        await using var app = new BusyLimitsFactory();
        var client = app.NewClient();
        await SpeakAsync(client, language, Register);
        var n = language is null ? 1 : 2;
        var id = IdNumber.Create("330523", new DateOnly(1971, 3, 1).AddDays(n), 800 + n, Sex.Male).Value;
        var mobile = $"1375555{n:D4}";
        Dictionary<string, string> Form() => new()
        {
            ["Input.Mobile"] = mobile, ["Input.Name"] = "忙时再试", ["Input.IdNumber"] = id, ["Input.VillageCode"] = "330523108204",
            ["Input.Password"] = NewPassword, ["Input.ConfirmPassword"] = NewPassword,
        };

        // Three busy answers: more than the address's 2 sign-ups an hour.
        var busy = await WhileFullAsync(app, async () =>
        {
            var answers = new List<HttpResponseMessage>();
            for (var i = 0; i < 3; i++) answers.Add(await client.PostFormAsync(Register, Form()));
            return answers;
        });

        foreach (var response in busy) await AssertBusyAsync(response, language);
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync(Register, Form())).StatusCode);
        var idHash = app.Services.GetRequiredService<PersonalDataProtector>().Hash(id);
        Assert.True(await app.QueryAsync(db => db.People.IgnoreQueryFilters().AnyAsync(p => p.IdNumberHash == idHash)));
    }
}
