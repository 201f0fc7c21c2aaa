namespace TalentHub.IntegrationTests.Pages.Shell;

/// <summary>Downloads of personal data are never kept by the browser cache or a proxy (NoStoreFilesFilter).</summary>
public sealed class ExportCacheTests(TalentHubFactory app) : AppTest(app)
{
    [Fact]
    public async Task EveryExport_IsSentNoStore()
    {
        var course = await App.FinishedCourseAsync(1);
        await App.TraineesAsync(course.Id, 1);
        var open = await App.CreateOpenCourseAsync();
        var officer = await App.LoginAsync("anji.officer");
        var admin = await App.LoginAsync("admin");
        var downloads = new List<(HttpClient Client, string Url)>();
        foreach (var format in new[] { "xlsx", "csv" })
        {
            downloads.AddRange(new[]
            {
                "/People/Export?format=", "/Entities/Export?format=", "/FollowUps?handler=Export&format=", "/Courses?handler=Export&format=",
                $"/Courses/{course.Id}/Outcomes?handler=Export&format=", $"/Courses/{course.Id}/Roster?handler=Export&format=",
                $"/Courses/{open}/Roster/Import?handler=Template&format=", "/Programs?handler=Export&format=",
                "/Reports?handler=Export&format=", "/Reports/Examples?handler=Export&format=",
            }.Select(u => (officer, u + format)));
            downloads.AddRange(new[] { "/Admin/Audit?handler=Export&format=", "/Admin/Users?handler=Export&format=" }.Select(u => (admin, u + format)));
        }

        foreach (var (client, url) in downloads)
        {
            var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {response.StatusCode}");
            Assert.NotNull(response.Content.Headers.ContentDisposition);
            Assert.True(response.Headers.CacheControl?.NoStore == true, $"{url} may be cached: {response.Headers.CacheControl}");
        }
    }
}
