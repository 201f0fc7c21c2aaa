namespace TalentHub.IntegrationTests.Concurrency;

/// <summary>Capacity is never exceeded, whatever the concurrency: proven through the real HTTP endpoint on SQLite.</summary>
public sealed class EnrollmentConcurrencyTests(TalentHubFactory app) : AppTest(app)
{
    [Fact]
    public Task TwoHundredConcurrentEnrollments_InAFiftySeatCourse_ConfirmExactlyFifty_AndWaitlistTheRestInOrder() =>
        EnrollmentRaces.TwoHundredEnrollmentsIntoFiftySeatsAsync(App);

    [Fact]
    public Task CancellationsRacingEachOther_PromoteTheWaitlistInOrder_WithoutExceedingCapacity() =>
        EnrollmentRaces.CancellationsRacingPromotionsAsync(App);
}
