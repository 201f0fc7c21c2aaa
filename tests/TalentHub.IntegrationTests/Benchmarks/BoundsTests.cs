using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TalentHub.Benchmarks;
using TalentHub.Benchmarks.Baseline;
using TalentHub.Benchmarks.Data;
using TalentHub.Benchmarks.Http;
using TalentHub.IntegrationTests.Support;
using TalentHub.Web.Data;
using TalentHub.Web.Domain.Regions;
using TalentHub.Web.Services;

namespace TalentHub.IntegrationTests.Benchmarks;

/// <summary>
/// The <c>bound.*</c> figures measure the product's own work with nothing around it, so they must do that work: the
/// people-search bound lists the people the registry list lists (same total, same order, scope applied, sign-in
/// required), and the import bound writes every row an import leaves per person into copies of the app's tables and
/// leaves the app's own tables as they were. No timing is asserted.
/// </summary>
public sealed class BoundsTests : IDisposable
{
    private readonly TalentHubFactory _app = new();

    private string Database => Path.Combine(_app.DataDirectory, "talenthub.db");

    private async Task<GeneratedData> GenerateAsync()
    {
        using var client = _app.NewClient(); // builds the app: migrated, with the demo seed
        return await new Generator(DataServiceCollectionExtensions.SqliteConnectionString(Database),
            _app.Services.GetRequiredService<PersonalDataProtector>(), TimeProvider.System).RunAsync(Scale.Tiny);
    }

    [Fact]
    public async Task The_people_search_bound_lists_the_registry_lists_people_in_its_order()
    {
        await GenerateAsync();
        const string county = "330523000000";
        // The name bigram most people share, among those found both in Anji and elsewhere.
        string fragment;
        using (var connection = new SqliteConnection(DataServiceCollectionExtensions.SqliteConnectionString(Database)))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT g.\"Gram\" FROM \"PersonNameGrams\" AS g JOIN \"People\" AS p ON p.\"Id\" = g.\"PersonId\" GROUP BY g.\"Gram\" " +
                $"HAVING SUM(p.\"CountyCode\" = '{county}') > 0 AND SUM(p.\"CountyCode\" <> '{county}') > 0 ORDER BY COUNT(*) DESC, g.\"Gram\" LIMIT 1";
            fragment = (string)command.ExecuteScalar()!;
        }
        string[] expectedCounty, expectedCity;
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TalentHubDbContext>();
            var matching = db.People.IgnoreQueryFilters().Where(p => EF.Property<long?>(p, "ImportBatchId") == null && p.Name.Contains(fragment));
            expectedCity = await matching.OrderBy(p => p.Id).Select(p => p.Name).ToArrayAsync();
            expectedCounty = await matching.Where(p => p.CountyCode == county).OrderBy(p => p.Id).Select(p => p.Name).ToArrayAsync();
        }
        Assert.True(expectedCounty.Length > 0 && expectedCity.Length > expectedCounty.Length, "the tiny data has matches in and outside Anji");

        var dll = typeof(Runner).Assembly.Location;
        await using var server = await ServerProcess.StartAsync(dll, Path.GetDirectoryName(dll)!, new Dictionary<string, string>(),
            "/plaintext", ["serve-baseline", "--db", Database]);
        using var session = new WebSession(server.Address);
        var path = "/baseline/people-search?q=" + Uri.EscapeDataString(fragment);
        using (var anonymous = await session.Client.GetAsync(path))
            Assert.Equal(System.Net.HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.True(await session.GetOkAsync("/baseline/sign-in"));

        foreach (var (query, expected) in new[] { (path + "&scope=" + county, expectedCounty), (path, expectedCity) })
        {
            var page = await session.Client.GetStringAsync(query);
            Assert.NotEmpty(WebSession.TokenOf(page));
            Assert.Equal(expected.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), Regex.Match(page, "<p>(\\d+)</p>").Groups[1].Value);
            var shown = Regex.Matches(page, "<a href=\"/People/\\d+\">([^<]+)</a>").Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value)).ToArray();
            Assert.Equal(Math.Min(20, expected.Length), shown.Length);
            // The registry list's order: names by pinyin (the app's collation), then id.
            Assert.Equal(expected.Order(Comparer<string>.Create(Pinyin.Compare)).Take(20), shown);
        }
    }

    [Fact]
    public async Task The_import_bound_writes_every_row_of_each_person_into_copies_only()
    {
        await GenerateAsync();
        var connectionString = DataServiceCollectionExtensions.SqliteConnectionString(Database);
        long people, grams, categories, audits;
        using (var connection = new SqliteConnection(connectionString))
        {
            connection.Open();
            people = Count(connection, "SELECT COUNT(*) FROM \"People\" WHERE \"ImportBatchId\" IS NULL");
            grams = Count(connection, "SELECT COUNT(*) FROM \"PersonNameGrams\"");
            categories = Count(connection, "SELECT COUNT(*) FROM \"PersonCategory\" WHERE \"ImportBatchId\" IS NULL");
            audits = Count(connection, "SELECT COUNT(*) FROM \"AuditEntries\"");
        }

        var (rate, measured, rows) = ImportRowsBound.Measure(connectionString, 100_000);

        Assert.True(rate > 0);
        Assert.Equal(people, measured);
        Assert.Equal(people + grams + categories + (people + categories), rows);
        using (var connection = new SqliteConnection(connectionString))
        {
            connection.Open();
            Assert.Equal(0, Count(connection, "SELECT COUNT(*) FROM sqlite_master WHERE name LIKE 'Bound%'"));
            Assert.Equal(people, Count(connection, "SELECT COUNT(*) FROM \"People\" WHERE \"ImportBatchId\" IS NULL"));
            Assert.Equal(grams, Count(connection, "SELECT COUNT(*) FROM \"PersonNameGrams\""));
            Assert.Equal(audits, Count(connection, "SELECT COUNT(*) FROM \"AuditEntries\""));
        }
    }

    private static long Count(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _app.Dispose();
    }
}
