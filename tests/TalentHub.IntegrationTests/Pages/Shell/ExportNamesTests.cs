using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Domain.Training;

namespace TalentHub.IntegrationTests.Pages.Shell;

/// <summary>
/// admin30: the list exports were named <c>{kind}-{yyyyMMdd}</c> (<c>people-20261202.csv</c>) while the /Reports
/// downloads said what they held. Every list export is named the same way now: the list, the county it covers (the
/// city when all), a course's title for a course's files, the day; in the UI language as <c>filename*</c> and in
/// English as the ASCII <c>filename</c> (where a course is "course-{id}": its title is not ASCII).
/// </summary>
public sealed class ExportNamesTests(TalentHubFactory app) : AppTest(app)
{
    private const string Anji = "330523000000";
    private const string Day = @"\d{4}-\d{2}-\d{2}";

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public async Task EveryListExport_IsNamedByWhatItHolds(string culture)
    {
        var zh = culture == "zh-CN";
        var course = await App.QueryAsync(db => db.Courses.Where(c => c.CountyCode == Anji && c.Status == CourseStatus.Completed)
            .OrderBy(c => c.Id).Select(c => new { c.Id, c.Title }).FirstAsync());
        var title = course.Title.Trim().Replace(' ', '-').Replace("_", "", StringComparison.Ordinal); // as a file name part
        // The seeded course's title starts with its county (安吉县湖羊…): its Chinese name names the county once (reports31).
        var county = course.Title.StartsWith("安吉县", StringComparison.Ordinal) ? "" : "安吉县_";
        var officer = await App.LoginAsync("city.officer");
        var admin = await App.LoginAsync("admin");
        var exports = new (HttpClient Client, string Url, string Chinese, string English, string? Ascii)[]
        {
            (officer, $"/People/Export?format=csv&County={Anji}", "人才库_安吉县", "talent-registry_Anji-County", null),
            (officer, "/Entities/Export?format=xlsx", "新型农业经营主体_湖州市", "business-entities_Huzhou-City", null),
            (officer, $"/Courses?handler=Export&format=csv&County={Anji}", "培训班_安吉县", "courses_Anji-County", null),
            (officer, "/Programs?handler=Export&format=xlsx", "培训项目_湖州市", "training-programs_Huzhou-City", null),
            (officer, "/FollowUps?handler=Export&format=csv", "跟踪服务_湖州市", "follow-ups_Huzhou-City", null),
            (officer, $"/Courses/{course.Id}/Roster?handler=Export&format=csv", $"花名册_{county}{title}", $"roster_Anji-County_{title}", $"roster_Anji-County_course-{course.Id}"),
            (officer, $"/Courses/{course.Id}/Outcomes?handler=Export&format=xlsx", $"考核与结业_{county}{title}", $"course-results_Anji-County_{title}",
                $"course-results_Anji-County_course-{course.Id}"),
            (admin, $"/Admin/Users?handler=Export&format=csv&County={Anji}", "用户_安吉县", "user-accounts_Anji-County", null),
            (admin, "/Admin/Audit?handler=Export&format=xlsx&action=Export", "审计日志_湖州市", "audit-log_Huzhou-City", null),
        };

        foreach (var (client, url, chinese, english, plain) in exports)
        {
            var response = await client.GetAsync($"{url}&culture={culture}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var extension = url.Contains("format=csv", StringComparison.Ordinal) ? "csv" : "xlsx";
            var (ascii, name) = ExportFiles.Names(response);
            Assert.Matches($"^{System.Text.RegularExpressions.Regex.Escape(plain ?? english)}_{Day}\\.{extension}$", ascii);
            Assert.Matches($"^{System.Text.RegularExpressions.Regex.Escape(zh ? chinese : english)}_{Day}\\.{extension}$", name);
        }
    }
}
