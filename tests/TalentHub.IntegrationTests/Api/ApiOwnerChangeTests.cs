using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using TalentHub.IntegrationTests.Pages.Account;
using TalentHub.Web.Data;
using TalentHub.Web.Domain;

namespace TalentHub.IntegrationTests.Api;

/// <summary>
/// Review37b: a token whose owner changed after issue. Moved to another county, the owner's scope and the token's no longer
/// agree and the API saw nothing: every list answered an empty 200 page, which a sync reads as "every row is gone". Given a
/// role outside the registry, the token was told it "was not granted this resource". Both are a 403 problem naming the reason.
/// </summary>
public sealed class ApiOwnerChangeTests(TalentHubFactory app) : AppTest(app)
{
    [Theory]
    [InlineData("en", "no longer within its owner's county", "no longer holds a registry role")]
    [InlineData("zh-CN", "已不在其所属账户的县", "已不再担任可通过 API 读取数据的业务角色")]
    public async Task A_token_whose_owner_moved_county_or_left_the_registry_roles_is_a_403_saying_why(string language, string moved, string role)
    {
        var owner = await App.NewStaffAsync(Roles.CountyOfficer, ApiClient.Anji);
        await ChangeAsync(owner.Id, async (users, user) =>
        {
            await users.ResetAuthenticatorKeyAsync(user);
            await users.SetTwoFactorEnabledAsync(user, true);
        });
        var client = App.ApiClientFor(await App.IssueAsync(owner.UserName!, ApiClient.Anji, false, "people", "courses"), language);
        Assert.NotEmpty((await client.JsonAsync("/api/v1/people?limit=5")).GetProperty("items").EnumerateArray());

        await ChangeAsync(owner.Id, async (users, user) =>
        {
            user.RegionCode = ApiClient.Wuxing;
            await users.UpdateAsync(user);
        });
        foreach (var path in new[] { "/api/v1/people?limit=5", "/api/v1/courses", "/api/v1/people/stream" })
            await AssertForbiddenAsync(client, path, moved);

        await ChangeAsync(owner.Id, async (users, user) =>
        {
            user.RegionCode = ApiClient.Anji;
            await users.UpdateAsync(user);
            await users.RemoveFromRoleAsync(user, Roles.CountyOfficer);
            await users.AddToRoleAsync(user, Roles.Trainer);
        });
        await AssertForbiddenAsync(client, "/api/v1/people?limit=5", role);
    }

    private async Task ChangeAsync(string id, Func<UserManager<AppUser>, AppUser, Task> change)
    {
        using var scope = App.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        await change(users, (await users.FindByIdAsync(id))!);
    }

    private static async Task AssertForbiddenAsync(HttpClient client, string path, string detail)
    {
        var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{path}: {(int)response.StatusCode} {body[..Math.Min(200, body.Length)]}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(detail, JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString());
    }
}
