namespace TalentHub.IntegrationTests.Concurrency;

/// <summary>Two officers issuing the same dispatch month at once on SQLite (see <see cref="DispatchRaces"/>).</summary>
public sealed class DispatchConcurrencyTests(TalentHubFactory app) : AppTest(app)
{
    [Fact]
    public Task TwoOfficersIssuingTheSameMonth_TheLoserGetsTheStoredReport() =>
        DispatchRaces.TheLoserOfTheSameMonth_GetsTheStoredReport_NotAnErrorAsync(App, 2024, 2);
}
