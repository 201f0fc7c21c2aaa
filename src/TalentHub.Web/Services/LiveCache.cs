using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Internal;
using TalentHub.Web.Data;

namespace TalentHub.Web.Services;

/// <summary>
/// A short-lived, per-process cache of figures computed live from the database: the dashboard's live board and outcome
/// charts (<see cref="DashboardAsync{T}"/>) and the anonymous catalog page (<see cref="CatalogAsync{T}"/>). Every key
/// carries the <see cref="DataVersions"/> counter read before computing, and <see cref="DataVersionInterceptor"/> moves
/// the counter on every write, so after a change saved in this process the next request computes afresh — users and
/// tests never see figures older than their own change. Concurrent misses of one key share one computation.
/// <para>
/// Multi-node bound: the counters are per process, so with several app nodes a change saved on another node (or written
/// to the database outside EF) shows here at most <see cref="DashboardTtl"/> (30 s) or <see cref="CatalogTtl"/> (10 s)
/// later. The dashboard's "today" is also part of its key, so follow-ups falling due at midnight (Shanghai) are counted.
/// A cache built on top of a catalog value (the anonymous page's HTML, <see cref="Infrastructure.AnonymousPageCache"/>)
/// must expire with it, not a whole TTL after it, else the bounds add up (<see cref="CatalogAsync{T}"/> says when).
/// Lifetimes run on the injected <see cref="TimeProvider"/> (the app's clock).
/// </para>
/// </summary>
public sealed class LiveCache(DataVersions versions, TimeProvider clock) : IDisposable
{
    /// <summary>Longest time (30 s) a dashboard figure is reused; the bound on another node's change.</summary>
    public static readonly TimeSpan DashboardTtl = TimeSpan.FromSeconds(30);
    /// <summary>Longest time (10 s) an anonymous catalog page is reused; the bound on another node's change (seat counts).</summary>
    public static readonly TimeSpan CatalogTtl = TimeSpan.FromSeconds(10);

    /// <summary>At most this many entries (each key = filters and page), so odd query strings cannot grow memory.</summary>
    private const int MaxEntries = 2_000;

    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = MaxEntries, Clock = new CacheClock(clock) });

    private sealed class CacheClock(TimeProvider clock) : ISystemClock
    {
        public DateTimeOffset UtcNow => clock.GetUtcNow();
    }

    /// <summary>One computation shared by concurrent misses, and the instant (UTC, app clock) its entry expires.</summary>
    private sealed record Shared<T>(Lazy<Task<T>> Value, DateTimeOffset Expires);

    /// <summary>The value for <paramref name="key"/> (a record or tuple of the filters and scope) at the current domain version.</summary>
    public async Task<T> DashboardAsync<T>(object key, Func<Task<T>> compute) =>
        (await GetAsync(("dashboard", versions.Domain, key), DashboardTtl, compute)).Value;

    /// <summary>
    /// The value for <paramref name="key"/> (the query and culture) at the current training version, and the instant
    /// (UTC, on the app's clock) this node stops reusing it: at most <see cref="CatalogTtl"/> after it was computed,
    /// whenever it is asked for. Whatever caches the value further must drop it by then.
    /// </summary>
    public Task<(T Value, DateTimeOffset Expires)> CatalogAsync<T>(object key, Func<Task<T>> compute) =>
        GetAsync(("catalog", versions.Catalog, key), CatalogTtl, compute);

    private async Task<(T Value, DateTimeOffset Expires)> GetAsync<T>(object key, TimeSpan ttl, Func<Task<T>> compute)
    {
        if (cache.TryGetValue(key, out Shared<T>? hit)) return (await hit!.Value.Value, hit.Expires);
        var expires = clock.GetUtcNow() + ttl;
        var created = new Shared<T>(new Lazy<Task<T>>(compute, LazyThreadSafetyMode.ExecutionAndPublication), expires);
        var shared = cache.GetOrCreate(key, entry =>
        {
            entry.AbsoluteExpiration = expires;
            entry.Size = 1;
            return created;
        })!;
        try
        {
            return (await shared.Value.Value, shared.Expires);
        }
        catch
        {
            cache.Remove(key);  // a failed or cancelled computation is not kept
            throw;
        }
    }

    public void Dispose() => cache.Dispose();
}
