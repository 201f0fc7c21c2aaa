namespace TalentHub.IntegrationTests.Concurrency;

public sealed class CertificateConcurrencyTests(TalentHubFactory app) : AppTest(app)
{
    [Fact]
    public Task FourIssuersAtOnce_CertifyEachTraineeOnce_WithGaplessSerials() =>
        CertificateRaces.FourIssuersAtOnce_CertifyEachTraineeOnce_WithGaplessSerialsAsync(App);

    [Fact]
    public Task CorrectionAfterTheDueListWasRead_TheJobSkipsTheTraineeNoLongerCompleted() =>
        CertificateRaces.CorrectionAfterTheDueListWasRead_TheJobSkipsTheTraineeNoLongerCompletedAsync(App);
}
