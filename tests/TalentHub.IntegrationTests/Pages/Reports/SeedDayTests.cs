using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace TalentHub.IntegrationTests.Pages.Reports;

/// <summary>An app started and seeded at 23:57 on 30 November 2026 (Asia/Shanghai), on a clock the test moves on.</summary>
public sealed class BeforeMidnightFactory : TalentHubFactory
{
    public FakeTimeProvider FakeClock { get; } = new(new DateTimeOffset(2026, 11, 30, 23, 57, 0, TimeSpan.FromHours(8)));

    protected override TimeProvider Clock => FakeClock;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Quartz:Enabled"] = "false" };
}

/// <summary>
/// Tests that check what the seed made take "last month" from <see cref="TalentHubFactory.SeedDay"/>: a run that crosses
/// a month's turn asks the app, seeded in the old month, for a month it never issued when it takes today's.
/// </summary>
public sealed class SeedDayTests
{
    [Fact]
    public async Task An_app_seeded_before_the_month_turned_holds_the_report_of_the_month_before_its_seed_day_not_of_today()
    {
        using var app = new BeforeMidnightFactory();
        app.NewClient().Dispose(); // starts, migrates and seeds on 30 November
        app.FakeClock.Advance(TimeSpan.FromMinutes(3) + TimeSpan.FromSeconds(1)); // 00:00:01 on 1 December

        var todaysLastMonth = ShanghaiDays.Today(app.FakeClock).AddMonths(-1).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        var seededLastMonth = app.SeedDay.AddMonths(-1).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        var issued = await app.QueryAsync(db => db.DispatchReports.Select(r => r.Month).ToListAsync());

        Assert.Equal(new DateOnly(2026, 11, 30), app.SeedDay);
        Assert.Equal("2026-10", seededLastMonth);
        Assert.Equal([seededLastMonth], issued);
        Assert.DoesNotContain(todaysLastMonth, issued); // "2026-11": what the tests looked for when they took today's
    }
}
