using Microsoft.Extensions.Time.Testing;
using TalentHub.Web.Infrastructure.Security;

namespace TalentHub.UnitTests.Infrastructure.Security;

/// <summary>The in-memory per-address ceilings (SQLite): clock-aligned fixed windows, and a refund for a "busy" answer.</summary>
public sealed class MemoryAddressLimitsTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2027, 3, 5, 8, 0, 20, TimeSpan.Zero));
    private static readonly RequestLimits.AddressPolicy Login = new("login", "203.0.113.9", 2, TimeSpan.FromMinutes(1));

    private long Window => Login.WindowAt(_clock.GetUtcNow());

    [Fact]
    public void OverTheCeiling_WaitsUntilTheWindowEnds()
    {
        var limits = new MemoryAddressLimits(_clock);
        Assert.Null(limits.Count(Login, Window));
        Assert.Null(limits.Count(Login, Window));
        Assert.Equal(TimeSpan.FromSeconds(40), limits.Count(Login, Window));
        _clock.Advance(TimeSpan.FromSeconds(40));
        Assert.Null(limits.Count(Login, Window));
    }

    [Fact]
    public void ARefundedPost_FreesItsPlace_NeverBelowZero()
    {
        var limits = new MemoryAddressLimits(_clock);
        limits.Refund(Login, Window);
        Assert.Null(limits.Count(Login, Window));
        limits.Refund(Login, Window);
        limits.Refund(Login, Window);
        Assert.Null(limits.Count(Login, Window));
        Assert.Null(limits.Count(Login, Window));
        Assert.NotNull(limits.Count(Login, Window));
    }

    [Fact]
    public void AnotherAddressOrCeiling_CountsApart()
    {
        var limits = new MemoryAddressLimits(_clock);
        for (var i = 0; i < 2; i++) limits.Count(Login, Window);
        Assert.Null(limits.Count(Login with { Address = "203.0.113.10" }, Window));
        Assert.Null(limits.Count(Login with { Name = "signup", Window = TimeSpan.FromHours(1) }, Window));
        Assert.NotNull(limits.Count(Login, Window));
    }

    [Fact]
    public void ManyAddresses_PastWindowsAreDropped_AtMostOncePerPruneInterval()
    {
        var limits = new MemoryAddressLimits(_clock); // 08:00:20, the login window ends at 08:01:00
        for (var i = 0; i < 10_001; i++) limits.Count(Login with { Address = "2001:db8::" + i.ToString("x") }, Window);
        Assert.Equal(10_001, limits.Held); // all live: nothing to drop (a pass ran; the next may run at 08:00:30)
        _clock.Advance(TimeSpan.FromSeconds(38)); // 08:00:58: a pass runs, still nothing ended; next at 08:01:08
        limits.Count(Login, Window);
        _clock.Advance(TimeSpan.FromSeconds(4)); // 08:01:02: the window has ended, but no pass is due yet
        limits.Count(Login, Window);
        Assert.Equal(10_003, limits.Held); // 10,002 ended counters kept, and the new window's one
        _clock.Advance(MemoryAddressLimits.PruneEvery); // 08:01:12
        limits.Count(Login, Window);
        Assert.Equal(1, limits.Held); // only this window's counter (two posts)
    }
}
