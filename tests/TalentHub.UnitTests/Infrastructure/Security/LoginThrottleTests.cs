using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using TalentHub.Web.Infrastructure.Security;

namespace TalentHub.UnitTests.Infrastructure.Security;

public sealed class LoginThrottleTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2027, 3, 5, 8, 0, 0, TimeSpan.Zero));
    private readonly LoginThrottleOptions _options = new();

    private MemoryLoginThrottle NewThrottle() => new(Options.Create(_options), _clock);

    [Fact]
    public async Task FourFailures_CostNothing_TheFifthStartsAThirtySecondWait()
    {
        var throttle = NewThrottle();
        for (var i = 0; i < 4; i++) await throttle.FailedAsync("a");
        Assert.Equal(TimeSpan.Zero, await throttle.WaitAsync("a"));

        await throttle.FailedAsync("a");

        Assert.Equal(TimeSpan.FromSeconds(30), await throttle.WaitAsync("a"));
        Assert.Equal(TimeSpan.Zero, await throttle.WaitAsync("b"));
    }

    [Fact]
    public async Task TheWait_DoublesWithEachFailure_UpToTheMaximum_AndEndsByItself()
    {
        var throttle = NewThrottle();
        for (var i = 0; i < 6; i++) await throttle.FailedAsync("a");
        Assert.Equal(TimeSpan.FromMinutes(1), await throttle.WaitAsync("a"));
        for (var i = 0; i < 10; i++) await throttle.FailedAsync("a");
        Assert.Equal(_options.MaxDelay, await throttle.WaitAsync("a"));

        _clock.Advance(_options.MaxDelay);

        Assert.Equal(TimeSpan.Zero, await throttle.WaitAsync("a"));
    }

    [Fact]
    public async Task Success_ForgetsTheFailures()
    {
        var throttle = NewThrottle();
        for (var i = 0; i < 5; i++) await throttle.FailedAsync("a");

        await throttle.SucceededAsync("a");

        Assert.Equal(TimeSpan.Zero, await throttle.WaitAsync("a"));
    }

    [Fact]
    public async Task OldFailures_AreForgottenAfterAnHourOfQuiet()
    {
        var throttle = NewThrottle();
        for (var i = 0; i < 5; i++) await throttle.FailedAsync("a");
        _clock.Advance(TimeSpan.FromHours(2));

        await throttle.FailedAsync("a");

        Assert.Equal(TimeSpan.Zero, await throttle.WaitAsync("a"));
    }
}
