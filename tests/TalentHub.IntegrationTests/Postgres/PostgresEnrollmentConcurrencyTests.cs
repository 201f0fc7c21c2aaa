using TalentHub.IntegrationTests.Concurrency;

namespace TalentHub.IntegrationTests.Postgres;

/// <summary>The seat claim is atomic at the database on PostgreSQL too: the same races as on SQLite.</summary>
public sealed class PostgresEnrollmentConcurrencyTests(PostgresFactory app) : PostgresTest(app)
{
    [PostgresFact]
    public Task TwoHundredConcurrentEnrollments_InAFiftySeatCourse_ConfirmExactlyFifty_AndWaitlistTheRestInOrder() =>
        EnrollmentRaces.TwoHundredEnrollmentsIntoFiftySeatsAsync(App);

    [PostgresFact]
    public Task CancellationsRacingEachOther_PromoteTheWaitlistInOrder_WithoutExceedingCapacity() =>
        EnrollmentRaces.CancellationsRacingPromotionsAsync(App);
}
