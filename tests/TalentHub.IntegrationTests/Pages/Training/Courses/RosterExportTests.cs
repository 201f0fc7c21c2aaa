using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Data;

namespace TalentHub.IntegrationTests.Pages.Training.Courses;

/// <summary>review14: a course's roster had no export; it now exports whole, masked, audited, with the roster's own access rules.</summary>
public sealed class RosterExportTests(TalentHubFactory app) : AppTest(app)
{
    private static string ExportUrl(int courseId, string format) => $"/Courses/{courseId}/Roster?handler=Export&format={format}";

    /// <summary>
    /// reports31: a course whose title starts with its county named the county twice (<c>花名册_安吉县_安吉县白茶…</c>); the
    /// roster and the results downloads now name it once, the ASCII fallback still by county and course id.
    /// </summary>
    [Theory]
    [InlineData("Roster", "花名册", "roster")]
    [InlineData("Outcomes", "考核与结业", "course-results")]
    public async Task ADownloadOfACourseTitledByItsCounty_NamesTheCountyOnce(string page, string kind, string ascii)
    {
        var title = "安吉县白茶班" + Guid.NewGuid().ToString("N")[..6];
        var course = await App.CreateOpenCourseAsync(title: title);
        var officer = await App.LoginAsync("anji.officer");

        var response = await officer.GetAsync($"/Courses/{course}/{page}?handler=Export&format=csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var (asciiName, name) = ExportFiles.Names(response);
        Assert.Matches($@"^{kind}_{title}_\d{{4}}-\d{{2}}-\d{{2}}\.csv$", name);
        Assert.Matches($@"^{ascii}_Anji-County_course-{course}_\d{{4}}-\d{{2}}-\d{{2}}\.csv$", asciiName);
    }

    [Fact]
    public async Task Csv_ListsParticipantsThenWaitlist_Masked_InTheWordsOfThePage_AndIsAudited()
    {
        var course = await App.CreateOpenCourseAsync(capacity: 1);
        var first = await App.CreatePersonAsync();
        var second = await App.CreatePersonAsync();
        await App.EnrollAsync(course, first.Id);
        await App.EnrollAsync(course, second.Id);
        var clerk = await App.LoginAsync("anji.clerk");

        var response = await clerk.GetAsync(ExportUrl(course, "csv"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches($@"^roster_Anji-County_course-{course}_\d{{4}}-\d{{2}}-\d{{2}}\.csv$", ExportFiles.Names(response).Ascii);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var rows = ExportFiles.Csv(bytes);
        Assert.Equal(["#", "名单", "姓名", "身份证号", "手机号", "状态"], rows[0][..6]);
        Assert.Equal([first.Name, second.Name], rows.Skip(1).Select(r => r[2]));
        Assert.Equal(["正式学员", "候补名单"], rows.Skip(1).Select(r => r[1]));
        Assert.Equal("已确认", rows[1][5]);
        Assert.All(rows.Skip(1), r => Assert.Matches(@"^\d{6}\*{8}[\dX]{4}$", r[3]));
        var text = System.Text.Encoding.UTF8.GetString(bytes);
        Assert.DoesNotContain(first.IdNumber, text);
        Assert.DoesNotContain(first.Mobile, text);
        Assert.True(await App.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditAction.Export && a.EntityType == "Enrollment"
            && a.UserName == "anji.clerk" && a.Changes == $"format=csv; rows=2; course={course}")));
        Assert.Contains($"href=\"/Courses/{course}/Roster?handler=Export&amp;format=xlsx\"", await clerk.GetStringAsync($"/Courses/{course}/Roster"));
    }

    [Fact]
    public async Task Xlsx_HasTheRosterWithHeadersInTheViewersLanguage()
    {
        var course = await App.CreateOpenCourseAsync(trainer: "trainer.wang");
        var person = await App.CreatePersonAsync();
        await App.EnrollAsync(course, person.Id);
        var trainer = await App.LoginAsync("trainer.wang");

        var rows = ExportFiles.Xlsx(await trainer.GetByteArrayAsync(ExportUrl(course, "xlsx") + "&culture=en"));

        Assert.Equal(["#", "List", "Name", "ID number"], rows[0][..4]);
        var row = Assert.Single(rows.Skip(1));
        Assert.Equal(person.Name, row[2]);
        Assert.Equal("Confirmed", row[5]);
    }

    [Fact]
    public async Task AnotherCountysRoster_IsA404_AsIsAnotherTrainersCourse_AndFarmersAreRefused()
    {
        var course = await App.CreateOpenCourseAsync();
        await App.EnrollAsync(course, (await App.CreatePersonAsync()).Id);
        var wuxing = await App.LoginAsync("wuxing.officer");
        var trainer = await App.LoginAsync("trainer.wang");
        var farmer = await App.LoginAsync("13800000004");

        Assert.Equal(HttpStatusCode.NotFound, (await wuxing.GetAsync(ExportUrl(course, "csv"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await trainer.GetAsync(ExportUrl(course, "xlsx"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await farmer.GetAsync(ExportUrl(course, "csv"))).StatusCode);
        Assert.False(await App.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditAction.Export && a.Changes!.Contains($"course={course}"))));
    }
    [Fact]
    public async Task Csv_WritesAPromotionAsTheStatusWord_AndItsInstantInItsOwnColumn()
    {
        // fix37 (sibling of the users export): the status cell read "已确认 2026年12月3日 09:20 由候补转正", a date as text.
        var course = await App.CreateOpenCourseAsync(capacity: 5);
        var person = await App.CreatePersonAsync();
        await App.EnrollAsync(course, person.Id);
        var promotedAt = DateTimeOffset.UtcNow.AddMinutes(-30);
        await App.QueryAsync(db => db.Enrollments.Where(e => e.CourseId == course && e.PersonId == person.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.PromotedAt, promotedAt)));
        var clerk = await App.LoginAsync("anji.clerk");

        var rows = ExportFiles.Csv(await clerk.GetByteArrayAsync(ExportUrl(course, "csv")));

        Assert.Equal(["状态", "转正时间", "报名时间"], rows[0][5..8]);
        Assert.Equal("已确认", rows[1][5]);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$", rows[1][6]);
        Assert.Equal(promotedAt.ToUnixTimeSeconds(), DateTimeOffset.Parse(rows[1][6], System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeSeconds());
    }
}
