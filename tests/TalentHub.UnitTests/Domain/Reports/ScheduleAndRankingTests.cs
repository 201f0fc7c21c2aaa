using TalentHub.Web.Domain;
using TalentHub.Web.Domain.Reports;

namespace TalentHub.UnitTests.Domain.Reports;

public sealed class ScheduleAndRankingTests
{
    [Theory]
    [InlineData(2027, 1, 1, 0.0027)]    // 1/365
    [InlineData(2027, 7, 2, 0.5014)]    // day 183 of 365
    [InlineData(2027, 12, 31, 1.0)]
    [InlineData(2028, 12, 31, 1.0)]     // leap year: 366/366
    [InlineData(2028, 2, 29, 0.1639)]   // 60/366
    public void ExpectedShare_IsDaysElapsedOverDaysInYear(int y, int m, int d, double expected) =>
        Assert.Equal((decimal)expected, Schedule.ExpectedShare(new DateOnly(y, m, d), y, Indicator.PeopleTrained));

    [Fact]
    public void ExpectedShare_BeforeTheYearIsZero_AfterIsOne_AndARateIsAlwaysInFull()
    {
        Assert.Equal(0m, Schedule.ExpectedShare(new DateOnly(2026, 12, 31), 2027, Indicator.CertificatesIssued));
        Assert.Equal(1m, Schedule.ExpectedShare(new DateOnly(2028, 1, 1), 2027, Indicator.CertificatesIssued));
        Assert.Equal(1m, Schedule.ExpectedShare(new DateOnly(2027, 1, 1), 2027, Indicator.FollowUpRate));
    }

    [Fact]
    public void PointsBehind_IsExpectedMinusActualInPercentagePoints()
    {
        Assert.Equal(0.25m, Schedule.ActualShare(30, 120));
        Assert.Equal(24.9m, Schedule.PointsBehind(0.25m, 0.4986m));
        Assert.Equal(-10m, Schedule.PointsBehind(0.6m, 0.5m));
        Assert.Null(Schedule.ActualShare(30, 0));
        Assert.Null(Schedule.PointsBehind(null, 0.5m));
    }

    [Fact]
    public void Rank_TiesShareARank_AndTheNextRankSkips()
    {
        var ranks = Ranking.Rank(new Dictionary<string, decimal?> { ["a"] = 0.9m, ["b"] = 0.7m, ["c"] = 0.9m, ["d"] = 0.5m, ["e"] = null });
        Assert.Equal(1, ranks["a"]);
        Assert.Equal(1, ranks["c"]);
        Assert.Equal(3, ranks["b"]);
        Assert.Equal(4, ranks["d"]);
        Assert.Equal(5, ranks["e"]);
    }

    [Fact]
    public void Score_CapsEachShareAt150Percent_AndIgnoresUnjudged()
    {
        Assert.Equal(1.0m, Ranking.Score([2.0m, 0.5m, null]));
        Assert.Null(Ranking.Score([null, null]));
    }

    [Fact]
    public void Movement_IsPlacesGainedSinceLastMonth()
    {
        Assert.Equal(2, Ranking.Movement(1, 3));
        Assert.Equal(-1, Ranking.Movement(4, 3));
        Assert.Null(Ranking.Movement(2, null));
    }

    [Fact]
    public void Target_RefusesNegativeFractionalCountsAndRatesOver100()
    {
        Assert.Equal("Target.Negative", Assert.Throws<DomainException>(() => AnnualTarget.Create(2027, "330523000000", Indicator.PeopleTrained, -1)).MessageKey);
        Assert.Equal("Target.WholeNumber", Assert.Throws<DomainException>(() => AnnualTarget.Create(2027, "330523000000", Indicator.PeopleTrained, 1.5m)).MessageKey);
        Assert.Equal("Target.RateOver100", Assert.Throws<DomainException>(() => AnnualTarget.Create(2027, "330523000000", Indicator.FollowUpRate, 101)).MessageKey);
        Assert.Equal(92.5m, AnnualTarget.Create(2027, "330523000000", Indicator.FollowUpRate, 92.5m).Value);
    }

    [Fact]
    public void Target_RefusesARateWithMoreThanOneDecimal()
    {
        Assert.Equal("Target.RateOneDecimal", Assert.Throws<DomainException>(() => AnnualTarget.Create(2027, "330523000000", Indicator.FollowUpRate, 92.55m)).MessageKey);
        Assert.Equal(92.50m, AnnualTarget.Create(2027, "330523000000", Indicator.FollowUpRate, 92.50m).Value);
    }

    [Fact]
    public void Month_IsCutAtShanghaiMidnight()
    {
        var feb = ReportPeriod.Month(2027, 2);
        Assert.Equal(new DateTimeOffset(2027, 1, 31, 16, 0, 0, TimeSpan.Zero), feb.Start);
        Assert.Equal(new DateTimeOffset(2027, 2, 28, 16, 0, 0, TimeSpan.Zero), feb.End);
        Assert.Equal(new DateOnly(2027, 2, 1), ReportPeriod.DayOf(new DateTimeOffset(2027, 1, 31, 16, 30, 0, TimeSpan.Zero)));
    }
}
