using System.Collections.Concurrent;

namespace TalentHub.Web.Infrastructure.Security;

/// <summary>
/// The per-address ceilings of <see cref="RequestLimits"/> counted in this process (SQLite: one node). Fixed windows
/// aligned to the clock (<see cref="RequestLimits.AddressPolicy.WindowAt"/>), as <see cref="DatabaseAddressLimits"/>
/// counts them on PostgreSQL, so a post refused by the password work gate can be given back
/// (<see cref="Refund"/>, review 5: "busy, try again" must not use up the address's ceiling). State is lost on
/// restart, which only forgives posts.
/// </summary>
public sealed class MemoryAddressLimits(TimeProvider clock) : IAddressLimits
{
    Task<TimeSpan?> IAddressLimits.CountAsync(IServiceProvider requestServices, RequestLimits.AddressPolicy policy, long window, CancellationToken ct) =>
        Task.FromResult(Count(policy, window));

    Task IAddressLimits.RefundAsync(IServiceProvider requestServices, RequestLimits.AddressPolicy policy, long window, CancellationToken ct)
    {
        Refund(policy, window);
        return Task.CompletedTask;
    }

    /// <summary>Above this many counters, the ones of past windows are dropped.</summary>
    private const int PruneAbove = 10_000;

    /// <summary>
    /// At most one pruning pass per this interval: many addresses inside live windows (a spray of IPv6 addresses) would
    /// otherwise make every post scan them all.
    /// </summary>
    public static readonly TimeSpan PruneEvery = TimeSpan.FromSeconds(10);

    private readonly ConcurrentDictionary<(string Name, string Address, long Window), (int Count, DateTimeOffset End)> counts = new();
    private long nextPruneTicks;

    /// <summary>Counters held (live windows, and past ones not pruned yet); for tests.</summary>
    public int Held => counts.Count;

    /// <summary>Counts a post in <paramref name="window"/>; returns how long to wait when it is over the ceiling, else null.</summary>
    public TimeSpan? Count(RequestLimits.AddressPolicy policy, long window)
    {
        var end = policy.WindowEnd(window);
        var (count, _) = counts.AddOrUpdate((policy.Name, policy.Address, window), (1, end), (_, c) => (c.Count + 1, end));
        if (counts.Count > PruneAbove) Prune();
        return count > policy.Limit ? end - clock.GetUtcNow() : null;
    }

    /// <summary>Gives back one post counted in <paramref name="window"/> (never below zero).</summary>
    public void Refund(RequestLimits.AddressPolicy policy, long window)
    {
        var key = (policy.Name, policy.Address, window);
        while (counts.TryGetValue(key, out var c) && c.Count > 0 && !counts.TryUpdate(key, (c.Count - 1, c.End), c)) { }
    }

    private void Prune()
    {
        var now = clock.GetUtcNow();
        var due = Interlocked.Read(ref nextPruneTicks);
        if (now.UtcTicks < due || Interlocked.CompareExchange(ref nextPruneTicks, (now + PruneEvery).UtcTicks, due) != due) return;
        foreach (var (key, value) in counts)
            if (value.End <= now) counts.TryRemove(key, out _);
    }
}
