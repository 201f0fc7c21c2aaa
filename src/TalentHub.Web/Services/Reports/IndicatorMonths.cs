using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Data;
using TalentHub.Web.Domain.Reports;

namespace TalentHub.Web.Services.Reports;

/// <summary>Where a month's figures come from.</summary>
public enum IndicatorSource
{
    /// <summary>The nightly snapshot of the month's last day (what /Reports shows for past months).</summary>
    Snapshot,
    /// <summary>The current month: computed live, as /Reports shows it today.</summary>
    Live,
    /// <summary>A past month whose month-end snapshot was never written: computed now for the month's end by the snapshot job's own calculation.</summary>
    Computed,
}

/// <summary>The year-to-date board at the end of one month (the current month: as of now).</summary>
public sealed record IndicatorMonth(int Year, int Month, DateOnly Day, IndicatorSource Source, DateTimeOffset AsOf, ProgressBoard Board);

/// <summary>
/// The month-end boards of a year for the API (issue 14, "indicators per county and month"), composed from the reports'
/// own code: <see cref="ReportsService.SnapshotBoardAsync"/> for past months, <see cref="ReportsService.LiveBoardAsync"/>
/// for the current one, and for a past month without a snapshot the computation the snapshot job writes
/// (<see cref="IndicatorCalculator"/> year to date at the end of the month's last Shanghai day). No figure is computed here.
/// Callers apply the region rules of what a token may see.
/// </summary>
public static class IndicatorMonths
{
    /// <summary>
    /// Months 1 to 12 of <paramref name="year"/> that have begun by <paramref name="now"/> (Shanghai), or only <paramref name="onlyMonth"/>;
    /// empty for a year that has not begun.
    /// </summary>
    public static async Task<IReadOnlyList<IndicatorMonth>> ForYearAsync(TalentHubDbContext db, ReportsService reports, IndicatorCalculator calculator,
        DateTimeOffset now, int year, int? onlyMonth, CancellationToken ct = default)
    {
        var today = ReportPeriod.DayOf(now);
        var lastMonth = year < today.Year ? 12 : year == today.Year ? today.Month : 0;
        var months = new List<IndicatorMonth>();
        foreach (var m in Enumerable.Range(1, lastMonth).Where(m => onlyMonth is null || m == onlyMonth))
        {
            if (year == today.Year && m == today.Month)
            {
                months.Add(new IndicatorMonth(year, m, today, IndicatorSource.Live, now, await reports.LiveBoardAsync(year, ct)));
                continue;
            }
            var day = new DateOnly(year, m, 1).AddMonths(1).AddDays(-1);
            if (await reports.SnapshotBoardAsync(year, day, ct) is { } snapshot)
            {
                var written = await db.Snapshots.AsNoTracking().Where(s => s.Day == day).Select(s => s.WrittenAt).ToListAsync(ct);
                months.Add(new IndicatorMonth(year, m, day, IndicatorSource.Snapshot, written.Max(), snapshot));
                continue;
            }
            var end = ReportPeriod.Midnight(day.AddDays(1));
            var values = await calculator.ComputeAsync(ReportPeriod.YearToDate(year, end), end < now ? end : now, ct);
            months.Add(new IndicatorMonth(year, m, day, IndicatorSource.Computed, now,
                ProgressBoard.Build(year, day, values, await reports.TargetsAsync(year, ct))));
        }
        return months;
    }
}
