using TalentHub.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Data;
using TalentHub.Web.Domain.Regions;

namespace TalentHub.Web.Services;

/// <summary>
/// The division tree held in memory: regions change only when seed data is loaded, so the tree is read
/// once per process and kept until <see cref="Invalidate"/> (called after regions are written).
/// Names come out in the current UI culture.
/// </summary>
public sealed class RegionDirectory(IServiceScopeFactory scopes)
{
    private volatile RegionTree? _tree;

    /// <summary>The cached tree, read from the database on first use (or after <see cref="Invalidate"/>).</summary>
    public async Task<RegionTree> GetAsync(CancellationToken ct = default)
    {
        if (_tree is { } tree) return tree;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TalentHubDbContext>();
        var all = await db.Regions.AsNoTracking().OrderBy(r => r.Code).ToListAsync(ct);
        return _tree = new RegionTree(all);
    }

    /// <summary>
    /// The cached tree, reloaded once when it lacks one of <paramref name="codes"/>: records reference regions by
    /// foreign key, so a missing code means regions were added after the tree was read (by another process).
    /// </summary>
    public async Task<RegionTree> GetAsync(IEnumerable<string?> codes, CancellationToken ct = default)
    {
        var tree = await GetAsync(ct);
        if (codes.All(c => c is null || tree.Find(c) is not null)) return tree;
        Invalidate();
        return await GetAsync(ct);
    }

    /// <summary>Drops the cached tree; the next read loads it again.</summary>
    public void Invalidate() => _tree = null;
}

/// <summary>One read of the division tree, ordered by code. Treat its regions as read-only.</summary>
public sealed class RegionTree
{
    private readonly Dictionary<string, Region> _byCode;

    public RegionTree(IReadOnlyList<Region> all)
    {
        All = all;
        _byCode = all.ToDictionary(r => r.Code);
    }

    /// <summary>Every region, ordered by code.</summary>
    public IReadOnlyList<Region> All { get; }

    /// <summary>The regions of one level, ordered by code.</summary>
    public IEnumerable<Region> AtLevel(RegionLevel level) => All.Where(r => r.Level == level);

    /// <summary>The region with this 12-digit code, or null when unknown (or <paramref name="code"/> is null).</summary>
    public Region? Find(string? code) => code is not null && _byCode.TryGetValue(code, out var r) ? r : null;

    /// <summary>The region's name in the current UI culture, or null when the code is unknown.</summary>
    public string? NameOf(string? code) => Find(code)?.DisplayName(TalentHubCultures.IsEnglish);
}
