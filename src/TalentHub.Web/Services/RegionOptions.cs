using TalentHub.Web.Domain.Regions;

namespace TalentHub.Web.Services;

/// <summary>One choice of a region select: code, label, the optgroup it sits in, and (villages) its county and town names.</summary>
public sealed record RegionOption(string Code, string Label, string Group, string? County = null, string? Town = null);

/// <summary>The choices of a region select (the <c>RegionPicker</c> component and <see cref="Infrastructure.ListMarkup.RegionSelect"/>).</summary>
public static class RegionOptions
{
    /// <summary>
    /// Every region of <paramref name="level"/> (within one county when <paramref name="withinCounty"/> is set), in the
    /// tree's order, labelled in the current UI culture; villages are grouped "county · town", other levels by parent.
    /// </summary>
    public static List<RegionOption> Of(RegionTree tree, RegionLevel level, string? withinCounty)
    {
        string NameOf(string? code) => tree.NameOf(code) ?? "";
        return tree.All
            .Where(r => r.Level == level && (withinCounty is null || RegionCodes.IsWithin(r.Code, withinCounty)))
            .Select(r => level == RegionLevel.Village
                ? new RegionOption(r.Code, NameOf(r.Code), NameOf(RegionCodes.CountyOf(r.Code)) + " · " + NameOf(r.ParentCode),
                    NameOf(RegionCodes.CountyOf(r.Code)), NameOf(r.ParentCode))
                : new RegionOption(r.Code, NameOf(r.Code), NameOf(r.ParentCode)))
            .ToList();
    }
}
