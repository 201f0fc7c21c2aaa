using TalentHub.Web.Domain.Reports;
using TalentHub.Web.Services.Reports;

namespace TalentHub.UnitTests.Services.Reports;

/// <summary>
/// fix34f: the /Reports trend writes "—" for a month without a month-end figure; December of a past year was the live
/// board's figure instead (0 beside eleven "—" when no snapshots were written), so the months disagreed.
/// </summary>
public sealed class DashboardTrendTests
{
    private static readonly Dictionary<string, string> Names = new() { ["330523"] = "安吉县", ["330522"] = "长兴县" };

    private static ProgressBoard Board(int year, DateOnly day, DateTimeOffset asOf) => ProgressBoard.Build(year, day,
        new IndicatorValues(new()
        {
            ["330523"] = new() { [Indicator.PeopleTrained] = 0 },
            ["330522"] = new() { [Indicator.PeopleTrained] = null },
        }),
        []) with { AsOf = asOf };

    [Fact]
    public void PastYear_WithoutMonthEndFigures_IsDashForEveryMonth_DecemberToo()
    {
        var board = Board(2025, new DateOnly(2025, 12, 31), new DateTimeOffset(2026, 12, 3, 2, 0, 0, TimeSpan.Zero));

        var trend = Dashboard.For(board, new Dictionary<int, IndicatorValues>(), Names, null, null).Trend;

        Assert.Equal(12, trend.Count);
        Assert.All(trend, t => Assert.Null(t.Shown));
        Assert.All(trend, t => Assert.Null(t.CityAverage));
    }

    [Fact]
    public void PastYear_December_IsItsMonthEndFigure_LikeTheOtherMonths()
    {
        var board = Board(2025, new DateOnly(2025, 12, 31), new DateTimeOffset(2026, 12, 3, 2, 0, 0, TimeSpan.Zero));
        var ends = new Dictionary<int, IndicatorValues>
        {
            [11] = new(new() { ["330523"] = new() { [Indicator.PeopleTrained] = 40 } }),
            [12] = new(new() { ["330523"] = new() { [Indicator.PeopleTrained] = 55 } }),
        };

        var trend = Dashboard.For(board, ends, Names, "330523", null).Trend;

        Assert.Equal(40m, trend[10].Shown);
        Assert.Equal(55m, trend[11].Shown);
    }

    [Fact]
    public void ThisYear_TheRunningMonth_IsTheLiveFigure()
    {
        var board = Board(2026, new DateOnly(2026, 12, 3), new DateTimeOffset(2026, 12, 3, 2, 0, 0, TimeSpan.Zero));

        var trend = Dashboard.For(board, new Dictionary<int, IndicatorValues>(), Names, null, null).Trend;

        Assert.Equal(0m, trend[11].Shown);
        Assert.Null(trend[10].Shown);
    }
}
