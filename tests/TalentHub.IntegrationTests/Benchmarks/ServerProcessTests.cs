using System.Net.NetworkInformation;
using TalentHub.Benchmarks;
using TalentHub.Benchmarks.Http;

namespace TalentHub.IntegrationTests.Benchmarks;

/// <summary>
/// The benchmark harness's child servers bind a port of their own choosing and report it: a port the harness found free
/// and let go could be taken by any other process before the child bound it, or be answered by another server.
/// </summary>
public sealed class ServerProcessTests
{
    [Theory]
    [InlineData("      Now listening on: http://127.0.0.1:43125", "http://127.0.0.1:43125/")]
    [InlineData("{\"EventId\":14,\"Message\":\"Now listening on: http://127.0.0.1:8080\",\"State\":{}}", "http://127.0.0.1:8080/")]
    public void The_listening_line_gives_the_bound_address(string line, string expected) =>
        Assert.Equal(new Uri(expected), ServerProcess.ListeningAddress(line));

    [Theory]
    [InlineData("info: Microsoft.Hosting.Lifetime[14]")]
    [InlineData("      Application started. Press Ctrl+C to shut down.")]
    public void Other_lines_give_no_address(string line) => Assert.Null(ServerProcess.ListeningAddress(line));

    [Fact]
    public async Task The_baseline_server_binds_its_own_port_and_answers_on_it()
    {
        var dll = typeof(Runner).Assembly.Location;
        var database = Path.Combine(Path.GetTempPath(), "talenthub-baseline-" + Guid.NewGuid().ToString("N") + ".db");
        try
        {
            await using var server = await ServerProcess.StartAsync(dll, Path.GetDirectoryName(dll)!, new Dictionary<string, string>(),
                "/plaintext", ["serve-baseline", "--db", database]);
            Assert.Equal("127.0.0.1", server.Address.Host);
            Assert.NotEqual(0, server.Address.Port);
            Assert.Contains(IPGlobalProperties.GetIPGlobalProperties().GetActiveTcpListeners(), e => e.Port == server.Address.Port);
            using var client = new HttpClient { BaseAddress = server.Address };
            Assert.Equal("Hello, World!", await client.GetStringAsync("/plaintext"));
        }
        finally
        {
            File.Delete(database);
        }
    }

    /// <summary><c>baseline.signed-in</c> measures a real session: anonymous is sent to sign in; signed in, the page carries the sign-out form's token.</summary>
    [Fact]
    public async Task The_signed_in_baseline_needs_its_cookie_and_carries_an_antiforgery_token()
    {
        var dll = typeof(Runner).Assembly.Location;
        var database = Path.Combine(Path.GetTempPath(), "talenthub-baseline-" + Guid.NewGuid().ToString("N") + ".db");
        try
        {
            TalentHub.Benchmarks.Baseline.BaselineServer.EnsureFortunes(TalentHub.Web.Data.DataServiceCollectionExtensions.SqliteConnectionString(database));
            await using var server = await ServerProcess.StartAsync(dll, Path.GetDirectoryName(dll)!, new Dictionary<string, string>(),
                "/plaintext", ["serve-baseline", "--db", database]);
            using var session = new WebSession(server.Address);
            using (var anonymous = await session.Client.GetAsync("/baseline/signed-in"))
                Assert.Equal(System.Net.HttpStatusCode.Redirect, anonymous.StatusCode);
            Assert.True(await session.GetOkAsync("/baseline/sign-in"));
            var page = await session.Client.GetStringAsync("/baseline/signed-in");
            Assert.NotEmpty(WebSession.TokenOf(page));
            Assert.Contains("Additional fortune added at request time.", page);
            Assert.Equal(13, page.Split("<tr><td>").Length - 1);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(database);
        }
    }
}
