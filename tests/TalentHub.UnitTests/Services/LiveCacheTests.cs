using Microsoft.Extensions.Time.Testing;
using TalentHub.Web.Data;
using TalentHub.Web.Services;

namespace TalentHub.UnitTests.Services;

/// <summary>
/// The catalog value's expiry is fixed when it is computed, not when it is asked for: the anonymous page's HTML cache
/// stores the page only until then, so another node's change shows within <see cref="LiveCache.CatalogTtl"/> in all
/// (review34d: a 9 s old value was stored as HTML for 10 s more).
/// </summary>
public sealed class LiveCacheTests
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2027, 3, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task ACatalogValueAskedForLater_KeepsTheExpiryOfItsComputation_AndIsComputedAfresh_OnceItHasPassed()
    {
        using var cache = new LiveCache(new DataVersions(), clock);
        var computed = 0;
        Task<int> Compute() => Task.FromResult(++computed);
        var start = clock.GetUtcNow();

        var first = await cache.CatalogAsync("page 1", Compute);
        clock.Advance(TimeSpan.FromSeconds(9));
        var later = await cache.CatalogAsync("page 1", Compute);

        Assert.Equal((1, start + LiveCache.CatalogTtl), first);
        Assert.Equal((1, start + LiveCache.CatalogTtl), later);  // reused, and still expiring 10 s after it was computed

        clock.Advance(TimeSpan.FromSeconds(1.5));
        Assert.Equal((2, clock.GetUtcNow() + LiveCache.CatalogTtl), await cache.CatalogAsync("page 1", Compute));
    }

    [Fact]
    public async Task ADashboardValue_IsReusedWithinItsTtl_AndComputedAfreshAfterIt()
    {
        using var cache = new LiveCache(new DataVersions(), clock);
        var computed = 0;
        Task<int> Compute() => Task.FromResult(++computed);

        Assert.Equal(1, await cache.DashboardAsync("board", Compute));
        clock.Advance(LiveCache.DashboardTtl - TimeSpan.FromSeconds(1));
        Assert.Equal(1, await cache.DashboardAsync("board", Compute));
        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(2, await cache.DashboardAsync("board", Compute));
    }
}
