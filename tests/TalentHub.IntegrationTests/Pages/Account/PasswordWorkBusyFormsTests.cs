using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TalentHub.IntegrationTests.Builders;
using TalentHub.Web.Data;
using TalentHub.Web.Domain;
using TalentHub.Web.Domain.Common;
using TalentHub.Web.Infrastructure.Security;
using TalentHub.Web.Services;
using TalentHub.Web.Services.People;

namespace TalentHub.IntegrationTests.Pages.Account;

/// <summary>
/// Review 5 (issue 12, password work gate): every form that hashes a password answers a full gate with itself, the
/// localized "busy" message, 503 and Retry-After, in both languages, and saves nothing (no half-created account, no
/// changed password, e-mail or consumed reset code).
/// </summary>
public sealed class PasswordWorkBusyFormsTests(PasswordWorkGateFactory app) : IClassFixture<PasswordWorkGateFactory>
{
    private const string NewPassword = "green tea terraces at dawn";
    private static int _sequence;

    public static TheoryData<string?> Languages => new() { null, "en" };

    /// <summary>Posts with every permit and queue place taken, then frees them.</summary>
    private async Task<HttpResponseMessage> WhileFullAsync(Func<Task<HttpResponseMessage>> post)
    {
        var gate = app.Services.GetRequiredService<PasswordWorkGate>();
        using var stop = new CancellationTokenSource();
        var held = await gate.EnterAsync();
        var queued = Enumerable.Range(0, PasswordWorkGateFactory.Queue).Select(_ => gate.EnterAsync(stop.Token).AsTask()).ToList();
        try
        {
            return await post();
        }
        finally
        {
            await stop.CancelAsync();
            foreach (var waiter in queued) await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiter);
            held.Dispose();
        }
    }

    private static async Task SpeakAsync(HttpClient client, string? language, string page)
    {
        if (language is not null) (await client.GetAsync(page + (page.Contains('?') ? '&' : '?') + "culture=" + language)).EnsureSuccessStatusCode();
    }

    private static async Task AssertBusyAsync(HttpResponseMessage response, string? language, string formMarker)
    {
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("5", response.Headers.GetValues("Retry-After").Single());
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains(language is null ? "服务器正忙于验证密码，请稍等几秒后再试。" : "The server is busy checking passwords right now.", html);
        Assert.Contains(formMarker, html);
    }

    private async Task<string?> PasswordHashAsync(string userId) =>
        await app.QueryAsync(db => db.Users.Where(u => u.Id == userId).Select(u => u.PasswordHash).SingleAsync());

    [Theory, MemberData(nameof(Languages))]
    public async Task SignUp_WhenBusy_ReturnsTheForm_AndCreatesNeitherPersonNorAccount(string? language)
    {
        var n = Interlocked.Increment(ref _sequence);
        var id = IdNumber.Create("330523", new DateOnly(1962, 5, 1).AddDays(n), 700 + n, Sex.Female).Value;
        var mobile = $"1365555{n:D4}";
        var client = app.NewClient();
        await SpeakAsync(client, language, "/Identity/Account/Register");

        var response = await WhileFullAsync(() => client.PostFormAsync("/Identity/Account/Register", new()
        {
            ["Input.Mobile"] = mobile, ["Input.Name"] = "忙时注册", ["Input.IdNumber"] = id, ["Input.VillageCode"] = "330523108204",
            ["Input.Password"] = NewPassword, ["Input.ConfirmPassword"] = NewPassword,
        }));

        await AssertBusyAsync(response, language, "name=\"Input.IdNumber\"");
        using (var scope = app.Services.CreateScope())
        {
            var protector = scope.ServiceProvider.GetRequiredService<PersonalDataProtector>();
            var idHash = protector.Hash(id);
            var userName = FarmerAccounts.UserNameFor(protector.Hash(mobile));
            var db = scope.ServiceProvider.GetRequiredService<TalentHubDbContext>();
            Assert.False(await db.People.IgnoreQueryFilters().AnyAsync(p => p.IdNumberHash == idHash));
            Assert.False(await db.Users.AnyAsync(u => u.UserName == userName));
        }
        // The same form a moment later signs up.
        var again = await client.PostFormAsync("/Identity/Account/Register", new()
        {
            ["Input.Mobile"] = mobile, ["Input.Name"] = "忙时注册", ["Input.IdNumber"] = id, ["Input.VillageCode"] = "330523108204",
            ["Input.Password"] = NewPassword, ["Input.ConfirmPassword"] = NewPassword,
        });
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
    }

    [Theory, MemberData(nameof(Languages))]
    public async Task AdminNewUser_WhenBusy_ReturnsTheForm_AndCreatesNoAccount(string? language)
    {
        var admin = await app.LoginAsync("admin");
        await SpeakAsync(admin, language, "/Admin/Users/Create");
        var userName = "busy." + Guid.NewGuid().ToString("N")[..8];

        var response = await WhileFullAsync(() => admin.PostFormAsync("/Admin/Users/Create", new()
        {
            ["Input.UserName"] = userName, ["Input.DisplayName"] = "忙时新建", ["Input.Role"] = Roles.CountyClerk,
            ["Input.CountyCode"] = "330523000000", ["Input.Password"] = NewPassword,
        }));

        await AssertBusyAsync(response, language, "id=\"user-create\"");
        Assert.False(await app.QueryAsync(db => db.Users.AnyAsync(u => u.UserName == userName)));
        Assert.False(await app.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Changes!.Contains(userName))));
    }

    [Theory, MemberData(nameof(Languages))]
    public async Task AdminSetPassword_WhenBusy_ReturnsTheForm_AndKeepsThePassword(string? language)
    {
        var staff = await app.NewStaffAsync(Roles.CountyClerk);
        var before = await PasswordHashAsync(staff.Id);
        var admin = await app.LoginAsync("admin");
        await SpeakAsync(admin, language, $"/Admin/Users/Edit/{staff.Id}");

        var response = await WhileFullAsync(() => admin.PostFormAsync($"/Admin/Users/Edit/{staff.Id}?handler=Password",
            new() { ["Reset.NewPassword"] = NewPassword }, $"/Admin/Users/Edit/{staff.Id}"));

        await AssertBusyAsync(response, language, "id=\"user-password\"");
        // Next to the password field, inside its form, not in the page-wide summary above the other forms.
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        var form = html[html.IndexOf("id=\"user-password\"", StringComparison.Ordinal)..];
        Assert.Contains(language is null ? "服务器正忙" : "The server is busy", form[..form.IndexOf("</form>", StringComparison.Ordinal)]);
        Assert.Equal(before, await PasswordHashAsync(staff.Id));
        Assert.False(await app.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.EntityId == staff.Id && a.Changes!.Contains("PasswordReset"))));
    }

    [Theory, MemberData(nameof(Languages))]
    public async Task ChangePassword_WhenBusy_ReturnsTheForm_AndKeepsThePassword(string? language)
    {
        var mobile = (await app.FarmersAsync(1))[0];
        var farmer = await app.LoginAsync(mobile, "bamboo hills and white tea");
        await SpeakAsync(farmer, language, "/Identity/Account/Manage/ChangePassword");

        var response = await WhileFullAsync(() => farmer.PostFormAsync("/Identity/Account/Manage/ChangePassword", new()
        {
            ["Input.OldPassword"] = "bamboo hills and white tea", ["Input.NewPassword"] = NewPassword, ["Input.ConfirmPassword"] = NewPassword,
        }));

        await AssertBusyAsync(response, language, "id=\"change-password\"");
        await app.LoginAsync(mobile, "bamboo hills and white tea");
    }

    [Theory, MemberData(nameof(Languages))]
    public async Task EmailChange_WhenBusy_ReturnsTheForm_AndKeepsTheAddress(string? language)
    {
        var staff = await app.NewStaffAsync(Roles.CountyClerk);
        var client = await app.LoginAsync(staff.UserName!, StaffAccounts.Password);
        await SpeakAsync(client, language, "/Identity/Account/Manage/Email");

        var response = await WhileFullAsync(() => client.PostFormAsync("/Identity/Account/Manage/Email", new()
        {
            ["Input.Email"] = "busy@example.org", ["Input.Password"] = StaffAccounts.Password,
        }));

        await AssertBusyAsync(response, language, "id=\"email-form\"");
        Assert.Null((await app.UserAsync(staff.Id)).Email);
    }

    [Theory, MemberData(nameof(Languages))]
    public async Task ResetByCode_WhenBusy_ReturnsTheForm_AndTheCodeStillWorks(string? language)
    {
        var mobile = (await app.FarmersAsync(1))[0];
        string code;
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var protector = scope.ServiceProvider.GetRequiredService<PersonalDataProtector>();
            var user = (await users.FindByNameAsync(FarmerAccounts.UserNameFor(protector.Hash(mobile))))!;
            code = await scope.ServiceProvider.GetRequiredService<PasswordResetCodes>().IssueAsync(user);
            await scope.ServiceProvider.GetRequiredService<TalentHubDbContext>().SaveChangesAsync();
        }
        var client = app.NewClient();
        await SpeakAsync(client, language, "/Identity/Account/ResetWithCode");
        Dictionary<string, string> Form() => new()
        {
            ["Input.Mobile"] = mobile, ["Input.Code"] = code, ["Input.NewPassword"] = NewPassword, ["Input.ConfirmPassword"] = NewPassword,
        };

        var response = await WhileFullAsync(() => client.PostFormAsync("/Identity/Account/ResetWithCode", Form()));

        await AssertBusyAsync(response, language, "id=\"reset-code-form\"");
        await app.LoginAsync(mobile, "bamboo hills and white tea");
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync("/Identity/Account/ResetWithCode", Form())).StatusCode);
        await app.LoginAsync(mobile, NewPassword);
    }

    [Theory, MemberData(nameof(Languages))]
    public async Task ResetByMailedLink_WhenBusy_ReturnsTheForm_AndTheLinkStillWorks(string? language)
    {
        var staff = await app.NewStaffAsync(Roles.CountyClerk);
        string token;
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            token = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(await users.GeneratePasswordResetTokenAsync((await users.FindByIdAsync(staff.Id))!)));
        }
        var page = $"/Identity/Account/ResetPassword?userId={staff.Id}&code={token}";
        var client = app.NewClient();
        await SpeakAsync(client, language, page);
        Dictionary<string, string> Form() => new()
        {
            ["Input.UserId"] = staff.Id, ["Input.Code"] = token, ["Input.NewPassword"] = NewPassword, ["Input.ConfirmPassword"] = NewPassword,
        };
        var before = await PasswordHashAsync(staff.Id);

        var response = await WhileFullAsync(() => client.PostFormAsync("/Identity/Account/ResetPassword", Form(), page));

        await AssertBusyAsync(response, language, "id=\"reset-password-form\"");
        Assert.Equal(before, await PasswordHashAsync(staff.Id));
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync("/Identity/Account/ResetPassword", Form(), page)).StatusCode);
        Assert.NotEqual(before, await PasswordHashAsync(staff.Id));
    }
}
