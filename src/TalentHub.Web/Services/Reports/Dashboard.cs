using Microsoft.Extensions.Localization;
using TalentHub.Web.Domain.Reports;
using TalentHub.Web.Services.Spreadsheets;

namespace TalentHub.Web.Services.Reports;

/// <summary>
/// What one user may see of a year's board (PRODUCT.md §7): city roles every county (or the one filtered); a county
/// role only its own county's figures beside the city average, and every county's rank without figures.
/// </summary>
public sealed class Dashboard
{
    public required ProgressBoard Board { get; init; }
    /// <summary>The counties whose figures are shown (all, the filtered one, or the user's own).</summary>
    public required IReadOnlyList<CountyProgress> Shown { get; init; }
    /// <summary>True for a county role: figures of other counties are never included.</summary>
    public required bool CountyView { get; init; }
    public required IReadOnlyDictionary<string, string> CountyNames { get; init; }
    /// <summary>People trained, year to date at each month end (1–12), for the shown counties together.</summary>
    public required IReadOnlyList<(int Month, decimal? Shown, decimal? CityAverage)> Trend { get; init; }

    /// <summary>Builds the view for a scope: <paramref name="scopeCounty"/> is the county role's county (null for city roles).</summary>
    public static Dashboard For(ProgressBoard board, IReadOnlyDictionary<int, IndicatorValues> monthEnds, IReadOnlyDictionary<string, string> names,
        string? scopeCounty, string? filterCounty)
    {
        var only = scopeCounty ?? (filterCounty is not null && names.ContainsKey(filterCounty) ? filterCounty : null);
        var shown = board.Counties.Where(c => only is null || c.County == only).ToList();
        var lastMonth = board.Day.Year == board.Year ? board.Day.Month : 12;
        // Only a month still running has no month-end snapshot yet and takes the live board's figure; every finished month,
        // December of a past year too, is its month-end snapshot or "—" when none was written (fix34f: a past year showed
        // "—" for January to November and the live 0 for December).
        var running = board.AsOf is not { } asOf || ReportPeriod.DayOf(asOf) <= board.Day;
        var trend = Enumerable.Range(1, lastMonth).Select(m =>
        {
            decimal? Sum(IEnumerable<string> counties) => m == lastMonth && running
                ? counties.Sum(c => board.Counties.First(x => x.County == c).Cells[Indicator.PeopleTrained].Actual ?? 0)
                : monthEnds.TryGetValue(m, out var v) ? counties.Sum(c => v.Get(c, Indicator.PeopleTrained) ?? 0) : null;
            var all = board.Counties.Select(c => c.County).ToList();
            var total = Sum(all);
            return (m, Sum(shown.Select(c => c.County)), total is null || all.Count == 0 ? null : (decimal?)Math.Round(total.Value / all.Count, 1));
        }).ToList();
        return new Dashboard { Board = board, Shown = shown, CountyView = scopeCounty is not null, CountyNames = names, Trend = trend };
    }

    /// <summary>
    /// The tables of the page as sheets for .xlsx/.csv export (the same numbers): progress (per indicator the actual, its
    /// share of the target and the schedule's share; overall progress; movement since last month), ranking, trend; the numbers
    /// as the page shows them (<see cref="ReportNumbers"/>: shares as percentages, at most one decimal).
    /// </summary>
    public IReadOnlyList<SheetData> Sheets(IStringLocalizer l)
    {
        string Name(string code) => CountyNames.GetValueOrDefault(code, code);
        var headers = new List<string> { l["Reports.Rank"], l["Targets.County"] };
        foreach (var i in Indicators.All)
        {
            headers.Add($"{l["Indicator." + i]} · {l["Targets.Actual"]}");
            headers.Add(l["Reports.InPercent", $"{l["Indicator." + i]} · {l["Targets.ActualShare"]}"]);
            headers.Add(l["Reports.InPercent", $"{l["Indicator." + i]} · {l["Targets.Schedule"]}"]);
        }
        headers.Add(l["Reports.InPercent", l["Reports.Score"].Value]);
        headers.Add(l["Reports.Movement"]);
        // Where the page writes a word or a symbol for a figure, the files write the same (imports32): "—" for none,
        // 未设目标 / No target for both shares of an indicator without a target, the movement in words (持平, 上升2位 …).
        object None(object? value) => value ?? ReportNumbers.None;
        var noTarget = l["Reports.NoTarget"].Value;
        var rows = Shown.Select(c =>
        {
            var row = new List<object?> { c.Rank, Name(c.County) };
            foreach (var i in Indicators.All)
            {
                row.Add(None(c.Cells[i].Actual));
                row.Add(c.Cells[i].Target is null ? noTarget : None(ReportNumbers.Percent(c.Cells[i].ActualShare)));
                row.Add(c.Cells[i].Target is null ? noTarget : None(ReportNumbers.Percent(c.Cells[i].ExpectedShare)));
            }
            row.Add(None(ReportNumbers.Percent(c.Score)));
            row.Add(ReportNumbers.Movement(c.Movement, l));
            return (IReadOnlyList<object?>)row;
        }).ToList();
        // The city average: its figures as the page writes them; no schedule, overall progress or movement (empty there too).
        var average = new List<object?> { null, l["Reports.CityAverage"].Value };
        foreach (var i in Indicators.All) { average.Add(None(Board.CityAverage(i))); average.Add(None(ReportNumbers.Percent(Board.CityAverageShare(i)))); average.Add(null); }
        average.Add(null);
        average.Add(null);
        rows.Add(average);
        var ranking = new SheetData(l["Sheet.Ranking"], [l["Reports.Rank"], l["Targets.County"], l["Reports.Movement"]],
            Board.Counties.Select(c => (IReadOnlyList<object?>)[c.Rank, Name(c.County), ReportNumbers.Movement(c.Movement, l)]).ToList());
        var trend = new SheetData(l["Sheet.Trend"], [l["Reports.Month"], l["Reports.Shown"], l["Reports.CityAverage"]],
            Trend.Select(t => (IReadOnlyList<object?>)[t.Month, None(t.Shown), None(t.CityAverage)]).ToList());
        return [.. new[] { new SheetData(l["Sheet.Progress"], headers, rows), ranking, trend }.Select(ReportNumbers.AsShown)];
    }
}
