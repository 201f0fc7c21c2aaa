using TalentHub.IntegrationTests.Pages.Training.Courses;

namespace TalentHub.IntegrationTests.Pages.Admin;

/// <summary>The audit page labels every audited type, field and enum value in both languages (issue 7 point 6).</summary>
public sealed class AuditLabelTests(TalentHubFactory app) : AppTest(app)
{
    [Fact]
    public async Task ACourseStatusChange_IsLabelledInChinese()
    {
        var id = await App.CreateOpenCourseByFormAsync("审计标签-" + Guid.NewGuid().ToString("N")[..6]);
        var admin = await App.LoginAsync("admin");

        var html = await admin.GetStringAsync($"/Admin/Audit?Type=Course&Id={id}&action=StatusChange");

        Assert.Contains("培训班", html);
        Assert.Contains($"href=\"/Courses/{id}\"", html);
        Assert.Matches(@"状态</span>:\s*<span[^>]*>草稿</span>\s*<span[^>]*>→</span>\s*<span[^>]*>已发布</span>", html);
        Assert.Matches(@"<span[^>]*>已发布</span>\s*<span[^>]*>→</span>\s*<span[^>]*>报名中</span>", html);
        Assert.DoesNotContain(">Published<", html);
        Assert.DoesNotContain(">EnrollmentOpen<", html);
    }

    [Fact]
    public async Task ACourseStatusChange_IsLabelledInEnglish()
    {
        var id = await App.CreateOpenCourseByFormAsync("audit-label-" + Guid.NewGuid().ToString("N")[..6]);
        var admin = await App.LoginAsync("admin");

        var html = await admin.GetStringAsync($"/Admin/Audit?Type=Course&Id={id}&action=StatusChange&culture=en");

        Assert.Contains($"href=\"/Courses/{id}\"", html);
        Assert.Matches(@"Status</span>:\s*<span[^>]*>Draft</span>\s*<span[^>]*>→</span>\s*<span[^>]*>Published</span>", html);
        Assert.Matches(@"<span[^>]*>Published</span>\s*<span[^>]*>→</span>\s*<span[^>]*>Enrollment open</span>", html);
        Assert.DoesNotContain(">EnrollmentOpen<", html);
        Assert.DoesNotContain(">已发布<", html);
    }

    /// <summary>
    /// review34a: a target changed from 33 to 0 read "33.0 → 0" (SQLite hands a decimal back with one decimal place); a
    /// number is shown as its value on both sides.
    /// </summary>
    [Fact]
    public async Task AChangedTarget_ShowsBothValuesAsNumbersWithoutTheStoredScale()
    {
        var city = await App.LoginAsync("city.officer");
        const string url = "/Reports/Targets?Year=2083";
        Dictionary<string, string> Cell(string value, string shown) => new()
        {
            ["Year"] = "2083", ["Cells[0].County"] = "330523000000", ["Cells[0].Indicator"] = "PeopleTrained",
            ["Cells[0].Value"] = value, ["Cells[0].Shown"] = shown,
        };
        Assert.Equal(System.Net.HttpStatusCode.Redirect, (await city.PostFormAsync(url, Cell("33", ""), url)).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, (await city.PostFormAsync(url, Cell("40", "33"), url)).StatusCode);
        var id = await App.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            System.Linq.Queryable.Select(System.Linq.Queryable.Where(db.Targets, t => t.Year == 2083), t => t.Id)));
        var admin = await App.LoginAsync("admin");

        var html = await admin.GetStringAsync($"/Admin/Audit?Type=AnnualTarget&Id={id}");

        Assert.Matches(@"<span[^>]*>33</span>\s*<span[^>]*>→</span>\s*<span[^>]*>40</span>", html);
        Assert.DoesNotContain(">33.0<", html);
    }
}
