namespace TalentHub.IntegrationTests.Concurrency;

/// <summary>Two city officers saving the same target at once on SQLite (see <see cref="TargetRaces"/>).</summary>
public sealed class TargetConcurrencyTests(TalentHubFactory app) : AppTest(app)
{
    [Fact] public Task SimultaneousSaves_LaterOverwriteRefused() => TargetRaces.OverwriteAsync(App, 2095);
    [Fact] public Task SimultaneousSaves_LaterDeleteRefused() => TargetRaces.DeleteAsync(App, 2096);
    [Fact] public Task SameFormTwice_AddingTargets_IsSaved() => TargetRaces.SameFormTwiceAsync(App, 2097, existing: false);
    [Fact] public Task SameFormTwice_ChangingATarget_IsSaved() => TargetRaces.SameFormTwiceAsync(App, 2098, existing: true);
}
