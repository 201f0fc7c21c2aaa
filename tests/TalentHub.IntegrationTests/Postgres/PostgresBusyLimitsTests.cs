using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TalentHub.Web.Data;
using TalentHub.Web.Domain;
using TalentHub.Web.Domain.Common;
using TalentHub.Web.Infrastructure;
using TalentHub.Web.Infrastructure.Security;
using TalentHub.Web.Services;

namespace TalentHub.IntegrationTests.Postgres;

/// <summary>
/// Review 5 leftover on PostgreSQL, where the per-address ceilings are counted in the database: a sign-up the password
/// work gate answers "busy, try again" is given back, so more busy answers than the hour's ceiling still let the retry in;
/// and a given-back count is one fewer, never below zero.
/// </summary>
public sealed class PostgresBusyLimitsTests(PostgresFactory app) : PostgresTest(app)
{
    private const string Password = "green tea terraces at dawn";

    [PostgresFact]
    public async Task MoreBusySignUpsThanTheHourlyCeiling_TheRetryStillSignsUp()
    {
        var ceiling = App.Services.GetRequiredService<IOptions<TalentHubOptions>>().Value.SignUpsPerHour;
        var gate = App.Services.GetRequiredService<PasswordWorkGate>();
        var client = App.NewClient();
        var id = IdNumber.Create("330523", new DateOnly(1972, 4, 9), 901, Sex.Female).Value;
        Dictionary<string, string> Form() => new()
        {
            ["Input.Mobile"] = "13755550901", ["Input.Name"] = "忙时再试", ["Input.IdNumber"] = id, ["Input.VillageCode"] = "330523108204",
            ["Input.Password"] = Password, ["Input.ConfirmPassword"] = Password,
        };
        var statuses = new List<HttpStatusCode>();
        using (var stop = new CancellationTokenSource())
        {
            var held = new List<IDisposable>();
            for (var i = 0; i < gate.Permits; i++) held.Add(await gate.EnterAsync());
            var queued = Enumerable.Range(0, gate.QueueLimit).Select(_ => gate.EnterAsync(stop.Token).AsTask()).ToList();
            try
            {
                for (var i = 0; i <= ceiling; i++) statuses.Add((await client.PostFormAsync("/Identity/Account/Register", Form())).StatusCode);
            }
            finally
            {
                await stop.CancelAsync();
                foreach (var waiter in queued) await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiter);
                foreach (var permit in held) permit.Dispose();
            }
        }

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.ServiceUnavailable, s));
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync("/Identity/Account/Register", Form())).StatusCode);
        var idHash = App.Services.GetRequiredService<PersonalDataProtector>().Hash(id);
        Assert.True(await App.QueryAsync(db => db.People.IgnoreQueryFilters().AnyAsync(p => p.IdNumberHash == idHash)));
    }

    [PostgresFact]
    public async Task ARefund_GivesBackOnePost_NeverBelowZero()
    {
        App.NewClient().Dispose();
        using var scope = App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TalentHubDbContext>();
        var limits = scope.ServiceProvider.GetRequiredService<DatabaseAddressLimits>();
        var policy = new RequestLimits.AddressPolicy("signup", "198.51.100." + Random.Shared.Next(1, 250), 2, TimeSpan.FromHours(1));
        var window = policy.WindowAt(DateTimeOffset.UtcNow);

        await limits.RefundAsync(db, policy, window);  // nothing counted yet: stays absent, not −1
        Assert.Null(await limits.CountAsync(db, policy, window));
        Assert.Null(await limits.CountAsync(db, policy, window));
        Assert.NotNull(await limits.CountAsync(db, policy, window));
        await limits.RefundAsync(db, policy, window);
        await limits.RefundAsync(db, policy, window);
        Assert.Null(await limits.CountAsync(db, policy, window));
        Assert.NotNull(await limits.CountAsync(db, policy, window));
    }
}
