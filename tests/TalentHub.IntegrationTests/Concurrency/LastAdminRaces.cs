using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Data;
using TalentHub.Web.Domain;

namespace TalentHub.IntegrationTests.Concurrency;

/// <summary>
/// fix34e: two administrators demoting or locking each other at the same moment both succeeded, leaving no working admin.
/// Two fresh admins X and Y are the only unlocked ones (every other admin is locked for the test and unlocked after). X
/// demotes or locks Y; just before X's first save, Y's change to X lands (<see cref="RivalSave"/>). X's change is checked
/// inside its transaction after that and is refused with <c>Users.LastAdmin</c> (next to the role field, or above the form for
/// a lock); nothing of X's post is written and an admin is left. On SQLite the rival runs inline (X's transaction holds the
/// one write lock, so another request would wait for it); on PostgreSQL it is Y's whole post, committed first.
/// </summary>
public static partial class LastAdminRaces
{
    /// <summary>The text of the validation message next to <paramref name="field"/> ("" when none).</summary>
    private static string FieldMessage(string html, string field) => System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(html,
        $"data-valmsg-for=\"{System.Text.RegularExpressions.Regex.Escape(field)}\"[^>]*>([^<]*)<").Groups[1].Value).Trim();

    private const string Password = "Qingshan-lvshui-2026";
    private const string LastAdmin = "此更改会使系统没有可用（未锁定）的系统管理员，已拒绝。请先为另一账号授予系统管理员角色。";

    public static Task DemoteAsync(TalentHubFactory app, bool inline) => RaceAsync(app, inline, lockY: false);

    public static Task LockAsync(TalentHubFactory app, bool inline) => RaceAsync(app, inline, lockY: true);

    private static async Task RaceAsync(TalentHubFactory app, bool inline, bool lockY)
    {
        var (x, xId, y, yId) = await TwoAdminsAsync(app);
        var others = await LockOtherAdminsAsync(app, [xId, yId]);
        Task<int> AuditsOfYAsync() => app.QueryAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == "User" && a.EntityId == yId));
        var auditsBefore = await AuditsOfYAsync();
        try
        {
            if (inline)
                app.Rival.ArmInline<AppUser>(db => DemoteBySqlAsync(db, xId));
            else
                app.Rival.Arm<AppUser>(async () => Assert.Equal(HttpStatusCode.Redirect, (await DemotePostAsync(app, y, xId)).StatusCode));
            HttpResponseMessage response;
            try
            {
                response = lockY
                    ? await x.PostFormAsync($"/Admin/Users/Edit/{yId}?handler=Lock", new(), $"/Admin/Users/Edit/{yId}")
                    : await DemotePostAsync(app, x, yId);
                Assert.True(app.Rival.Ran, "the other admin's change did not land before this one's save");
            }
            finally { app.Rival.Disarm(); }

            var html = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {html[..Math.Min(html.Length, 2000)]}");
            if (lockY) Assert.Contains(LastAdmin, html);
            else Assert.Equal(LastAdmin, FieldMessage(html, "Input.Role"));
            var y2 = await app.QueryAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == yId));
            Assert.Equal(Roles.Admin, await RoleAsync(app, yId));
            Assert.Null(y2.LockoutEnd);
            Assert.Equal(auditsBefore, await AuditsOfYAsync());
            // Inline, X's demotion was written in X's own transaction and rolled back with it; as Y's own post it stands.
            Assert.Equal(inline ? Roles.Admin : Roles.CityOfficer, await RoleAsync(app, xId));
        }
        finally { await UnlockAsync(app, others); }
    }

    private static async Task<(HttpClient X, string XId, HttpClient Y, string YId)> TwoAdminsAsync(TalentHubFactory app)
    {
        var admin = await app.LoginAsync("admin");
        var names = new[] { NewName(), NewName() };
        foreach (var name in names)
            Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync("/Admin/Users/Create", new()
            {
                ["Input.UserName"] = name, ["Input.DisplayName"] = "管理员 " + name, ["Input.Role"] = Roles.Admin,
                ["Input.CountyCode"] = "", ["Input.Password"] = Password,
            })).StatusCode);
        var ids = await app.QueryAsync(db => db.Users.Where(u => names.Contains(u.UserName!)).ToDictionaryAsync(u => u.UserName!, u => u.Id));
        return (await app.LoginAsync(names[0], Password), ids[names[0]], await app.LoginAsync(names[1], Password), ids[names[1]]);
    }

    private static string NewName() => "adm." + Guid.NewGuid().ToString("N")[..8];

    private static async Task<HttpResponseMessage> DemotePostAsync(TalentHubFactory app, HttpClient actor, string targetId)
    {
        var form = await actor.GetStringAsync($"/Admin/Users/Edit/{targetId}");
        var stamp = StampField().Match(form).Groups[1].Value;
        return await actor.PostFormAsync($"/Admin/Users/Edit/{targetId}", new()
        {
            ["Input.DisplayName"] = "降级 " + targetId[..6], ["Input.Role"] = Roles.CityOfficer, ["Input.CountyCode"] = "", ["stamp"] = stamp,
        });
    }

    /// <summary>The other admin's demotion of <paramref name="userId"/>, written on the loser's own connection and transaction.</summary>
    private static async Task DemoteBySqlAsync(Microsoft.EntityFrameworkCore.DbContext db, string userId)
    {
        var context = (TalentHubDbContext)db;
        var officer = await context.Roles.AsNoTracking().Where(r => r.Name == Roles.CityOfficer).Select(r => r.Id).SingleAsync();
        await db.Database.ExecuteSqlAsync($"UPDATE \"AspNetUserRoles\" SET \"RoleId\" = {officer} WHERE \"UserId\" = {userId}");
    }

    private static Task<string?> RoleAsync(TalentHubFactory app, string userId) =>
        app.QueryAsync(db => db.UserRoles.Where(ur => ur.UserId == userId).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).SingleOrDefaultAsync());

    /// <summary>Locks every unlocked admin but <paramref name="keep"/>; returns their ids for <see cref="UnlockAsync"/>.</summary>
    private static Task<List<string>> LockOtherAdminsAsync(TalentHubFactory app, string[] keep) => app.QueryAsync(async db =>
    {
        var adminIds = db.UserRoles.Join(db.Roles.Where(r => r.Name == Roles.Admin), ur => ur.RoleId, r => r.Id, (ur, _) => ur.UserId);
        var now = DateTimeOffset.UtcNow;
        var others = (await db.Users.Where(u => adminIds.Contains(u.Id) && !keep.Contains(u.Id)).ToListAsync())
            .Where(u => u.LockoutEnd is null || u.LockoutEnd <= now).ToList();
        foreach (var user in others) user.LockoutEnd = DateTimeOffset.MaxValue;
        await db.SaveChangesAsync();
        return others.Select(u => u.Id).ToList();
    });

    private static Task<int> UnlockAsync(TalentHubFactory app, List<string> ids) => app.QueryAsync(async db =>
    {
        foreach (var user in await db.Users.Where(u => ids.Contains(u.Id)).ToListAsync()) user.LockoutEnd = null;
        return await db.SaveChangesAsync();
    });

    [GeneratedRegex("name=\"stamp\" value=\"([^\"]*)\"")]
    private static partial Regex StampField();
}

/// <summary>The last-admin races on SQLite (see <see cref="LastAdminRaces"/>).</summary>
public sealed class LastAdminRaceTests(TalentHubFactory app) : AppTest(app)
{
    [Fact] public Task TwoAdminsDemotingEachOther_LeaveOne() => LastAdminRaces.DemoteAsync(App, inline: true);
    [Fact] public Task AdminLockedWhileTheOtherIsDemoted_LeavesOne() => LastAdminRaces.LockAsync(App, inline: true);
}
