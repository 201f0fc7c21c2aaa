using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using TalentHub.Web.Data;

namespace TalentHub.IntegrationTests.Pages.Account;

/// <summary>Fresh accounts for the security tests, created as Admin would (no authenticator yet).</summary>
public static class StaffAccounts
{
    public const string Password = "quiet river under the old stone bridge";

    public static async Task<AppUser> NewStaffAsync(this TalentHubFactory app, string role, string region = "330523000000")
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = "sec." + Guid.NewGuid().ToString("N")[..10], DisplayName = "安全测试" + role, RegionCode = region, CreatedAt = DateTimeOffset.UtcNow };
        var created = await users.CreateAsync(user, Password);
        if (!created.Succeeded) throw new InvalidOperationException(created.Errors.First().Description);
        await users.AddToRoleAsync(user, role);
        return user;
    }

    public static Task<AppUser> UserAsync(this TalentHubFactory app, string id) =>
        app.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Users, u => u.Id == id));
}
