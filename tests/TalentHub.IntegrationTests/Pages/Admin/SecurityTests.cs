using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using TalentHub.IntegrationTests.Pages.Account;
using TalentHub.Web.Domain;

namespace TalentHub.IntegrationTests.Pages.Admin;

/// <summary>
/// /Admin/Security posted from a page another admin changed meanwhile (review34b). The bulk form posted every switchable
/// row's checkbox, and the page wrote every row that differed from the database: a page left open put back a row another
/// admin had changed since, silently. Now only the rows this admin changed are written; the other admin's choice stands
/// and the flash names it.
/// </summary>
public sealed partial class SecurityTests(TalentHubFactory app) : AppTest(app)
{
    [Fact]
    public async Task A_stale_page_writes_only_the_rows_its_admin_changed_and_names_the_row_changed_meanwhile()
    {
        var first = await App.LoginAsync("admin");
        var other = await App.NewStaffAsync(Roles.Admin, "330500000000");
        var second = await App.LoginAsync(other.UserName!, StaffAccounts.Password);
        var stale = await first.GetStringAsync("/Admin/Security");
        Assert.Equal(["Trainer:required", "Farmer:optional"], ShownOf(stale));
        try
        {
            // The second admin requires two-factor of farmers.
            await second.PostSecurityAsync(Roles.Trainer, Roles.Farmer);
            Assert.Equal(["Trainer:required", "Farmer:required"], ShownOf(await first.GetStringAsync("/Admin/Security")));

            // The first admin, on the page opened before, unticks trainers and saves.
            var response = await first.PostSecurityAsync(stale, []);

            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            var page = await first.GetStringAsync(response.Headers.Location!.OriginalString);
            Assert.Equal(["Trainer:optional", "Farmer:required"], ShownOf(page));
            Assert.Contains("“农民学员”的设置已由其他管理员在您打开本页后更改，已保留其选择。", page);
            var rows = await App.QueryAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.EntityType == "RoleSecurity" && a.UserName == "admin")
                .OrderByDescending(a => a.Id).Select(a => new { a.EntityId, a.Changes }).FirstAsync());
            Assert.Equal("Trainer", rows.EntityId);
            Assert.False(await App.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "RoleSecurity" && a.EntityId == Roles.Farmer
                && a.UserName == "admin" && a.Changes == "{\"TwoFactorRequired\":[true,false]}")));
        }
        finally
        {
            await first.PostSecurityAsync(Roles.Trainer);
        }
        Assert.Equal(["Trainer:required", "Farmer:optional"], ShownOf(await first.GetStringAsync("/Admin/Security")));
    }

    [Theory]
    [InlineData("", "数据已被他人修改，请刷新后重新编辑。")]
    [InlineData("?culture=en", "Someone else changed this record; reload it and edit again.")]
    public async Task A_post_without_what_the_page_showed_changes_nothing_and_says_so(string culture, string error)
    {
        var admin = await App.LoginAsync("admin");

        var response = await admin.PostFormAsync("/Admin/Security" + culture, new() { ["required"] = Roles.Farmer });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(error, await response.Content.ReadAsStringAsync());
        Assert.Equal(["Trainer:required", "Farmer:optional"], ShownOf(await admin.GetStringAsync("/Admin/Security")));
    }

    [Fact]
    public async Task Saving_the_page_as_shown_writes_nothing()
    {
        var admin = await App.LoginAsync("admin");
        var before = await App.QueryAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == "RoleSecurity"));

        var response = await admin.PostSecurityAsync(Roles.Trainer);

        Assert.Contains("没有修改。", await admin.GetStringAsync(response.Headers.Location!.OriginalString));
        Assert.Equal(before, await App.QueryAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == "RoleSecurity")));
    }

    internal static IReadOnlyList<string> ShownOf(string html) => ShownPattern().Matches(html).Select(m => m.Groups[1].Value).ToList();

    [GeneratedRegex("name=\"shown\" value=\"([A-Za-z]+:[a-z]+)\"")]
    private static partial Regex ShownPattern();
}

/// <summary>Posts /Admin/Security as a browser does: the rows the page showed, and the roles ticked.</summary>
public static class SecurityForm
{
    /// <summary>Opens the page now and saves it with <paramref name="required"/> ticked.</summary>
    public static async Task<HttpResponseMessage> PostSecurityAsync(this HttpClient client, params string[] required) =>
        await client.PostSecurityAsync(await client.GetStringAsync("/Admin/Security"), required);

    /// <summary>Saves the page rendered as <paramref name="page"/> (possibly long ago) with <paramref name="required"/> ticked.</summary>
    public static async Task<HttpResponseMessage> PostSecurityAsync(this HttpClient client, string page, string[] required)
    {
        var fields = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", FormClient.TokenOf(page)) };
        fields.AddRange(SecurityTests.ShownOf(page).Select(s => new KeyValuePair<string, string>("shown", s)));
        fields.AddRange(required.Select(r => new KeyValuePair<string, string>("required", r)));
        return await client.PostAsync("/Admin/Security", new FormUrlEncodedContent(fields));
    }
}
