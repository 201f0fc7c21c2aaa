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
}
