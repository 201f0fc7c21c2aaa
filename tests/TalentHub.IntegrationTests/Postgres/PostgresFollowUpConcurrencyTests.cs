using TalentHub.IntegrationTests.Concurrency;

namespace TalentHub.IntegrationTests.Postgres;

/// <summary>Two clerks recording the same follow-up at once on PostgreSQL (see <see cref="FollowUpRaces"/>).</summary>
public sealed class PostgresFollowUpConcurrencyTests(PostgresFactory app) : PostgresTest(app)
{
    [PostgresFact] public Task SimultaneousSaves_LaterRefused() => FollowUpRaces.SimultaneousSaves_TheLaterIsRefusedWithTheWinnersOutcome_NothingOfItWrittenAsync(App);
    [PostgresFact] public Task SimultaneousIdenticalSaves_LaterQuiet() => FollowUpRaces.SimultaneousIdenticalSaves_TheLaterIsAcceptedQuietly_WrittenOnceAsync(App);
}
