using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Data;

namespace TalentHub.IntegrationTests.Pages.Admin;

/// <summary>review14: the user list had no export; it now exports with its filters, farmers by display name only, audited.</summary>
public sealed class UsersExportTests(TalentHubFactory app) : AppTest(app)
{
    private const string Anji = "330523000000";

    [Fact]
    public async Task Csv_HasTheFilteredAccounts_InTheWordsOfThePage_AndIsAudited()
    {
        var admin = await App.LoginAsync("admin");
        var expected = await App.QueryAsync(db => db.Users.Where(u => u.RegionCode != null && u.RegionCode.StartsWith("330523")
            && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == "CountyClerk"))).Select(u => u.UserName!).ToListAsync());

        var response = await admin.GetAsync($"/Admin/Users?handler=Export&format=csv&Role=CountyClerk&County={Anji}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches(@"^用户_安吉县_\d{4}-\d{2}-\d{2}\.csv$", ExportFiles.Names(response).Name);
        var rows = ExportFiles.Csv(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(["显示名称", "用户名", "角色"], rows[0][..3]);
        Assert.Contains("anji.clerk", expected);
        Assert.Equal(expected.Order(), rows.Skip(1).Select(r => r[1]).Order());
        Assert.All(rows.Skip(1), r => Assert.Equal("县级工作人员", r[2]));
        // fix36: the created day as ISO 8601 (yyyy-MM-dd), as the other exports write dates, not the page's "2026年12月3日".
        Assert.All(rows.Skip(1), r => Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", r[6]));
        Assert.True(await App.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditAction.Export && a.EntityType == "User"
            && a.UserName == "admin" && a.Changes == $"format=csv; rows={expected.Count}; role=CountyClerk; county={Anji}")));
        Assert.Contains("id=\"export-csv\"", await admin.GetStringAsync("/Admin/Users"));
    }

    [Fact]
    public async Task Xlsx_ShowsFarmersByDisplayNameOnly_WithHeadersInTheViewersLanguage()
    {
        var admin = await App.LoginAsync("admin");
        var farmerUserNames = await App.QueryAsync(db => db.Users.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id
            && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == "Farmer"))).Select(u => u.UserName!).Take(50).ToListAsync());

        var bytes = await admin.GetByteArrayAsync("/Admin/Users?handler=Export&format=xlsx&Role=Farmer&culture=en");

        var rows = ExportFiles.Xlsx(bytes);
        Assert.Equal(["Display name", "User name", "Role"], rows[0][..3]);
        Assert.NotEmpty(farmerUserNames);
        Assert.True(rows.Count > 1);
        Assert.All(rows.Skip(1), r => Assert.Equal("Farmer (signs in with mobile number)", r[1]));
        Assert.DoesNotContain(rows.SelectMany(r => r), farmerUserNames.Contains);
        // fix36: the created day is a real date cell with a date format.
        Assert.IsType<DateTime>(ExportFiles.XlsxValues(bytes)[1][6]);
        Assert.Equal("yyyy-mm-dd", ExportFiles.XlsxNumberFormat(bytes, "G2"));
    }

    [Fact]
    public async Task CountyStaff_AreRefused_AndARefusedFilterSendsNoFile()
    {
        var clerk = await App.LoginAsync("anji.clerk");
        var admin = await App.LoginAsync("admin");

        var refused = await clerk.GetAsync("/Admin/Users?handler=Export&format=csv");
        var badRole = await admin.GetAsync("/Admin/Users?handler=Export&format=csv&Role=Nobody");

        Assert.Contains("AccessDenied", refused.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.Redirect, badRole.StatusCode);
        Assert.Equal("/Admin/Users?Role=Nobody", badRole.Headers.Location!.OriginalString);
    }
}
