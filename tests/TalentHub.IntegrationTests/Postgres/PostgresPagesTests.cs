using TalentHub.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace TalentHub.IntegrationTests.Postgres;

/// <summary>
/// Every list, filter, sort, detail page and export runs its queries on PostgreSQL too: nothing in the app
/// may only work on SQLite (a translation, a date comparison, a sort).
/// </summary>
public sealed class PostgresPagesTests(PostgresFactory app) : PostgresTest(app)
{
    private static async Task<List<string>> FailuresAsync(HttpClient client, IEnumerable<string> urls)
    {
        var failures = new List<string>();
        foreach (var url in urls)
        {
            var response = await client.GetAsync(url);
            if (response.StatusCode != HttpStatusCode.OK) failures.Add($"{url} → {(int)response.StatusCode}");
        }
        return failures;
    }

    [PostgresFact]
    public async Task Admin_OnPostgres_OpensEveryListFilterSortDetailAndExport()
    {
        var client = await App.LoginAsync("admin");
        var person = await App.PersonIdInCountyAsync("330523");
        var entity = await App.QueryAsync(db => db.BusinessEntities.IgnoreQueryFilters([RegionFilter.Name]).OrderBy(e => e.Id).Select(e => e.Id).FirstAsync());
        var course = await App.QueryAsync(db => db.Courses.IgnoreQueryFilters([RegionFilter.Name]).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync());
        // The app's calendar is Asia/Shanghai: a UTC date is yesterday's there from 16:00 to midnight UTC.
        var today = ShanghaiDays.Today().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var month = today[..7];

        var failures = await FailuresAsync(client,
        [
            "/", "/People", "/People?Q=王", "/People?Q=0001", "/People?County=330523000000&Township=330523108000",
            "/People?Category=LocalTalent&Education=Bachelor", "/People?Sort=birth&Desc=true", "/People?Sort=created",
            "/People?Sort=region", "/People?Desc=true&page=2", "/People?page=99999", "/People?page=-1", "/People?page=2147483647", "/People?page=abc",
            "/People?Q=王&page=99", "/People?Q=晓燕&page=3", "/People?Q=%25%27%3Cscript%3E%E2%80%8B", "/People?Q=%EF%BC%90%EF%BC%90%EF%BC%90%EF%BC%91&page=2", $"/People/{person}", $"/People/{person}/Edit",
            "/Entities", "/Entities?Q=合作社", "/Entities?Type=FamilyFarm&Status=Approved", "/Entities?Sort=registered&Desc=true",
            $"/Entities/{entity}", $"/Entities/{entity}/Edit",
            "/Courses", $"/Courses?From=2026-01-01&To={today}", "/Courses?Sort=start&Desc=true", "/Courses?Status=EnrollmentOpen",
            "/Courses/Calendar", $"/Courses/Calendar?month={month}", $"/Courses/{course}", $"/Courses/{course}/Roster",
            "/Catalog", $"/Catalog?From={today}&To={today}",
            "/Programs", "/Admin/Jobs", "/Admin/Audit", $"/Admin/Audit?From=2026-01-01&To={today}", "/Admin/Audit?action=Create&Type=Person",
            "/People/Export?format=xlsx", "/People/Export?format=csv", "/Entities/Export?format=xlsx",
        ]);

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [PostgresFact]
    public async Task Farmer_OnPostgres_OpensTheCatalogAndTheirEnrollmentsAndMessages()
    {
        var client = await App.LoginAsync("13800000001");

        var failures = await FailuresAsync(client, ["/Catalog", "/My/Enrollments", "/My/Messages"]);

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
