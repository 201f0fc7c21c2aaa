using TalentHub.IntegrationTests.Concurrency;

namespace TalentHub.IntegrationTests.Postgres;

/// <summary>Two city officers saving the same target at once on PostgreSQL (see <see cref="TargetRaces"/>).</summary>
public sealed class PostgresTargetConcurrencyTests(PostgresFactory app) : PostgresTest(app)
{
    [PostgresFact] public Task SimultaneousSaves_LaterOverwriteRefused() => TargetRaces.OverwriteAsync(App, 2095);
    [PostgresFact] public Task SimultaneousSaves_LaterDeleteRefused() => TargetRaces.DeleteAsync(App, 2096);
    [PostgresFact] public Task SameFormTwice_AddingTargets_IsSaved() => TargetRaces.SameFormTwiceAsync(App, 2097, existing: false);
    [PostgresFact] public Task SameFormTwice_ChangingATarget_IsSaved() => TargetRaces.SameFormTwiceAsync(App, 2098, existing: true);
}
