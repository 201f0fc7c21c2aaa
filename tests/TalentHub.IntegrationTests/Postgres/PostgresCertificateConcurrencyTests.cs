using TalentHub.IntegrationTests.Concurrency;

namespace TalentHub.IntegrationTests.Postgres;

/// <summary>The per-county-year counter row orders concurrent issuers on PostgreSQL too.</summary>
public sealed class PostgresCertificateConcurrencyTests(PostgresFactory app) : PostgresTest(app)
{
    [PostgresFact]
    public Task FourIssuersAtOnce_CertifyEachTraineeOnce_WithGaplessSerials() =>
        CertificateRaces.FourIssuersAtOnce_CertifyEachTraineeOnce_WithGaplessSerialsAsync(App);
}
