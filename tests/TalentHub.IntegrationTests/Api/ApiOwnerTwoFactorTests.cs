using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using TalentHub.IntegrationTests.Pages.Account;
using TalentHub.Web.Data;
using TalentHub.Web.Domain;

namespace TalentHub.IntegrationTests.Api;

/// <summary>
/// PRODUCT §1: staff set up two-factor before touching personal data. Review37b: a token whose owner had no authenticator
/// yet (a new account, or one an administrator reset) was answered 302 to the HTML set-up page; it is a 403 problem saying
/// what the owner must do, and the token reads once the owner has set it up.
/// </summary>
public sealed class ApiOwnerTwoFactorTests(TalentHubFactory app) : AppTest(app)
{
    [Theory]
    [InlineData("en", "has not set up two-step verification")]
    [InlineData("zh-CN", "尚未设置两步验证")]
    public async Task A_token_whose_owner_has_no_second_factor_yet_is_a_403_problem_until_the_owner_sets_it_up(string language, string detail)
    {
        var owner = await App.NewStaffAsync(Roles.CountyOfficer);
        var client = App.ApiClientFor(await App.IssueAsync(owner.UserName!, ApiClient.Anji, false, "people"), language);

        foreach (var path in new[] { "/api/v1/people?limit=1", "/api/v1/people/1", "/api/v1/people/stream" })
        {
            var response = await client.GetAsync(path);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{path}: {(int)response.StatusCode} {response.Headers.Location} {body[..Math.Min(200, body.Length)]}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains(detail, JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString());
            Assert.DoesNotContain("覃伟", body);
        }

        using (var scope = App.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = await users.FindByIdAsync(owner.Id);
            await users.ResetAuthenticatorKeyAsync(user!);
            await users.SetTwoFactorEnabledAsync(user!, true);
        }
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/people?limit=1")).StatusCode);
    }
}
