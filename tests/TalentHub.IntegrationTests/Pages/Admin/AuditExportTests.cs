using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Data;

namespace TalentHub.IntegrationTests.Pages.Admin;

/// <summary>review14: the audit log had no export; it now exports with its filters, worded as the page, and the export is audited.</summary>
public sealed class AuditExportTests(TalentHubFactory app) : AppTest(app)
{
    private static readonly DateTimeOffset Noon = new(2022, 5, 10, 12, 0, 0, TimeSpan.FromHours(8));

    private async Task<string> EntriesAsync()
    {
        var user = "audit.export." + Guid.NewGuid().ToString("N")[..10];
        await App.QueryAsync(async db =>
        {
            db.AuditEntries.Add(new AuditEntry { At = Noon, UserName = user, Action = AuditAction.Update, EntityType = "Person", EntityId = "7",
                Changes = """{ "Industry": ["茶园管理", "白茶种植"] }""" });
            db.AuditEntries.Add(new AuditEntry { At = Noon.AddHours(1), UserName = user, Action = AuditAction.Export, EntityType = "Person",
                Changes = "format=csv; rows=3" });
            db.AuditEntries.Add(new AuditEntry { At = Noon.AddDays(-3), UserName = user, Action = AuditAction.Delete, EntityType = "Person", Changes = "{}" });
            return await db.SaveChangesAsync();
        });
        return user;
    }

    [Fact]
    public async Task Csv_HasTheFilteredEntries_NewestFirst_InTheWordsOfThePage_AndIsAudited()
    {
        var user = await EntriesAsync();
        var admin = await App.LoginAsync("admin");

        var response = await admin.GetAsync($"/Admin/Audit?handler=Export&format=csv&user={user}&From=2022-05-10&To=2022-05-10");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches(@"^审计日志_湖州市_\d{4}-\d{2}-\d{2}\.csv$", ExportFiles.Names(response).Name);
        var rows = ExportFiles.Csv(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(["时间", "操作人", "操作"], rows[0][..3]);
        Assert.Equal(["导出", "修改"], rows.Skip(1).Select(r => r[2]));
        // fix36: the time as ISO 8601 (Asia/Shanghai, with its offset), as the other exports write it, not the page's "2022年5月10日 12:00".
        Assert.Equal("2022-05-10T12:00:00+08:00", rows[2][0]);
        Assert.Contains("茶园管理 → 白茶种植", rows[2][5]);
        Assert.Contains("#7", rows[2][3]);
        Assert.True(await App.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditAction.Export && a.EntityType == "AuditEntry"
            && a.UserName == "admin" && a.Changes == $"format=csv; rows=2; from=2022-05-10; to=2022-05-10; user={user}")));
        Assert.Contains("id=\"export-xlsx\"", await admin.GetStringAsync($"/Admin/Audit?user={user}"));
    }

    [Fact]
    public async Task Xlsx_AppliesTheActionFilter_WithHeadersInTheViewersLanguage()
    {
        var user = await EntriesAsync();
        var admin = await App.LoginAsync("admin");

        var bytes = await admin.GetByteArrayAsync($"/Admin/Audit?handler=Export&format=xlsx&user={user}&action=Update&culture=en");
        var rows = ExportFiles.Xlsx(bytes);

        Assert.Equal(["When", "User", "Action"], rows[0][..3]);
        var row = Assert.Single(rows.Skip(1));
        Assert.Equal([user, "Update"], row[1..3]);
        // fix36: a real date-time cell (Asia/Shanghai wall-clock time, with a date format), not Chinese text.
        Assert.Equal(new DateTime(2022, 5, 10, 12, 0, 0), ExportFiles.XlsxValues(bytes)[1][0]);
        Assert.Equal("yyyy-mm-dd hh:mm", ExportFiles.XlsxNumberFormat(bytes, "A2"));
    }

    [Theory]
    [InlineData("anji.officer")]
    [InlineData("city.officer")]
    public async Task NonAdmins_AreRefused_AndARefusedFilterSendsNoFile(string userName)
    {
        var officer = await App.LoginAsync(userName);
        var admin = await App.LoginAsync("admin");

        var refused = await officer.GetAsync("/Admin/Audit?handler=Export&format=csv");
        var badMobile = await admin.GetAsync("/Admin/Audit?handler=Export&format=csv&Mobile=123");

        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("AccessDenied", refused.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.Redirect, badMobile.StatusCode);
        Assert.Equal("/Admin/Audit?Mobile=123", badMobile.Headers.Location!.OriginalString);
    }
    /// <summary>An export is bounded work and memory: more than <see cref="Web.Pages.Admin.AuditModel.MaxExportRows"/> matching
    /// entries are refused with a message above the list, and no file (nor export audit row) is written.</summary>
    [Fact]
    public async Task MoreEntriesThanTheCap_AreRefused_WithTheCountAndNoFile()
    {
        var user = "audit.cap." + Guid.NewGuid().ToString("N")[..10];
        var template = await App.QueryAsync(async db =>
        {
            var entry = new AuditEntry { At = Noon, UserName = user, Action = AuditAction.Update, EntityType = "Person", EntityId = "7", Changes = "{}" };
            db.AuditEntries.Add(entry);
            await db.SaveChangesAsync();
            return entry.Id;
        });
        try
        {
            await App.QueryAsync(db => db.Database.ExecuteSqlRawAsync(
                """
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {1})
                INSERT INTO "AuditEntries" ("At", "UserName", "Action", "EntityType", "EntityId", "Changes")
                SELECT a."At", a."UserName", a."Action", a."EntityType", a."EntityId", a."Changes" FROM n, "AuditEntries" a WHERE a."Id" = {0}
                """, template, Web.Pages.Admin.AuditModel.MaxExportRows));
            var admin = await App.LoginAsync("admin");

            var response = await admin.GetAsync($"/Admin/Audit?handler=Export&format=csv&user={user}");

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.StartsWith("text/html", response.Content.Headers.ContentType!.MediaType);
            Assert.Contains("符合条件的记录有 100,001 条，一次最多导出 100,000 条", await response.Content.ReadAsStringAsync());
            Assert.False(await App.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditAction.Export && a.EntityType == nameof(AuditEntry)
                && a.Changes!.Contains(user))));
        }
        finally
        {
            await App.QueryAsync(db => db.AuditEntries.Where(a => a.UserName == user).ExecuteDeleteAsync());
        }
    }
    /// <summary>review14: jobs and imports write as "system", which the Chinese page showed in English.</summary>
    [Fact]
    public async Task TheSystemActor_IsShownInThePagesLanguage()
    {
        var id = Guid.NewGuid().ToString("N")[..12];
        await App.QueryAsync(db =>
        {
            db.AuditEntries.Add(new AuditEntry { At = Noon, UserName = "system", Action = AuditAction.Update, EntityType = "Course", EntityId = id, Changes = "{}" });
            return db.SaveChangesAsync();
        });
        var admin = await App.LoginAsync("admin");

        var zh = await admin.GetStringAsync($"/Admin/Audit?user=system&Id={id}");
        var en = await admin.GetStringAsync($"/Admin/Audit?user=system&Id={id}&culture=en");

        Assert.Contains("data-user>系统</td>", zh);
        Assert.Contains("data-user>System</td>", en);
    }
}
