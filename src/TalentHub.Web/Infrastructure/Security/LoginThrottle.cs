using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace TalentHub.Web.Infrastructure.Security;

/// <summary>
/// Per-account login throttling with a progressive delay (OWASP ASVS 6.3.x): the first
/// <see cref="LoginThrottleOptions.FreeFailures"/> failures cost nothing, then each further failure
/// doubles the wait before the next attempt, up to <see cref="LoginThrottleOptions.MaxDelay"/>.
/// The account key is what was typed (normalized), whether or not such an account exists, so an
/// unknown and a real account answer alike. A different implementation (database-backed, for several
/// nodes) can replace the in-memory one by registering another <see cref="ILoginThrottle"/>.
/// </summary>
public interface ILoginThrottle
{
    /// <summary>How long the account must still wait before it may try again; zero when it may try now.</summary>
    ValueTask<TimeSpan> WaitAsync(string account, CancellationToken ct = default);

    /// <summary>Counts a failed attempt (wrong password, wrong code).</summary>
    ValueTask FailedAsync(string account, CancellationToken ct = default);

    /// <summary>Forgets the failures after a successful sign-in.</summary>
    ValueTask SucceededAsync(string account, CancellationToken ct = default);
}

/// <summary>"TalentHub:LoginThrottle" settings.</summary>
public sealed class LoginThrottleOptions
{
    public const string Section = "TalentHub:LoginThrottle";

    /// <summary>Failures per account with no delay (4: a farmer who mistypes a few times is not slowed; the fifth starts the wait).</summary>
    public int FreeFailures { get; set; } = 4;
    /// <summary>Wait after the first failure beyond the free ones; doubles with each further failure.</summary>
    public TimeSpan FirstDelay { get; set; } = TimeSpan.FromSeconds(30);
    /// <summary>Longest wait (a stranger can slow an account down, never lock it for long).</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromMinutes(5);
    /// <summary>Failures older than this are forgotten.</summary>
    public TimeSpan ForgetAfter { get; set; } = TimeSpan.FromHours(1);
}

/// <summary>The single-node throttle: state in memory, lost on restart (which only forgives failures).</summary>
public sealed class MemoryLoginThrottle(IOptions<LoginThrottleOptions> options, TimeProvider clock) : ILoginThrottle
{
    private const int PruneAbove = 10_000;
    private readonly ConcurrentDictionary<string, Failures> _accounts = new(StringComparer.Ordinal);

    private sealed record Failures(int Count, DateTimeOffset Last);

    /// <inheritdoc/>
    public ValueTask<TimeSpan> WaitAsync(string account, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        if (!_accounts.TryGetValue(account, out var failures) || Forgotten(failures, now)) return ValueTask.FromResult(TimeSpan.Zero);
        var wait = failures.Last + DelayAfter(failures.Count, options.Value) - now;
        return ValueTask.FromResult(wait > TimeSpan.Zero ? wait : TimeSpan.Zero);
    }

    /// <inheritdoc/>
    public ValueTask FailedAsync(string account, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        _accounts.AddOrUpdate(account, _ => new Failures(1, now), (_, old) => new Failures(Forgotten(old, now) ? 1 : old.Count + 1, now));
        if (_accounts.Count > PruneAbove)
            foreach (var (key, value) in _accounts)
                if (Forgotten(value, now)) _accounts.TryRemove(key, out _);
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc/>
    public ValueTask SucceededAsync(string account, CancellationToken ct = default)
    {
        _accounts.TryRemove(account, out _);
        return ValueTask.CompletedTask;
    }

    /// <summary>The wait after <paramref name="failures"/> failures: zero for the free ones, then FirstDelay·2^(n−free−1), capped.</summary>
    public static TimeSpan DelayAfter(int failures, LoginThrottleOptions o)
    {
        var beyond = failures - o.FreeFailures;
        if (beyond <= 0) return TimeSpan.Zero;
        var ticks = o.FirstDelay.Ticks * Math.Pow(2, Math.Min(beyond - 1, 30));
        return ticks >= o.MaxDelay.Ticks ? o.MaxDelay : TimeSpan.FromTicks((long)ticks);
    }

    private bool Forgotten(Failures failures, DateTimeOffset now) => now - failures.Last > options.Value.ForgetAfter;
}
