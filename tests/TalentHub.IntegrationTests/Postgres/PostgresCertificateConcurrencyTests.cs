using TalentHub.IntegrationTests.Concurrency;

namespace TalentHub.IntegrationTests.Postgres;

/// <summary>The per-county-year counter row orders concurrent issuers on PostgreSQL too.</summary>
public sealed class PostgresCertificateConcurrencyTests(PostgresFactory app) : PostgresTest(app)
{
    [PostgresFact]
    public Task FourIssuersAtOnce_CertifyEachTraineeOnce_WithGaplessSerials() =>
        CertificateRaces.FourIssuersAtOnce_CertifyEachTraineeOnce_WithGaplessSerialsAsync(App);

    [PostgresFact]
    public Task CorrectionAfterTheDueListWasRead_TheJobSkipsTheTraineeNoLongerCompleted() =>
        CertificateRaces.CorrectionAfterTheDueListWasRead_TheJobSkipsTheTraineeNoLongerCompletedAsync(App);
}

/// <summary>The loser of two officers issuing the same dispatch month gets the stored report on PostgreSQL too.</summary>
public sealed class PostgresDispatchConcurrencyTests(PostgresFactory app) : PostgresTest(app)
{
    [PostgresFact]
    public Task TwoOfficersIssuingTheSameMonth_TheLoserGetsTheStoredReport() =>
        DispatchRaces.TheLoserOfTheSameMonth_GetsTheStoredReport_NotAnErrorAsync(App, 2024, 2);
}

/// <summary>reissue33 on PostgreSQL: the filtered unique index ("RevokedAt" IS NULL) and two reissues at once.</summary>
public sealed class PostgresReissueTests(PostgresFactory app) : PostgresTest(app)
{
    [PostgresFact]
    public Task TheFilteredIndex_AllowsRevokedRowsBesideOneValid_AndRefusesASecondValid() =>
        ReissueRaces.TheFilteredIndex_AllowsRevokedRowsBesideOneValid_AndRefusesASecondValidAsync(App);

    [PostgresFact]
    public Task TwoOfficersReissuingAtOnce_OneNewCertificate_TheOtherIsRefused() =>
        ReissueRaces.TwoOfficersReissuingAtOnce_OneNewCertificate_TheOtherIsRefusedAsync(App);

    [PostgresFact]
    public Task TwoOfficersRevokingAtOnce_TheFirstStands_TheOtherIsToldOnTheRow() =>
        ReissueRaces.TwoOfficersRevokingAtOnce_TheFirstStands_TheOtherIsToldOnTheRowAsync(App);

    [PostgresFact]
    public Task ACorrectionRevokingDuringAnOfficersRevoke_Stands_AndTheOfficerIsToldOnTheRow() =>
        ReissueRaces.ACorrectionRevokingDuringAnOfficersRevoke_Stands_AndTheOfficerIsToldOnTheRowAsync(App);
}
