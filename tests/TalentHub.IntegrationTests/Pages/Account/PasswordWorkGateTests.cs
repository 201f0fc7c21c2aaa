using Microsoft.Extensions.DependencyInjection;
using TalentHub.Web.Infrastructure.Security;

namespace TalentHub.IntegrationTests.Pages.Account;

/// <summary>The app with one password hash at a time and a short queue (a long wait, so a slow machine refuses nobody).</summary>
public sealed class PasswordWorkGateFactory : TalentHubFactory
{
    public const int Queue = 20;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Quartz:Enabled"] = "false",
        ["TalentHub:PasswordWork:Permits"] = "1",
        ["TalentHub:PasswordWork:QueueLimit"] = Queue.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["TalentHub:PasswordWork:WaitSeconds"] = "600",
    };
}

/// <summary>Issue 12 (checkin): password hashes wait their turn, a classroom still gets in, and an overflow gets a clear answer.</summary>
public sealed class PasswordWorkGateTests(PasswordWorkGateFactory app) : IClassFixture<PasswordWorkGateFactory>
{
    private const string Password = "bamboo hills and white tea";
    private const string Login = "/Identity/Account/Login";

    private static Task<HttpResponseMessage> LoginAsync(HttpClient client, string mobile) =>
        client.PostFormAsync(Login, new() { ["Input.Login"] = mobile, ["Input.Password"] = Password });

    [Fact]
    public async Task AClassroomLoggingInAtOnce_AllGetIn()
    {
        var mobiles = await app.FarmersAsync(12, Password);

        var responses = await Task.WhenAll(mobiles.Select(m => LoginAsync(app.NewClient(), m)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.All(responses, r => Assert.Contains(r.Headers.GetValues("Set-Cookie"), c => c.StartsWith("TalentHub.Auth=", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData(null, "服务器正忙于验证密码，请稍等几秒后再试。")]
    [InlineData("en", "The server is busy checking passwords right now. Please wait a few seconds and try again.")]
    public async Task WhenTheQueueIsFull_TheLoginFormSaysBusy_AndTheNextTryGetsIn(string? language, string message)
    {
        var mobile = (await app.FarmersAsync(1, Password))[0];
        var gate = app.Services.GetRequiredService<PasswordWorkGate>();
        var client = app.NewClient();
        if (language is not null) (await client.GetAsync(Login + "?culture=" + language)).EnsureSuccessStatusCode();  // writes the culture cookie

        HttpResponseMessage refused;
        using (var stop = new CancellationTokenSource())
        {
            var held = await gate.EnterAsync();
            var queued = Enumerable.Range(0, PasswordWorkGateFactory.Queue).Select(_ => gate.EnterAsync(stop.Token).AsTask()).ToList();
            try
            {
                refused = await LoginAsync(client, mobile);
            }
            finally
            {
                await stop.CancelAsync();
                foreach (var waiter in queued) await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiter);
                held.Dispose();
            }
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal("5", refused.Headers.GetValues("Retry-After").Single());
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains(message, html);
        Assert.Contains("id=\"login-form\"", html.Replace("'", "\""));
        Assert.False(refused.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("TalentHub.Auth=", StringComparison.Ordinal)));

        // Nothing counted against the account: the same farmer logs in at once.
        Assert.Equal(HttpStatusCode.Redirect, (await LoginAsync(client, mobile)).StatusCode);
    }
}
