using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TalentHub.Web.Data;
using TalentHub.Web.Services.Spreadsheets;

namespace TalentHub.IntegrationTests.Postgres;

/// <summary>
/// Review: the connection holding a confirm's claim lock was pooled, so had <c>pg_advisory_unlock</c> failed, it would
/// have gone back to the pool still holding the lock (a live-looking confirm until that session was reused). Now the
/// holder's session ends when the claim is given back, whatever the unlock did.
/// </summary>
public sealed class PostgresClaimLockSessionTests(PostgresFactory app) : PostgresTest(app)
{
    [PostgresFact]
    public async Task TheSessionHoldingAClaim_EndsWhenTheClaimIsGivenBack()
    {
        App.NewClient().Dispose();
        var store = App.Services.GetRequiredService<IUploadStore>();
        var token = store.Save([1, 2, 3], "session.csv", "user-s", "people");
        var key = unchecked((int)uint.Parse(token[..8], System.Globalization.NumberStyles.HexNumber));

        Assert.True(store.TryClaim(token, "user-s", "people"));
        var holders = await PidsAsync($"SELECT pid AS \"Value\" FROM pg_locks WHERE locktype = 'advisory' AND granted AND objid::int = {key} AND objsubid = 2");
        store.Release(token, "user-s", "people");

        var holder = Assert.Single(holders);
        // The server ends a backend once its client has closed the socket: wait for that event (not for a duration).
        var alive = await PidsAsync($"SELECT pid AS \"Value\" FROM pg_stat_activity WHERE pid = {holder}");
        for (var i = 0; i < 200 && alive.Count > 0; i++)
        {
            await Task.Delay(50);
            alive = await PidsAsync($"SELECT pid AS \"Value\" FROM pg_stat_activity WHERE pid = {holder}");
        }
        Assert.Empty(alive);
    }

    private Task<List<int>> PidsAsync(string sql) =>
        App.QueryAsync(db => db.Database.SqlQueryRaw<int>(sql).ToListAsync());
}
