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

/// <summary>reissue33 on SQLite: one valid certificate per enrollment, whatever two officers do at once.</summary>
public sealed class ReissueConcurrencyTests(TalentHubFactory app) : AppTest(app)
{
    [Fact]
    public Task TwoOfficersReissuingAtOnce_OneNewCertificate_TheOtherIsRefused() =>
        ReissueRaces.TwoOfficersReissuingAtOnce_OneNewCertificate_TheOtherIsRefusedAsync(App);

    [Fact]
    public Task TwoOfficersRevokingAtOnce_TheFirstStands_TheOtherIsToldOnTheRow() =>
        ReissueRaces.TwoOfficersRevokingAtOnce_TheFirstStands_TheOtherIsToldOnTheRowAsync(App);

    [Fact]
    public Task ACorrectionRevokingDuringAnOfficersRevoke_Stands_AndTheOfficerIsToldOnTheRow() =>
        ReissueRaces.ACorrectionRevokingDuringAnOfficersRevoke_Stands_AndTheOfficerIsToldOnTheRowAsync(App);

    [Fact]
    public Task TheFilteredIndex_AllowsRevokedRowsBesideOneValid_AndRefusesASecondValid() =>
        ReissueRaces.TheFilteredIndex_AllowsRevokedRowsBesideOneValid_AndRefusesASecondValidAsync(App);
}
