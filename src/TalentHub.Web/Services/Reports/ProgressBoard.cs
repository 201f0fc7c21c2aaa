using TalentHub.Web.Domain.Reports;

namespace TalentHub.Web.Services.Reports;

/// <summary>One county's standing on one indicator: target, actual, shares (0–1) and points behind schedule.</summary>
public sealed record ProgressCell(decimal? Target, decimal? Actual, decimal? ActualShare, decimal ExpectedShare, decimal? PointsBehind)
{
    /// <summary>Behind schedule: the actual share is below the expected share.</summary>
    public bool Lagging => PointsBehind is > 0;
}

/// <summary>One county's row of the board: a cell per indicator, its score, rank and month-on-month movement.</summary>
public sealed record CountyProgress(string County, IReadOnlyDictionary<Indicator, ProgressCell> Cells, decimal? Score, int Rank, int? Movement)
{
    /// <summary>The indicators behind schedule, furthest behind first.</summary>
    public IReadOnlyList<(Indicator Indicator, decimal Points)> Lagging =>
        Cells.Where(c => c.Value.Lagging).Select(c => (c.Key, c.Value.PointsBehind!.Value)).OrderByDescending(c => c.Item2).ToList();
}

/// <summary>Every county's progress against its targets for a year at a day, ranked (比学赶超).</summary>
public sealed record ProgressBoard(int Year, DateOnly Day, IReadOnlyList<CountyProgress> Counties)
{
    /// <summary>
    /// For a live board, the instant its figures were read from the records (UTC; a download states it as "data as of",
    /// fix23); null for a board built from snapshots.
    /// </summary>
    public DateTimeOffset? AsOf { get; init; }

    /// <summary>Builds the board from actual values and the county targets (program targets are not county targets).</summary>
    public static ProgressBoard Build(int year, DateOnly day, IndicatorValues actual, IEnumerable<AnnualTarget> targets,
        IReadOnlyDictionary<string, int>? previousRanks = null)
    {
        var byCounty = targets.Where(t => t.ProgramId == null && t.Year == year)
            .ToLookup(t => t.CountyCode);
        var rows = actual.Counties.Select(county =>
        {
            var cells = Indicators.All.ToDictionary(i => i, i =>
            {
                var target = byCounty[county].FirstOrDefault(t => t.Indicator == i)?.Value;
                var value = actual.Get(county, i);
                var share = Schedule.ActualShare(value, target);
                var expected = Schedule.ExpectedShare(day, year, i);
                return new ProgressCell(target, value, share, expected, Schedule.PointsBehind(share, expected));
            });
            return (county, cells, score: Ranking.Score(cells.Values.Select(c => c.ActualShare)));
        }).ToList();
        var ranks = Ranking.Rank(rows.ToDictionary(r => r.county, r => r.score));
        return new ProgressBoard(year, day, rows
            .Select(r => new CountyProgress(r.county, r.cells, r.score, ranks[r.county],
                Ranking.Movement(ranks[r.county], previousRanks is not null && previousRanks.TryGetValue(r.county, out var p) ? p : null)))
            .OrderBy(r => r.Rank).ThenBy(r => r.County, StringComparer.Ordinal).ToList());
    }

    /// <summary>The city average of one indicator's actual value (counties with a value).</summary>
    public decimal? CityAverage(Indicator indicator)
    {
        var values = Counties.Select(c => c.Cells[indicator].Actual).Where(v => v is not null).Select(v => v!.Value).ToList();
        return values.Count == 0 ? null : Math.Round(values.Average(), 1);
    }

    /// <summary>The city average of one indicator's actual share of target.</summary>
    public decimal? CityAverageShare(Indicator indicator)
    {
        var values = Counties.Select(c => c.Cells[indicator].ActualShare).Where(v => v is not null).Select(v => v!.Value).ToList();
        return values.Count == 0 ? null : Math.Round(values.Average(), 4);
    }
}
