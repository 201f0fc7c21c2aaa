namespace TalentHub.Web.Domain.Regions;

/// <summary>A node of the statistical division tree, keyed by its 12-digit code.</summary>
public sealed class Region
{
    public required string Code { get; init; }
    public required string Name { get; set; }
    public required string NameEn { get; set; }
    public RegionLevel Level { get; init; }
    public string? ParentCode { get; init; }

    /// <summary>The county-level code this region rolls up to (itself for a county, null for the city).</summary>
    public string? CountyCode => RegionCodes.CountyOf(Code);

    /// <summary>The Chinese name, or the English one when <paramref name="english"/> (see <c>TalentHubCultures.IsEnglish</c>).</summary>
    public string DisplayName(bool english) => english ? NameEn : Name;

    private static readonly string[] Suffixes = ["自治县", "县", "区", "市", " County", " District", " City"];

    /// <summary>
    /// A county's display name without its administrative suffix, for tight places such as a phone's chart axis:
    /// 安吉县 → 安吉, Wuxing District → Wuxing. A name the cut would leave shorter than two characters is kept whole.
    /// </summary>
    public static string ShortName(string name)
    {
        foreach (var suffix in Suffixes)
            if (name.EndsWith(suffix, StringComparison.Ordinal) && name.Length - suffix.Length >= 2) return name[..^suffix.Length];
        return name;
    }
}
