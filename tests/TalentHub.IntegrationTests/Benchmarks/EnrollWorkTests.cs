using TalentHub.Benchmarks;

namespace TalentHub.IntegrationTests.Benchmarks;

/// <summary>The enroll metric must not run out of courses before a level ends (issue 12: "enroll @1" at city scale).</summary>
public class EnrollWorkTests
{
    [Fact]
    public void FarmersPerClient_GivesEachLevelEnoughCourseWalksForItsWholeDuration()
    {
        var perClient = AppMetrics.FarmersPerClient([1, 8, 32], courses: 300, farmers: 4_960, seconds: 4);

        Assert.Equal([14, 2, 1], perClient);
        foreach (var (clients, farmers) in new[] { 1, 8, 32 }.Zip(perClient))
            Assert.True(farmers * 300 >= 1_000 * 4 / clients, $"{clients} clients run out of courses");
    }

    [Fact]
    public void FarmersPerClient_FallsBackToOneFarmerEachWhenTheDataHasTooFew()
    {
        Assert.Equal([1, 1, 1], AppMetrics.FarmersPerClient([1, 8, 32], courses: 30, farmers: 60, seconds: 4));
    }
}
