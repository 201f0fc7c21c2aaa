using Microsoft.EntityFrameworkCore;
using TalentHub.IntegrationTests.Pages.Account;
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
        Assert.All(rows.Skip(1), r => Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", r[7]));
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
        Assert.IsType<DateTime>(ExportFiles.XlsxValues(bytes)[1][7]);
        Assert.Equal("yyyy-mm-dd", ExportFiles.XlsxNumberFormat(bytes, "H2"));
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
    /// <summary>A fresh Anji clerk locked until <paramref name="until"/> (an administrator's lock when null: until unlocked).</summary>
    private async Task<AppUser> LockedClerkAsync(DateTimeOffset until)
    {
        var user = await App.NewStaffAsync("CountyClerk");
        await App.QueryAsync(db => db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.LockoutEnd, until)));
        return user;
    }

    [Fact]
    public async Task Csv_WritesTheStatusAsAWord_TheLockEndAsAnIsoInstant_AndTheCountyOfCountyStaff()
    {
        // fix37: the status cell read "已锁定 锁定至 2026年12月3日 18:00" (text, not a date), and county staff had an empty county.
        var until = DateTimeOffset.UtcNow.AddHours(2);
        var locked = await LockedClerkAsync(until);
        var forever = await LockedClerkAsync(new DateTimeOffset(9999, 12, 31, 0, 0, 0, TimeSpan.Zero));
        var open = await App.NewStaffAsync("CountyClerk");
        var admin = await App.LoginAsync("admin");

        var rows = ExportFiles.Csv(await admin.GetByteArrayAsync($"/Admin/Users?handler=Export&format=csv&County={Anji}&Q=sec."));

        Assert.Equal(["所属地区", "所属县（市、区）", "状态", "锁定截止时间", "创建时间"], rows[0][3..]);
        var row = rows.Single(r => r[1] == locked.UserName);
        Assert.Equal(["安吉县", "安吉县", "已锁定"], row[3..6]);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$", row[6]);
        Assert.Equal(until.ToUnixTimeSeconds(), DateTimeOffset.Parse(row[6], System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeSeconds());
        var lockedForever = rows.Single(r => r[1] == forever.UserName);
        Assert.Equal(["安吉县", "已锁定", ""], lockedForever[4..7]);
        Assert.Equal(["安吉县", "正常", ""], rows.Single(r => r[1] == open.UserName)[4..7]);
    }

    [Fact]
    public async Task Xlsx_WritesTheLockEndAsADateCell_InItsOwnColumn()
    {
        var until = DateTimeOffset.UtcNow.AddHours(3);
        var locked = await LockedClerkAsync(until);
        var admin = await App.LoginAsync("admin");

        var bytes = await admin.GetByteArrayAsync($"/Admin/Users?handler=Export&format=xlsx&County={Anji}&Q={locked.UserName}&culture=en");

        var rows = ExportFiles.Xlsx(bytes);
        Assert.Equal(["County", "Status", "Locked until"], rows[0][4..7]);
        Assert.Equal(["Anji County", "Locked"], rows[1][4..6]);
        var cell = Assert.IsType<DateTime>(ExportFiles.XlsxValues(bytes)[1][6]);
        var shanghai = until.ToOffset(TimeSpan.FromHours(8));
        Assert.True(Math.Abs((cell - shanghai.DateTime).TotalSeconds) < 1, $"{cell:O} is not {shanghai:O}");
        Assert.Equal("yyyy-mm-dd hh:mm", ExportFiles.XlsxNumberFormat(bytes, "G2"));
    }
}
