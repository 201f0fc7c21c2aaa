using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using TalentHub.IntegrationTests.Api;

namespace TalentHub.IntegrationTests.Pages.Reports;

/// <summary>
/// An app started and seeded at 23:57 on 30 November 2026 (Asia/Shanghai), whose clock is then moved to 00:00:01 on
/// 1 December: a run of the suite that crosses a month's turn, one second after it.
/// </summary>
public sealed class AfterMidnightFactory : TalentHubFactory
{
    public FakeTimeProvider FakeClock { get; } = new(new DateTimeOffset(2026, 11, 30, 23, 57, 0, TimeSpan.FromHours(8)));

    protected override TimeProvider Clock => FakeClock;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Quartz:Enabled"] = "false" };

    /// <summary>Starts (migrates, seeds) the app on 30 November, then moves the clock past midnight; once.</summary>
    public AfterMidnightFactory()
    {
        this.NewClient().Dispose();
        FakeClock.Advance(TimeSpan.FromMinutes(3) + TimeSpan.FromSeconds(1));
    }
}

/// <summary>
/// What the month-sensitive tests look for, one second after a month turned under an app seeded before it: the seed's
/// "last month" (<see cref="TalentHubFactory.SeedDay"/>), not today's, and last month's end written before the API is asked.
/// </summary>
public sealed class SeedDayTests(AfterMidnightFactory app) : IClassFixture<AfterMidnightFactory>
{
    private static string Month(DateOnly day) => day.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_seed_issued_the_report_of_the_month_before_its_day_not_of_todays_last_month()
    {
        var issued = await app.QueryAsync(db => db.DispatchReports.Select(r => r.Month).ToListAsync());

        Assert.Equal(new DateOnly(2026, 11, 30), app.SeedDay);
        Assert.Equal(["2026-10"], issued);
        Assert.Equal("2026-10", Month(app.SeedDay.AddMonths(-1)));
        Assert.DoesNotContain(Month(ShanghaiDays.Today(app.FakeClock).AddMonths(-1)), issued); // "2026-11": what was looked for
    }

    [Fact]
    public async Task Indicators_updated_since_a_minute_ahead_are_only_the_live_month_once_last_months_end_is_written()
    {
        var api = app.ApiClientFor(await app.IssueAsync("city.officer", ApiClient.City, false, "indicators"));
        var since = Uri.EscapeDataString(app.FakeClock.GetUtcNow().AddMinutes(1).ToString("O"));
        async Task<List<string?>> IdsAsync() => (await api.JsonAsync($"/api/v1/indicators?county={ApiClient.Anji}&updatedSince={since}"))
            .GetProperty("items").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();

        // Without the month end the app computes November now, newer than any snapshot: the test's old expectation failed.
        Assert.Equal([$"{ApiClient.Anji}-2026-11", $"{ApiClient.Anji}-2026-12"], await IdsAsync());

        await ApiIndicatorsTests.LastMonthEndWrittenAsync(app, ShanghaiDays.Today(app.FakeClock));
        Assert.Equal([$"{ApiClient.Anji}-2026-12"], await IdsAsync());
    }
}
