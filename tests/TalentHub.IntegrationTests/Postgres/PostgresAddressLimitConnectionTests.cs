using System.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TalentHub.Web.Data;
using TalentHub.Web.Infrastructure.Security;

namespace TalentHub.IntegrationTests.Postgres;

/// <summary>Issue 12 leftover: the per-address count in PostgreSQL gives its pool connection back at once.</summary>
public sealed class PostgresAddressLimitConnectionTests(PostgresFactory app) : PostgresTest(app)
{
    private static readonly RequestLimits.AddressPolicy Policy = new("login", "203.0.113.77", 100, TimeSpan.FromMinutes(1));

    [PostgresFact]
    public async Task CountingAPost_ClosesTheConnectionItOpened()
    {
        App.NewClient().Dispose();
        using var scope = App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TalentHubDbContext>();
        var limits = scope.ServiceProvider.GetRequiredService<DatabaseAddressLimits>();
        Assert.Equal(ConnectionState.Closed, db.Database.GetDbConnection().State);

        Assert.Null(await limits.CountAsync(db, Policy));

        Assert.Equal(ConnectionState.Closed, db.Database.GetDbConnection().State);
        Assert.True(await db.AddressCounts.AnyAsync(c => c.Count >= 1));
    }

    [PostgresFact]
    public async Task ACallersOpenConnection_IsLeftOpen()
    {
        App.NewClient().Dispose();
        using var scope = App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TalentHubDbContext>();
        var limits = scope.ServiceProvider.GetRequiredService<DatabaseAddressLimits>();
        await db.Database.OpenConnectionAsync();

        Assert.Null(await limits.CountAsync(db, Policy));

        Assert.Equal(ConnectionState.Open, db.Database.GetDbConnection().State);
        await db.Database.CloseConnectionAsync();
    }
}
