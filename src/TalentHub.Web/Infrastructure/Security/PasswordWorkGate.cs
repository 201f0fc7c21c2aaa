using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace TalentHub.Web.Infrastructure.Security;

/// <summary>
/// Bounds how many password hashes or verifications run at once in this process (issue 12, <c>checkin</c>). One
/// Identity v3 hash is PBKDF2-HMAC-SHA512 with 210,000 iterations, about 75 ms of one core here; 40 farmers logging in
/// at once would otherwise occupy every core and thread-pool thread for seconds and starve cheap requests (a check-in
/// post waited ~1 s behind them). With <see cref="PasswordWorkOptions.Permits"/> permits (default: cores − 1, at least
/// 1) the other cores keep serving everything else. Waiters queue oldest first and wait asynchronously (no thread is
/// blocked); when the queue is full, or the wait exceeds <see cref="PasswordWorkOptions.WaitSeconds"/>, the caller gets
/// <see cref="PasswordWorkBusyException"/>, which pages answer with a localized "busy, try again" form error
/// (<see cref="PasswordWorkBusyFilter"/>). The hashing itself is unchanged.
/// </summary>
public sealed class PasswordWorkGate : IDisposable
{
    private readonly ConcurrencyLimiter limiter;
    private readonly TimeProvider clock;
    private readonly AsyncLocal<bool> holding = new();

    public PasswordWorkGate(IOptions<TalentHubOptions> options, TimeProvider clock)
    {
        var work = options.Value.PasswordWork;
        Permits = work.Permits is > 0 ? work.Permits.Value : Math.Max(1, Environment.ProcessorCount - 1);
        QueueLimit = Math.Max(0, work.QueueLimit);
        Wait = TimeSpan.FromSeconds(Math.Max(0.001, work.WaitSeconds));
        this.clock = clock;
        limiter = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = Permits, QueueLimit = QueueLimit, QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
    }

    /// <summary>How many hashes may run at once.</summary>
    public int Permits { get; }

    /// <summary>How many callers may wait for a permit; the next one is refused at once.</summary>
    public int QueueLimit { get; }

    /// <summary>The longest a caller waits for a permit before it is refused.</summary>
    public TimeSpan Wait { get; }

    /// <summary>
    /// Waits (asynchronously, oldest first) for a permit; dispose the result to give it back. Throws
    /// <see cref="PasswordWorkBusyException"/> when the queue is full or the wait is over <see cref="Wait"/>, and
    /// <see cref="OperationCanceledException"/> when <paramref name="ct"/> (the request) is cancelled.
    /// </summary>
    public async ValueTask<IDisposable> EnterAsync(CancellationToken ct = default)
    {
        using var timeout = new CancellationTokenSource(Wait, clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        RateLimitLease lease;
        try
        {
            lease = await limiter.AcquireAsync(1, linked.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new PasswordWorkBusyException();
        }
        if (lease.IsAcquired) return lease;
        lease.Dispose();
        throw new PasswordWorkBusyException();
    }

    /// <summary>
    /// Marks the calling flow as holding <paramref name="permit"/> (from <see cref="EnterAsync"/>) until the result is
    /// disposed, so <see cref="RunAsync{T}"/> inside it does not wait again. A page that hashes inside a database
    /// transaction takes its permit first (<c>using var p = gate.Hold(await gate.EnterAsync(ct));</c>): on SQLite a
    /// transaction holds the write lock, which must not wait behind other people's hashes. Synchronous on purpose: the
    /// mark must stay in the caller's async flow.
    /// </summary>
    public IDisposable Hold(IDisposable permit)
    {
        holding.Value = true;
        return new Held(this, permit);
    }

    /// <summary>Runs <paramref name="work"/> holding a permit (at once when this flow already holds one, see <see cref="Hold"/>).</summary>
    public async Task<T> RunAsync<T>(Func<Task<T>> work, CancellationToken ct = default)
    {
        if (holding.Value) return await work();
        using (await EnterAsync(ct)) return await work();
    }

    private sealed class Held(PasswordWorkGate gate, IDisposable permit) : IDisposable
    {
        public void Dispose()
        {
            gate.holding.Value = false;
            permit.Dispose();
        }
    }

    public void Dispose() => limiter.Dispose();
}

/// <summary>The "TalentHub:PasswordWork" settings of <see cref="PasswordWorkGate"/>.</summary>
public sealed class PasswordWorkOptions
{
    /// <summary>Hashes at once; unset or 0: processor count − 1, at least 1.</summary>
    public int? Permits { get; set; }

    /// <summary>Callers that may wait for a permit (100: a classroom of 40 and more; at ~75 ms a hash the last waits ~7.5 s).</summary>
    public int QueueLimit { get; set; } = 100;

    /// <summary>Seconds a caller waits for a permit before the "busy, try again" answer (15).</summary>
    public double WaitSeconds { get; set; } = 15;
}

/// <summary>No permit for a password hash within the queue bound or the wait (<see cref="PasswordWorkGate"/>).</summary>
public sealed class PasswordWorkBusyException() : Exception("Too many password checks at once; try again shortly.");
