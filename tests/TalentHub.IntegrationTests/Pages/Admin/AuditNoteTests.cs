using TalentHub.Web.Data;
using TalentHub.Web.Services.Audit;

namespace TalentHub.IntegrationTests.Pages.Admin;

/// <summary>
/// Import, export and reveal notes are shown in the viewer's language on /Admin/Audit (review11: they were stored and shown
/// as English text such as <c>file=x.xlsx; rows=120; warnings accepted=1</c>); notes stored before still show.
/// </summary>
public sealed class AuditNoteTests(TalentHubFactory app) : AppTest(app)
{
    private const string Anji = "330523000000";

    [Fact]
    public async Task AnImportNote_IsShownWithLabels_InChineseAndEnglish_WithItsFileNameWhole()
    {
        var user = NewUser();
        await AddAsync(user, AuditAction.Import, new AuditNote().With(AuditNoteKeys.File, "名单;第2批=终稿.xlsx").With(AuditNoteKeys.Rows, 120)
            .With(AuditNoteKeys.Skipped, 3).With(AuditNoteKeys.WarningsAccepted, 1).With(AuditNoteKeys.County, Anji).ToString());
        var admin = await App.LoginAsync("admin");

        var chinese = await admin.GetStringAsync($"/Admin/Audit?user={user}");
        var english = await admin.GetStringAsync($"/Admin/Audit?user={user}&culture=en");

        Assert.Matches(@"文件</span>:\s*<span[^>]*>名单;第2批=终稿.xlsx</span>", chinese);
        Assert.Matches(@"行数</span>:\s*<span[^>]*>120</span>", chinese);
        Assert.Matches(@"已确认的提醒</span>:\s*<span[^>]*>1</span>", chinese);
        Assert.Matches(@"县（市、区）</span>:\s*<span[^>]*>安吉县</span>", chinese);
        Assert.DoesNotContain("rows=", chinese);
        Assert.Matches(@"File</span>:\s*<span[^>]*>名单;第2批=终稿.xlsx</span>", english);
        Assert.Matches(@"Rows</span>:\s*<span[^>]*>120</span>", english);
        Assert.Matches(@"Warnings accepted</span>:\s*<span[^>]*>1</span>", english);
        Assert.Matches(@"County</span>:\s*<span[^>]*>Anji County</span>", english);
    }

    [Fact]
    public async Task OldNotes_AreShownAsStored_OrByTheirOldKeys()
    {
        var user = NewUser();
        await AddAsync(user, AuditAction.Update, "regenerated 2026-03");
        await AddAsync(user, AuditAction.Import, "file=x.xlsx; rows=120; skipped=3; bad=2; warnings accepted=1");
        var admin = await App.LoginAsync("admin");

        var english = await admin.GetStringAsync($"/Admin/Audit?user={user}&culture=en");

        Assert.Contains("data-summary>regenerated 2026-03<", english);
        Assert.Matches(@"Rows with errors</span>:\s*<span[^>]*>2</span>", english);
        Assert.Matches(@"Warnings accepted</span>:\s*<span[^>]*>1</span>", english);
    }

    [Fact]
    public async Task ARealExport_IsNoted_WithItsFilterByLabel()
    {
        var clerk = await App.LoginAsync("anji.clerk");
        var export = await clerk.GetAsync("/People/Export?format=csv&Category=HighQualityFarmer&Education=Bachelor");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var admin = await App.LoginAsync("admin");

        var chinese = await admin.GetStringAsync("/Admin/Audit?user=anji.clerk&action=Export&Type=Person");
        var english = await admin.GetStringAsync("/Admin/Audit?user=anji.clerk&action=Export&Type=Person&culture=en");

        Assert.Matches(@"人才类别</span>:\s*<span[^>]*>高素质农民</span>", chinese);
        Assert.Matches(@"学历</span>:\s*<span[^>]*>本科</span>", chinese);
        Assert.Matches(@"格式</span>:\s*<span[^>]*>csv</span>", chinese);
        Assert.Matches(@"Talent category</span>:\s*<span[^>]*>High-quality farmer</span>", english);
        Assert.DoesNotContain("HighQualityFarmer<", english);
    }

    private static string NewUser() => "audit.note." + Guid.NewGuid().ToString("N")[..10];

    private Task AddAsync(string user, AuditAction action, string note) =>
        App.QueryAsync(db =>
        {
            db.AuditEntries.Add(new AuditEntry { At = DateTimeOffset.UtcNow, UserName = user, Action = action, EntityType = "Person", Changes = note });
            return db.SaveChangesAsync();
        });
}
