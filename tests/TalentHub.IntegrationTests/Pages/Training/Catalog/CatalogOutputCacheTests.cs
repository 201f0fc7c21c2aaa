using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using TalentHub.Web.Data;

namespace TalentHub.IntegrationTests.Pages.Training.Catalog;

/// <summary>
/// The anonymous catalog's HTML is output-cached (issue 12): the same page for every anonymous visitor until the training
/// data version moves, never for a signed-in user, and with no per-visitor token in it.
/// </summary>
public sealed partial class CatalogOutputCacheTests(TalentHubFactory app) : AppTest(app)
{
    /// <summary>The page depends on the language and sign-in cookies: no shared proxy may store it (issue 12 leftover).</summary>
    [Fact]
    public async Task AnonymousCatalog_FreshOrFromTheCache_IsPrivate_AndVariesByCookie()
    {
        var anonymous = App.NewClient();
        var url = "/Catalog?q=" + Guid.NewGuid().ToString("N")[..8];
        await using var quiet = await QuietScheduler.HoldAsync(App); // a job's commit between the two requests would move the version

        using var fresh = await anonymous.GetAsync(url);
        using var cached = await anonymous.GetAsync(url);

        Assert.True(cached.Headers.Age.HasValue, "the second answer came from the output cache");
        foreach (var response in new[] { fresh, cached })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(response.Headers.CacheControl?.Private, "Cache-Control: private");
            Assert.False(response.Headers.CacheControl?.Public ?? false);
            Assert.Contains(response.Headers.Vary, v => v.Equals("Cookie", StringComparison.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public async Task AnonymousCatalog_IsServedFromTheCache_UntilANewCourseMovesTheDataVersion()
    {
        var courseId = await App.OpenCourseAsync(10, "输出缓存");
        var anonymous = App.NewClient();
        await using var quiet = await QuietScheduler.HoldAsync(App); // only this test's writes may move the version
        var (url, before) = await FindAsync(anonymous, "/Catalog?", courseId);
        var versions = App.Services.GetRequiredService<DataVersions>();

        // A title changed behind EF's back does not move the version: anonymous visitors keep the cached page.
        var version = versions.Catalog;
        await anonymous.GetStringAsync(url);  // stored at this version
        await RenameOutsideEfAsync(courseId, "绕过缓存的新名称");
        var cached = await anonymous.GetAsync(url);
        var cachedCard = Card(await cached.Content.ReadAsStringAsync(), courseId);
        Assert.Equal(version, versions.Catalog);  // nothing else wrote meanwhile, so the cache must have answered
        Assert.Equal(before, cachedCard);
        Assert.True(cached.Headers.Age.HasValue, "an output-cached response carries an Age header");
        Assert.True(cached.Headers.Contains("Content-Security-Policy"), "a cached page keeps the security headers");
        Assert.False(cached.Headers.Contains("Set-Cookie"));

        // A signed-in farmer is never served from the cache: the new title at once.
        var farmer = await App.LoginAsync((await App.FarmersAsync(1))[0], "bamboo hills and white tea");
        var (_, farmerCard) = await FindAsync(farmer, "/Catalog?All=true&", courseId);
        Assert.Contains("绕过缓存的新名称", farmerCard);

        // A new course saved through EF moves the version: the next anonymous request renders afresh and shows both.
        var newCourse = await App.OpenCourseAsync(10, "缓存后新开");
        Assert.NotEqual(version, versions.Catalog);
        var fresh = await anonymous.GetAsync(url);
        Assert.False(fresh.Headers.Age.HasValue);
        Assert.Contains("绕过缓存的新名称", Card(await fresh.Content.ReadAsStringAsync(), courseId));
        var (_, newCard) = await FindAsync(anonymous, "/Catalog?", newCourse);
        Assert.Contains("缓存后新开", newCard);
    }

    [Fact]
    public async Task AnonymousCatalog_CarriesNoAntiforgeryToken_AndIsCachedPerLanguage()
    {
        var chinese = App.NewClient();
        var english = App.NewClient();
        Assert.Equal(HttpStatusCode.Redirect, (await english.GetAsync("/Culture?culture=en&returnUrl=%2F")).StatusCode);

        foreach (var _ in new[] { 1, 2 })
        {
            var zh = await chinese.GetStringAsync("/Catalog?Topic=Ecommerce");
            var en = await english.GetStringAsync("/Catalog?Topic=Ecommerce");
            Assert.Contains("<html lang=\"zh-CN\">", zh);
            Assert.Contains("<html lang=\"en\">", en);
            Assert.DoesNotContain("__RequestVerificationToken", zh);
            Assert.DoesNotContain("__RequestVerificationToken", en);
        }
    }

    private async Task RenameOutsideEfAsync(int courseId, string title)
    {
        await using var connection = new SqliteConnection(DataServiceCollectionExtensions.SqliteConnectionString(Path.Combine(App.DataDirectory, "talenthub.db")));
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE Courses SET Title = $title WHERE Id = $id";
        command.Parameters.AddWithValue("$title", title);
        command.Parameters.AddWithValue("$id", courseId);
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }

    private static async Task<(string Url, string Card)> FindAsync(HttpClient client, string prefix, int courseId)
    {
        for (var page = 1; page <= 200; page++)
        {
            var url = $"{prefix}page={page}";
            var html = await client.GetStringAsync(url);
            if (html.Contains($"data-course=\"{courseId}\"")) return (url, Card(html, courseId));
        }
        throw new InvalidOperationException($"Course {courseId} is on no catalog page.");
    }

    private static string Card(string html, int courseId)
    {
        var match = CardPattern().Matches(html).FirstOrDefault(m => m.Groups["id"].Value == courseId.ToString());
        Assert.NotNull(match);
        return match.Value;
    }

    [GeneratedRegex("data-course=\"(?<id>\\d+)\".*?</a>", RegexOptions.Singleline)]
    private static partial Regex CardPattern();
}
