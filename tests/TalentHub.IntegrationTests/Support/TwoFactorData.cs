using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using TalentHub.Web.Data;
using TalentHub.Web.Domain.Common;
using TalentHub.Web.Services;
using TalentHub.Web.Services.People;

namespace TalentHub.IntegrationTests.Support;

public static class TwoFactorData
{
    /// <summary>The authenticator key stored for the account that <paramref name="login"/> (user name or mobile) names.</summary>
    public static async Task<string> AuthenticatorKeyAsync(this WebApplicationFactory<Program> factory, string login)
    {
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByNameAsync(UserNameOf(scope.ServiceProvider, login))
            ?? throw new InvalidOperationException($"No account {login}");
        return await users.GetAuthenticatorKeyAsync(user) ?? throw new InvalidOperationException($"{login} has no authenticator key");
    }

    /// <summary>The Identity user name of a login: farmers log in with their mobile.</summary>
    public static string UserNameOf(IServiceProvider services, string login) => MobileNumber.TryParse(login, out var mobile)
        ? FarmerAccounts.UserNameFor(services.GetRequiredService<PersonalDataProtector>().Hash(mobile))
        : login;
}
