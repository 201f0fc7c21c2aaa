using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Data;
using TalentHub.Web.Domain.Reports;
using TalentHub.Web.Services;

namespace TalentHub.Web.Services.Reports;

/// <summary>
/// Reads and writes the report figures: today live from <see cref="IndicatorCalculator"/>, history from the nightly
/// <see cref="IndicatorSnapshot"/> rows. Callers apply the region rules of what a user may see.
/// </summary>
public sealed class ReportsService(TalentHubDbContext db, IndicatorCalculator calculator, TimeProvider clock, LiveCache cache)
{
    /// <summary>
    /// The board of <paramref name="year"/> as of now (live), with movement against the end of last month's snapshot. The
    /// whole city's board (callers apply the region rules), reused per year and day until data changes or
    /// <see cref="LiveCache.DashboardTtl"/> passes (issue 12: seven aggregate queries per request were the dashboard's cost).
    /// </summary>
    public Task<ProgressBoard> LiveBoardAsync(int year, CancellationToken ct = default) =>
        cache.DashboardAsync(("board", year, ReportPeriod.DayOf(clock.GetUtcNow())), () => ComputeLiveBoardAsync(year, CancellationToken.None));

    private async Task<ProgressBoard> ComputeLiveBoardAsync(int year, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = ReportPeriod.DayOf(now);
        var asOf = year < today.Year ? ReportPeriod.Year(year).End : now;
        var day = year < today.Year ? new DateOnly(year, 12, 31) : today;
        var actual = await calculator.ComputeAsync(ReportPeriod.YearToDate(year, asOf), now, ct);
        var previous = await SnapshotBoardAsync(year, new DateOnly(day.Year, day.Month, 1).AddDays(-1), ct);
        return ProgressBoard.Build(year, day, actual, await TargetsAsync(year, ct), previous?.Counties.ToDictionary(c => c.County, c => c.Rank))
            with { AsOf = now };
    }

    /// <summary>The board of <paramref name="year"/> at the end of <paramref name="day"/> from its snapshot; null when none was written.</summary>
    public async Task<ProgressBoard?> SnapshotBoardAsync(int year, DateOnly day, CancellationToken ct = default) =>
        day.Year == year && await SnapshotAsync(day, ct) is { } values ? ProgressBoard.Build(year, day, values, await TargetsAsync(year, ct)) : null;

    /// <summary>The year-to-date values the nightly snapshot wrote for the end of <paramref name="day"/>; null when none was written.</summary>
    public async Task<IndicatorValues?> SnapshotAsync(DateOnly day, CancellationToken ct = default)
    {
        var rows = await db.Snapshots.AsNoTracking().Where(s => s.Day == day).ToListAsync(ct);
        return rows.Count == 0 ? null : new IndicatorValues(rows.GroupBy(r => r.CountyCode)
            .ToDictionary(g => g.Key, g => g.ToDictionary(r => r.Indicator, r => r.Value)));
    }

    /// <summary>Month-end snapshot values of one indicator per county for a year (month 1–12 → county → value).</summary>
    public async Task<IReadOnlyDictionary<int, IndicatorValues>> MonthEndsAsync(int year, CancellationToken ct = default)
    {
        var ends = Enumerable.Range(1, 12).Select(m => new DateOnly(year, m, 1).AddMonths(1).AddDays(-1)).ToList();
        var rows = await db.Snapshots.AsNoTracking().Where(s => ends.Contains(s.Day)).ToListAsync(ct);
        return rows.GroupBy(r => r.Day.Month).ToDictionary(g => g.Key, g => new IndicatorValues(g.GroupBy(r => r.CountyCode)
            .ToDictionary(c => c.Key, c => c.ToDictionary(r => r.Indicator, r => r.Value))));
    }

    /// <summary>County targets (not program targets) of a year.</summary>
    public async Task<List<AnnualTarget>> TargetsAsync(int year, CancellationToken ct = default) =>
        await db.Targets.AsNoTracking().Where(t => t.Year == year && t.ProgramId == null).ToListAsync(ct);

    /// <summary>
    /// Writes every county's year-to-date indicators at the end of <paramref name="day"/> (Shanghai). Idempotent: a row
    /// per day, county and indicator is updated in place, so running twice leaves the same rows. Returns rows written.
    /// </summary>
    public async Task<int> WriteSnapshotAsync(DateOnly day, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var end = ReportPeriod.Midnight(day.AddDays(1));
        var values = await calculator.ComputeAsync(ReportPeriod.YearToDate(day.Year, end), end < now ? end : now, ct);
        var existing = await db.Snapshots.Where(s => s.Day == day).ToListAsync(ct);
        var written = 0;
        foreach (var county in values.Counties)
            foreach (var indicator in Indicators.All)
            {
                var row = existing.FirstOrDefault(s => s.CountyCode == county && s.Indicator == indicator);
                if (row is null) db.Snapshots.Add(row = new IndicatorSnapshot { Day = day, CountyCode = county, Indicator = indicator });
                row.Value = values.Get(county, indicator);
                row.WrittenAt = now;
                written++;
            }
        await db.SaveChangesAsync(ct);
        return written;
    }
}
