using Microsoft.Extensions.Time.Testing;

namespace TalentHub.IntegrationTests.Support;

/// <summary>The guard the calendar tests take their day from waits out a turning Shanghai day (and so month and year).</summary>
public sealed class ShanghaiDaysTests
{
    private static FakeTimeProvider Shanghai(int y, int m, int d, int h, int min, int s) =>
        new(new DateTimeOffset(y, m, d, h, min, s, TimeSpan.FromHours(8)));

    [Fact]
    public async Task A_second_before_a_Shanghai_year_ends_it_waits_for_the_new_day()
    {
        var clock = Shanghai(2026, 12, 31, 23, 59, 59); // 15:59:59 UTC: still 31 December in UTC too
        var day = ShanghaiDays.RoomInDayAsync(clock: clock);
        Assert.False(day.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.False(day.IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(200));
        Assert.Equal(new DateOnly(2027, 1, 1), await day);
    }

    [Fact]
    public async Task With_room_left_it_returns_the_Shanghai_day_at_once_not_the_UTC_one()
    {
        var clock = Shanghai(2026, 12, 1, 7, 0, 0); // 23:00 UTC on 30 November
        var day = ShanghaiDays.RoomInDayAsync(clock: clock);
        Assert.True(day.IsCompleted);
        Assert.Equal(new DateOnly(2026, 12, 1), await day);
        Assert.Equal(TimeSpan.FromHours(17), ShanghaiDays.LeftOf(clock.GetUtcNow()));
    }
}
