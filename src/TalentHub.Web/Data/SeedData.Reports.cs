using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Domain.Regions;
using TalentHub.Web.Domain.Reports;
using TalentHub.Web.Services.Reports;

namespace TalentHub.Web.Data;

public static partial class SeedData
{
    /// <summary>Demo targets per county and indicator (a county index adds 10 % per step so the ranking differs).</summary>
    private static readonly Dictionary<Indicator, decimal> DemoTargets = new()
    {
        [Indicator.PeopleTrained] = 200, [Indicator.CertificatesIssued] = 180, [Indicator.ReturningEntrepreneursSupported] = 30,
        [Indicator.NewFamilyFarms] = 20, [Indicator.NewCooperatives] = 8, [Indicator.DemonstrationEntitiesRated] = 5,
        [Indicator.FollowUpRate] = 90,
    };

    /// <summary>This year's targets for every county and indicator, the snapshots of each month end so far and of yesterday, last month's dispatch report.</summary>
    private static async Task SeedReportsAsync(IServiceProvider sp, TalentHubDbContext db)
    {
        var clock = sp.GetRequiredService<TimeProvider>();
        var today = ReportPeriod.DayOf(clock.GetUtcNow());
        if (!await db.Targets.AnyAsync(t => t.Year == today.Year && t.ProgramId == null))
        {
            var counties = await db.Regions.Where(r => r.Level == RegionLevel.County).OrderBy(r => r.Code).Select(r => r.Code).ToListAsync();
            foreach (var (county, n) in counties.Select((c, n) => (c, n)))
                foreach (var (indicator, value) in DemoTargets)
                    db.Targets.Add(AnnualTarget.Create(today.Year, county, indicator,
                        indicator.IsRate() ? value : Math.Round(value * (1 + n % 3 * 0.1m))));
            await db.SaveChangesAsync();
        }
        var reports = sp.GetRequiredService<ReportsService>();
        var days = Enumerable.Range(1, today.Month - 1).Select(m => new DateOnly(today.Year, m, 1).AddMonths(1).AddDays(-1)).ToList();
        if (today.Day > 1) days.Add(today.AddDays(-1));
        foreach (var day in days.Where(d => d.Year == today.Year))
            if (!await db.Snapshots.AnyAsync(s => s.Day == day)) await reports.WriteSnapshotAsync(day);
        var lastMonth = today.AddMonths(-1);
        await sp.GetRequiredService<DispatchService>().IssueAsync(lastMonth.Year, lastMonth.Month, null, regenerate: false);
    }
}
