using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using TalentHub.Web.Domain.Regions;
using TalentHub.Web.Infrastructure;

namespace TalentHub.Web.Services;

/// <summary>One choice of a region select: code, label, the optgroup it sits in, and (villages) its county and town names.</summary>
public sealed record RegionOption(string Code, string Label, string Group, string? County = null, string? Town = null);

/// <summary>The choices of a region select (the <c>RegionPicker</c> component and <see cref="Infrastructure.ListMarkup.RegionSelect"/>).</summary>
public static class RegionOptions
{
    /// <summary>
    /// <see cref="Of"/> grouped by optgroup, in order, made once per tree, level, county and UI language: a
    /// <see cref="RegionTree"/> never changes (a changed division is a new tree), so neither do its choices. Issue 12
    /// (perf38): the registry list built and grouped them for its township and county selects on every request, ~1.5 % of
    /// a warm <c>/People?q=王秀</c> in dotnet-trace. The selected value is not part of it; the caller marks it. Only a
    /// county of the tree (or none) is kept: <paramref name="withinCounty"/> can come from a query string, and any other
    /// value (which selects nothing) is built each time rather than grow the kept choices with what a user sends.
    /// </summary>
    public static IReadOnlyList<IGrouping<string, RegionOption>> Grouped(RegionTree tree, RegionLevel level, string? withinCounty)
    {
        if (withinCounty is not null && tree.Find(withinCounty)?.Level != RegionLevel.County) return Build(tree, level, withinCounty);
        return GroupedByTree.GetValue(tree, static _ => new()).GetOrAdd((level, withinCounty, TalentHubCultures.IsEnglish),
            static (key, tree) => Build(tree, key.Level, key.WithinCounty), tree);
    }

    private static List<IGrouping<string, RegionOption>> Build(RegionTree tree, RegionLevel level, string? withinCounty) =>
        Of(tree, level, withinCounty).GroupBy(o => o.Group).ToList();

    private static readonly ConditionalWeakTable<RegionTree,
        ConcurrentDictionary<(RegionLevel Level, string? WithinCounty, bool English), IReadOnlyList<IGrouping<string, RegionOption>>>> GroupedByTree = new();

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
