using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Domain;

namespace TalentHub.IntegrationTests.Pages.Admin;

/// <summary>
/// fix34e: on /Admin/Users/Edit an admin could set their own password without typing the current one (and post the hidden
/// two-factor reset for their own account). For one's own account the page offers neither: it points to the change-password
/// page, which asks for the current password, and a post of either form is refused with nothing changed.
/// </summary>
public sealed class OwnAccountEditTests(TalentHubFactory app) : AppTest(app)
{
    /// <summary>The text of the validation message next to <paramref name="field"/> ("" when none).</summary>
    private static string FieldMessage(string html, string field) => System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(html,
        $"data-valmsg-for=\"{System.Text.RegularExpressions.Regex.Escape(field)}\"[^>]*>([^<]*)<").Groups[1].Value).Trim();

    private const string Password = "Qingshan-lvshui-2026";

    private async Task<(HttpClient Client, string Id)> FreshAdminAsync()
    {
        var admin = await App.LoginAsync("admin");
        var name = "own." + Guid.NewGuid().ToString("N")[..8];
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync("/Admin/Users/Create", new()
        {
            ["Input.UserName"] = name, ["Input.DisplayName"] = "管理员 " + name, ["Input.Role"] = Roles.Admin,
            ["Input.CountyCode"] = "", ["Input.Password"] = Password,
        })).StatusCode);
        var id = await App.QueryAsync(db => db.Users.Where(u => u.UserName == name).Select(u => u.Id).SingleAsync());
        return (await App.LoginAsync(name, Password), id);
    }

    [Fact]
    public async Task Own_account_page_offers_no_new_password_but_the_change_password_page()
    {
        var (me, id) = await FreshAdminAsync();

        var html = await me.GetStringAsync($"/Admin/Users/Edit/{id}");
        var other = await me.GetStringAsync($"/Admin/Users/Edit/{await App.QueryAsync(db => db.Users.Where(u => u.UserName == "anji.clerk").Select(u => u.Id).SingleAsync())}");

        Assert.DoesNotContain("id=\"user-password\"", html);
        Assert.Contains("href=\"/Identity/Account/Manage/ChangePassword\"", html);
        Assert.Contains("id=\"user-password\"", other);
    }

    [Fact]
    public async Task Own_password_posted_to_the_edit_page_is_refused_and_unchanged()
    {
        var (me, id) = await FreshAdminAsync();
        var hash = await App.QueryAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.PasswordHash).SingleAsync());

        var response = await me.PostFormAsync($"/Admin/Users/Edit/{id}?handler=Password", new() { ["Reset.NewPassword"] = "Another-long-passphrase-77" },
            $"/Admin/Users/Edit/{id}");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("不能在此重置自己的密码", FieldMessage(html, "Reset.NewPassword"));
        Assert.Equal(hash, await App.QueryAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.PasswordHash).SingleAsync()));
    }

    [Fact]
    public async Task Own_two_factor_reset_posted_to_the_edit_page_is_refused()
    {
        var (me, id) = await FreshAdminAsync();

        var response = await me.PostFormAsync($"/Admin/Users/Edit/{id}?handler=ResetTwoFactor", new(), $"/Admin/Users/Edit/{id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(await App.QueryAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.TwoFactorEnabled).SingleAsync()));
    }
}
