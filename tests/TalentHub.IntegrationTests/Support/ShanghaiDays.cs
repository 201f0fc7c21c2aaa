using TalentHub.Web.Domain.Reports;

namespace TalentHub.IntegrationTests.Support;

/// <summary>
/// The app's calendar is Asia/Shanghai (<see cref="ReportPeriod.DayOf"/>): its day, month and year turn at 16:00 UTC.
/// A test that computes "today", "this month" or "last month" on the real clock and then asks the app, which reads the
/// clock again per request, must not let a turn fall between the two, or the two sides disagree. Tests take the day
/// from <see cref="RoomInDayAsync"/> once and use it for every expectation.
/// </summary>
public static class ShanghaiDays
{
    /// <summary>Room enough for one test's requests, also on a loaded CI machine.</summary>
    public static readonly TimeSpan Need = TimeSpan.FromSeconds(60);

    /// <summary>The Shanghai calendar date on <paramref name="clock"/> (the system clock when null).</summary>
    public static DateOnly Today(TimeProvider? clock = null) => ReportPeriod.DayOf((clock ?? TimeProvider.System).GetUtcNow());

    /// <summary>How long the Shanghai day of <paramref name="now"/> has left.</summary>
    public static TimeSpan LeftOf(DateTimeOffset now) => ReportPeriod.Midnight(ReportPeriod.DayOf(now).AddDays(1)) - now;

    /// <summary>
    /// Returns today's Shanghai date at once when the day has at least <paramref name="need"/> (default <see cref="Need"/>)
    /// left; else waits for the next day to begin and returns that one.
    /// </summary>
    public static async Task<DateOnly> RoomInDayAsync(TimeSpan? need = null, TimeProvider? clock = null)
    {
        clock ??= TimeProvider.System;
        var left = LeftOf(clock.GetUtcNow());
        if (left < (need ?? Need)) await Task.Delay(left + TimeSpan.FromMilliseconds(200), clock);
        return Today(clock);
    }
}
