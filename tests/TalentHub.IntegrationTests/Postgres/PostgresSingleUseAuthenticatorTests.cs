using Microsoft.Extensions.DependencyInjection;
using TalentHub.IntegrationTests.Pages.Account;
using TalentHub.Web.Domain;
using TalentHub.Web.Infrastructure.Security;

namespace TalentHub.IntegrationTests.Postgres;

/// <summary>Review 9 on PostgreSQL: an authenticator step is recorded once, also by requests racing on their own connections.</summary>
public sealed class PostgresSingleUseAuthenticatorTests(PostgresFactory app) : PostgresTest(app)
{
    private async Task<bool[]> RaceAsync(string userId, long step, int racers)
    {
        var scopes = Enumerable.Range(0, racers).Select(_ => App.Services.CreateScope()).ToList();
        try
        {
            var providers = scopes.Select(s => s.ServiceProvider.GetRequiredService<SingleUseAuthenticatorTokenProvider>()).ToList();
            return await Task.WhenAll(providers.Select(p => Task.Run(() => p.AcceptStepAsync(userId, step))));
        }
        finally
        {
            foreach (var scope in scopes) scope.Dispose();
        }
    }

    [PostgresFact]
    public async Task RacersWithOneStep_ExactlyOneIsAccepted_ThenOnlyLaterStepsAre()
    {
        var clerk = await App.NewStaffAsync(Roles.CountyClerk);
        var step = DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30;

        // The first use (the INSERT) and later uses (the conditional UPDATE), each raced by four connections.
        for (var i = 0; i < 10; i++)
            Assert.Single(await RaceAsync(clerk.Id, step + i, 4), accepted => accepted);

        Assert.All(await RaceAsync(clerk.Id, step + 9, 2), accepted => Assert.False(accepted));
        Assert.All(await RaceAsync(clerk.Id, step + 3, 2), accepted => Assert.False(accepted));
    }
}
