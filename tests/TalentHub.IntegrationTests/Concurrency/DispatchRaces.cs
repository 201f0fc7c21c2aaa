using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TalentHub.Web.Data;
using TalentHub.Web.Services.Audit;
using TalentHub.Web.Services.Reports;

namespace TalentHub.IntegrationTests.Concurrency;

/// <summary>
/// Two officers issuing the same dispatch month at once (run on SQLite and PostgreSQL). The race is made deterministic:
/// the loser's clock, first asked for the time after the loser read "no report yet", lets the winner issue the month in
/// another scope, so the loser's insert always meets the unique index on Month (review12: a 500).
/// </summary>
public static class DispatchRaces
{
    public static async Task TheLoserOfTheSameMonth_GetsTheStoredReport_NotAnErrorAsync(TalentHubFactory app, int year, int month)
    {
        var key = $"{year:0000}-{month:00}";
        using var loser = app.Services.CreateScope();
        var sp = loser.ServiceProvider;
        var clock = new RivalFirstClock(() =>
        {
            using var winner = app.Services.CreateScope();
            winner.ServiceProvider.GetRequiredService<DispatchService>().IssueAsync(year, month, "winner", regenerate: false).GetAwaiter().GetResult();
        });
        var service = new DispatchService(sp.GetRequiredService<TalentHubDbContext>(), sp.GetRequiredService<IndicatorCalculator>(), sp.GetRequiredService<ReportsService>(),
            sp.GetRequiredService<ExamplesService>(), sp.GetRequiredService<AuditLog>(), clock);

        var report = await service.IssueAsync(year, month, "loser", regenerate: false);

        Assert.True(clock.RivalRan);
        var stored = await app.QueryAsync(db => db.DispatchReports.AsNoTracking().SingleAsync(r => r.Month == key));
        Assert.Equal(stored.Id, report.Id);
        Assert.Equal("winner", stored.IssuedBy);
        Assert.Equal(stored.Figures, report.Figures);
        // The loser's context is usable afterwards (nothing of its refused insert is left to save).
        Assert.Equal(0, await sp.GetRequiredService<TalentHubDbContext>().SaveChangesAsync());
    }

    /// <summary>The system clock that runs the rival once, on the first reading.</summary>
    private sealed class RivalFirstClock(Action rival) : TimeProvider
    {
        public bool RivalRan { get; private set; }

        public override DateTimeOffset GetUtcNow()
        {
            if (!RivalRan)
            {
                RivalRan = true;
                rival();
            }
            return System.GetUtcNow();
        }
    }
}
