using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Data;
using TalentHub.Web.Domain.Regions;

namespace TalentHub.Web.Services.Spreadsheets;

/// <summary>
/// Finds a village by its 12-digit code or by name ("余村", "天荒坪镇余村", "安吉县天荒坪镇余村"),
/// and keeps a county user inside their county.
/// </summary>
public sealed class VillageIndex
{
    /// <summary>A village: its 12-digit code, its name and the 12-digit code of its county.</summary>
    public sealed record Village(string Code, string Name, string CountyCode);

    private readonly Dictionary<string, Village> _byCode;
    private readonly ILookup<string, Village> _byName;

    public VillageIndex(IEnumerable<Region> regions)
    {
        var all = regions.ToList();
        var names = all.ToDictionary(r => r.Code);
        var villages = all.Where(r => r.Level == RegionLevel.Village).ToList();
        _byCode = villages.ToDictionary(v => v.Code, v => new Village(v.Code, v.Name, v.CountyCode!));
        _byName = villages
            .SelectMany(v =>
            {
                var township = v.ParentCode is { } p && names.TryGetValue(p, out var t) ? t : null;
                var county = v.CountyCode is { } c && names.TryGetValue(c, out var k) ? k : null;
                var village = _byCode[v.Code];
                return new[]
                {
                    (Key: v.Name, village), (Key: v.NameEn, village),
                    (Key: township?.Name + v.Name, village),
                    (Key: county?.Name + township?.Name + v.Name, village),
                };
            })
            .DistinctBy(x => (Normalize(x.Key), x.village.Code))
            .ToLookup(x => Normalize(x.Key), x => x.village);
    }

    /// <summary>An index over every region (all levels are read; villages are matched); not region-scoped, the county check is in <see cref="Resolve"/>.</summary>
    public static async Task<VillageIndex> LoadAsync(TalentHubDbContext db, CancellationToken ct = default) =>
        new(await db.Regions.AsNoTracking().ToListAsync(ct));

    /// <summary>
    /// The village's code, or null with the resource key of the reason (not found; only outside the county; more than
    /// one). Called once per imported row, so it walks the candidates without building lists (issue 12).
    /// </summary>
    public string? Resolve(string text, string? scopeCounty, out string? errorKey)
    {
        errorKey = null;
        var value = text.Trim();
        IEnumerable<Village> candidates = RegionCodes.IsValid(value)
            ? _byCode.TryGetValue(value, out var v) ? [v] : []
            : _byName[Normalize(value)];

        var found = false;
        var allowed = 0;
        Village? only = null;
        foreach (var village in candidates)
        {
            found = true;
            if (scopeCounty is not null && !IRegionScope.Allows(scopeCounty, village.Code)) continue;
            allowed++;
            only = village;
        }
        if (!found) { errorKey = "Import.VillageNotFound"; return null; }
        if (allowed == 0) { errorKey = "Import.VillageOutsideCounty"; return null; }
        if (allowed > 1) { errorKey = "Import.VillageAmbiguous"; return null; }
        return only!.Code;
    }

    private static string Normalize(string? text) =>
        string.Concat((text ?? "").Where(c => !char.IsWhiteSpace(c) && c is not ('/' or '-' or '·'))).ToLowerInvariant();
}
