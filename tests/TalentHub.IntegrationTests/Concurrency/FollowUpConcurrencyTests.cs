namespace TalentHub.IntegrationTests.Concurrency;

/// <summary>Two clerks recording the same follow-up at once on SQLite (see <see cref="FollowUpRaces"/>).</summary>
public sealed class FollowUpConcurrencyTests(TalentHubFactory app) : AppTest(app)
{
    [Fact] public Task SimultaneousSaves_LaterRefused() => FollowUpRaces.SimultaneousSaves_TheLaterIsRefusedWithTheWinnersOutcome_NothingOfItWrittenAsync(App);
    [Fact] public Task SimultaneousIdenticalSaves_LaterQuiet() => FollowUpRaces.SimultaneousIdenticalSaves_TheLaterIsAcceptedQuietly_WrittenOnceAsync(App);
}
