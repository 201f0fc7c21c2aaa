using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Data;
using static TalentHub.IntegrationTests.Pages.Training.Courses.CourseForms;

namespace TalentHub.IntegrationTests.Pages.Training.Courses;

/// <summary>review14: the course list had no export; it now exports with its filters and scope like the other lists.</summary>
public sealed class CourseExportTests(TalentHubFactory app) : AppTest(app)
{
    private const string Anji = "330523000000";
    private const string Wuxing = "330502000000";

    [Fact]
    public async Task Csv_HasTheFilteredCoursesOfTheViewersCountyOnly_InTheWordsOfThePage_AndIsAudited()
    {
        var tag = UniqueTitle("导出");
        var clerk = await App.LoginAsync("anji.clerk");
        await clerk.CreateSimpleAsync(tag + "安吉班");
        await (await App.LoginAsync("wuxing.officer")).CreateSimpleAsync(tag + "吴兴班", region: Zhili);

        var response = await clerk.GetAsync($"/Courses?handler=Export&format=csv&Q={Uri.EscapeDataString(tag)}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches(@"^培训班_安吉县_\d{4}-\d{2}-\d{2}\.csv$", ExportFiles.Names(response).Name);
        var rows = ExportFiles.Csv(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(["班名", "培训项目", "状态"], rows[0][..3]);
        var row = Assert.Single(rows.Skip(1));
        Assert.Equal(tag + "安吉班", row[0]);
        Assert.Equal("草稿", row[2]);
        Assert.Equal("安吉县", row[4]);
        Assert.True(await App.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditAction.Export && a.EntityType == "Course"
            && a.UserName == "anji.clerk" && a.Changes!.Contains("rows=1") && a.Changes.Contains("q=" + tag))));
        var list = await clerk.GetStringAsync($"/Courses?Q={Uri.EscapeDataString(tag)}");
        var link = System.Text.RegularExpressions.Regex.Match(list, @"href=""([^""]*)"" id=""export-csv""").Groups[1].Value;
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri("http://x" + WebUtility.HtmlDecode(link)).Query);
        Assert.Equal([tag, "Export", "csv"], new[] { query["Q"].ToString(), query["handler"].ToString(), query["format"].ToString() });
    }

    [Fact]
    public async Task Xlsx_AppliesTheCountyFilter_WithHeadersInTheViewersLanguage()
    {
        var tag = UniqueTitle("Export");
        await (await App.LoginAsync("anji.clerk")).CreateSimpleAsync(tag + "-anji");
        await (await App.LoginAsync("wuxing.officer")).CreateSimpleAsync(tag + "-wuxing", region: Zhili);
        var city = await App.LoginAsync("city.officer");

        var all = ExportFiles.Xlsx(await city.GetByteArrayAsync($"/Courses?handler=Export&format=xlsx&Q={tag}&culture=en"));
        var wuxing = ExportFiles.Xlsx(await city.GetByteArrayAsync($"/Courses?handler=Export&format=xlsx&Q={tag}&County={Wuxing}&culture=en"));

        Assert.Equal(["Title", "Program", "Status"], all[0][..3]);
        Assert.Equal([tag + "-anji", tag + "-wuxing"], all.Skip(1).Select(r => r[0]).Order());
        Assert.Equal(tag + "-wuxing", Assert.Single(wuxing.Skip(1))[0]);
        Assert.Equal("Draft", wuxing[1][2]);
    }

    [Fact]
    public async Task AnotherCountysFilter_SendsNoFile_AndFarmersAreRefused()
    {
        var officer = await App.LoginAsync("anji.officer");
        var farmer = await App.LoginAsync("13800000003");
        // Other tests in this app export courses as the same officer; only this request's audit entry counts.
        Task<int> ExportsAudited() => App.QueryAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.Export && a.EntityType == "Course" && a.UserName == "anji.officer"));
        var before = await ExportsAudited();

        var refused = await officer.GetAsync($"/Courses?handler=Export&format=csv&County={Wuxing}");
        var denied = await farmer.GetAsync("/Courses?handler=Export&format=csv");

        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Equal($"/Courses?County={Wuxing}", refused.Headers.Location!.OriginalString);
        Assert.StartsWith("/Identity/Account/AccessDenied", denied.Headers.Location!.PathAndQuery);
        Assert.Equal(before, await ExportsAudited());
    }

    [Fact]
    public async Task Trainer_ExportsOnlyTheirOwnCourses()
    {
        var tag = UniqueTitle("讲师导出");
        var clerk = await App.LoginAsync("anji.clerk");
        await clerk.CreateSimpleAsync(tag + "王老师", trainer: "trainer.wang");
        await clerk.CreateSimpleAsync(tag + "别人");
        var trainer = await App.LoginAsync("trainer.wang");

        var rows = ExportFiles.Csv(await trainer.GetByteArrayAsync($"/Courses?handler=Export&format=csv&Q={Uri.EscapeDataString(tag)}"));

        Assert.Equal(tag + "王老师", Assert.Single(rows.Skip(1))[0]);
    }
}
