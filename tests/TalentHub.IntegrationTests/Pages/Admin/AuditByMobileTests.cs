using TalentHub.IntegrationTests.Builders;

namespace TalentHub.IntegrationTests.Pages.Admin;

/// <summary>Issue 10: the audit page finds a farmer's records by their mobile (keyed-hash lookup) and links them.</summary>
public sealed class AuditByMobileTests(TalentHubFactory app) : AppTest(app)
{
    [Fact]
    public async Task Audit_FilteredByAFarmersMobile_ShowsTheirRecordsOnly_WithLinks()
    {
        var mine = await App.CreatePersonAsync();
        var other = await App.CreatePersonAsync();
        var admin = await App.LoginAsync("admin");

        var html = await admin.GetStringAsync($"/Admin/Audit?Mobile={mine.Mobile}");

        Assert.Contains($"href=\"/People/{mine.Id}\"", html);
        Assert.DoesNotContain($"href=\"/People/{other.Id}\"", html);
    }

    [Fact]
    public async Task Audit_WithABadMobile_SaysSoAndListsNothing()
    {
        var admin = await App.LoginAsync("admin");

        var html = await admin.GetStringAsync("/Admin/Audit?Mobile=12345");

        Assert.Contains("请输入 11 位手机号码", html);
        Assert.DoesNotContain("data-audit-id=", html);
    }
}
