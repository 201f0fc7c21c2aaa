using Microsoft.EntityFrameworkCore;
using TalentHub.IntegrationTests.Pages.People;

namespace TalentHub.IntegrationTests.Postgres;

/// <summary>
/// Review10 on PostgreSQL: the node running a confirm is killed (its batch owner's session is terminated, which drops the
/// advisory lock as the death of the node does); a re-import at once, on any node, writes every row.
/// </summary>
public sealed class PostgresOrphanBatchTests(PostgresFactory app) : PostgresTest(app)
{
    [PostgresFact]
    public Task AReimportRightAfterANodeDiedMidConfirm_WritesEveryRow_AndLeavesRunningConfirmsAlone() =>
        OrphanBatchScenarios.AReimportRightAfterAConfirmDied_WritesEveryRow_AndLeavesRunningConfirmsAlone(App, KillOwnerAsync);

    [PostgresFact]
    public Task TheSweep_RemovesADeadNodesBatchAtOnce_AndLeavesARunningOne() =>
        OrphanBatchScenarios.TheSweep_RemovesADeadConfirmsBatchAtOnce_AndLeavesARunningOne(App, KillOwnerAsync);

    private async Task KillOwnerAsync(long batch)
    {
        var connectionString = await App.QueryAsync(db => Task.FromResult(db.Database.GetConnectionString()!));
        await using var connection = new Npgsql.NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var owner = $"FROM pg_locks WHERE locktype = 'advisory' AND classid = {0x5448_4242}::oid AND objid = {batch}::oid AND granted";
        await using (var kill = new Npgsql.NpgsqlCommand($"SELECT count(pg_terminate_backend(pid)) {owner}", connection))
            Assert.Equal(1L, await kill.ExecuteScalarAsync());
        // Bounded wait until the server has ended the session and dropped its lock.
        await using var locks = new Npgsql.NpgsqlCommand($"SELECT count(*) {owner}", connection);
        for (var i = 0; i < 200 && (long)(await locks.ExecuteScalarAsync())! > 0; i++) await Task.Delay(50);
    }
}
