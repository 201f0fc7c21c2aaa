using Npgsql;
using TalentHub.IntegrationTests.Api;
using TalentHub.Web.Infrastructure;

namespace TalentHub.IntegrationTests.Postgres;

/// <summary>
/// The database unreachable for a while, as during a PostgreSQL restart (review34d: a restart under load answered
/// 500s, some of them bare because the error page's layout and the session check read the database too): every
/// request in the meantime gets 503 with Retry-After and a page saying to try again (the API its problem JSON), and
/// the app serves again once the database is back, without a restart. The outage is made on this test's database
/// only: it refuses new connections and its sessions are ended, as a restart ends them (57P01).
/// </summary>
public sealed class PostgresOutageTests(PostgresFactory app) : PostgresTest(app)
{
    [PostgresFact]
    public async Task WhileTheDatabaseIsUnreachable_PagesAndApiAnswer503WithRetryAfter_AndServeAgainOnceItIsBack()
    {
        var farmer = await App.LoginAsync("13800000001");
        var anonymous = App.NewClient();
        var api = App.ApiClientFor(await App.IssueAsync("anji.officer", ApiClient.Anji, false, "courses"));
        Assert.Equal(HttpStatusCode.OK, (await farmer.GetAsync("/My/Enrollments")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/courses")).StatusCode);

        await SetReachableAsync(false);
        try
        {
            foreach (var (client, url) in new[] { (farmer, "/My/Enrollments"), (farmer, "/My/Messages"), (anonymous, "/Catalog?Topic=Ecommerce&From=2031-02-03") })
            {
                using var page = await client.GetAsync(url);
                var html = await page.Content.ReadAsStringAsync();
                Assert.True(page.StatusCode == HttpStatusCode.ServiceUnavailable, $"{url}: {(int)page.StatusCode}");
                Assert.Equal(TimeSpan.FromSeconds(DatabaseOutageAnswer.RetryAfterSeconds), page.Headers.RetryAfter?.Delta);
                Assert.Contains("id=\"outage\"", html);
                Assert.Contains("数据库暂时无法连接", html);
                Assert.Contains($"href=\"{url.Replace("&", "&amp;")}\"", html);  // "try again" leads back to the same page
            }
            using var english = await farmer.GetAsync("/My/Enrollments?culture=en");
            Assert.Contains("The database cannot be reached", await english.Content.ReadAsStringAsync());
            using var apiAnswer = await api.GetAsync("/api/v1/courses");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, apiAnswer.StatusCode);
            Assert.Equal("application/problem+json", apiAnswer.Content.Headers.ContentType?.MediaType);
            Assert.NotNull(apiAnswer.Headers.RetryAfter);
        }
        finally
        {
            await SetReachableAsync(true);
        }

        // Back: each broken pooled connection is dropped by the request that met it, so within a few requests the
        // same session is served again (the session cookie is still valid; nothing was restarted).
        var status = HttpStatusCode.ServiceUnavailable;
        for (var attempt = 0; attempt < 60 && status != HttpStatusCode.OK; attempt++)
        {
            status = (await farmer.GetAsync("/My/Enrollments")).StatusCode;
            Assert.True(status is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable, $"after the outage: {(int)status}");
        }
        Assert.Equal(HttpStatusCode.OK, status);
    }

    /// <summary>Closes (or reopens) this test's database to new sessions and ends its open ones, as a restart does.</summary>
    private async Task SetReachableAsync(bool reachable)
    {
        var builder = new NpgsqlConnectionStringBuilder(PostgresFactory.BaseConnectionString) { Pooling = false };
        await using var admin = new NpgsqlConnection(builder.ConnectionString);
        await admin.OpenAsync();
        await using (var alter = new NpgsqlCommand($"ALTER DATABASE \"{App.DatabaseName}\" ALLOW_CONNECTIONS {(reachable ? "true" : "false")}", admin))
            await alter.ExecuteNonQueryAsync();
        if (reachable) return;
        await using var end = new NpgsqlCommand(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = @db AND pid <> pg_backend_pid()", admin);
        end.Parameters.AddWithValue("db", App.DatabaseName);
        await end.ExecuteScalarAsync();
    }
}
