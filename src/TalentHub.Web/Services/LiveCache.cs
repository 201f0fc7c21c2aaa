using Microsoft.Extensions.Caching.Memory;
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
/// </para>
/// </summary>
public sealed class LiveCache(DataVersions versions) : IDisposable
{
    /// <summary>Longest time (30 s) a dashboard figure is reused; the bound on another node's change.</summary>
    public static readonly TimeSpan DashboardTtl = TimeSpan.FromSeconds(30);
    /// <summary>Longest time (10 s) an anonymous catalog page is reused; the bound on another node's change (seat counts).</summary>
    public static readonly TimeSpan CatalogTtl = TimeSpan.FromSeconds(10);

    /// <summary>At most this many entries (each key = filters and page), so odd query strings cannot grow memory.</summary>
    private const int MaxEntries = 2_000;

    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = MaxEntries });

    /// <summary>The value for <paramref name="key"/> (a record or tuple of the filters and scope) at the current domain version.</summary>
    public Task<T> DashboardAsync<T>(object key, Func<Task<T>> compute) => GetAsync(("dashboard", versions.Domain, key), DashboardTtl, compute);

    /// <summary>The value for <paramref name="key"/> (the query and culture) at the current training version.</summary>
    public Task<T> CatalogAsync<T>(object key, Func<Task<T>> compute) => GetAsync(("catalog", versions.Catalog, key), CatalogTtl, compute);

    private async Task<T> GetAsync<T>(object key, TimeSpan ttl, Func<Task<T>> compute)
    {
        if (cache.TryGetValue(key, out Lazy<Task<T>>? hit)) return await hit!.Value;
        var created = new Lazy<Task<T>>(compute, LazyThreadSafetyMode.ExecutionAndPublication);
        var shared = cache.GetOrCreate(key, entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = ttl;
            entry.Size = 1;
            return created;
        })!;
        try
        {
            return await shared.Value;
        }
        catch
        {
            cache.Remove(key);  // a failed or cancelled computation is not kept
            throw;
        }
    }

    public void Dispose() => cache.Dispose();
}
