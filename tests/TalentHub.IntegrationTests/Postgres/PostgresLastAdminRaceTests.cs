using TalentHub.IntegrationTests.Concurrency;

namespace TalentHub.IntegrationTests.Postgres;

/// <summary>The last-admin races on PostgreSQL: the other admin's whole post commits first (see <see cref="LastAdminRaces"/>).</summary>
public sealed class PostgresLastAdminRaceTests(PostgresFactory app) : PostgresTest(app)
{
    [PostgresFact] public Task TwoAdminsDemotingEachOther_LeaveOne() => LastAdminRaces.DemoteAsync(App, inline: false);
    [PostgresFact] public Task AdminLockedWhileTheOtherDemotesThem_LeavesOne() => LastAdminRaces.LockAsync(App, inline: false);
}
