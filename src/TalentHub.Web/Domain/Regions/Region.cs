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
}
