namespace TalentHub.IntegrationTests.Concurrency;

public sealed class CertificateConcurrencyTests(TalentHubFactory app) : AppTest(app)
{
    [Fact]
    public Task FourIssuersAtOnce_CertifyEachTraineeOnce_WithGaplessSerials() =>
        CertificateRaces.FourIssuersAtOnce_CertifyEachTraineeOnce_WithGaplessSerialsAsync(App);
}
