using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;
using TalentHub.Web.Domain.Regions;
using TalentHub.Web.Services;

namespace TalentHub.Web.Infrastructure;

/// <summary>
/// The one rule for a list page's filter values (review: <c>/Admin/Audit?County=bogus</c> and
/// <c>/Courses?Program=99999999999</c> showed the whole list): a value that cannot be read (letters for a number, a number
/// beyond 32 bits, an unknown enum name, a malformed date — model binding's localized error) or that resolves to nothing
/// (an unknown id or code, a region outside the user's scope — <see cref="Refuse"/>, the same message for both, so
/// another county's code tells nothing about its existence) is reported next to its field, the rest of the form keeps its
/// values, and the list shows no rows: never an unfiltered list the user takes for a filtered one. Pages test
/// <see cref="Refused"/> before reading rows. The API answers the same values with a 400 problem (<c>ApiEndpoints</c>).
/// </summary>
public static class ListFilters
{
    /// <summary>Records that the filter value of query key <paramref name="key"/> names nothing this user may filter by.</summary>
    public static void Refuse(this ModelStateDictionary state, string key, IStringLocalizer l) =>
        state.AddModelError(key, l["Filter.Unknown"]);

    /// <summary>True when a filter value was refused (by binding or by <see cref="Refuse"/>): the list must show no rows.</summary>
    public static bool Refused(this ModelStateDictionary state) => state.ErrorCount > 0;

    /// <summary>
    /// Checks a region filter value (<paramref name="code"/>, query key <paramref name="key"/>): empty is no filter;
    /// otherwise it must be a region of the tree at <paramref name="level"/> within <paramref name="scopeCounty"/> (null:
    /// every county), else it is refused. True when the value may be used as a filter.
    /// </summary>
    public static bool CheckRegion(this ModelStateDictionary state, string key, string? code, RegionLevel level, RegionTree tree,
        string? scopeCounty, IStringLocalizer l)
    {
        if (string.IsNullOrEmpty(code)) return true;
        if (tree.Find(code) is { } region && region.Level == level && IRegionScope.Allows(scopeCounty, code)) return true;
        state.Refuse(key, l);
        return false;
    }

    /// <summary>
    /// Checks the <c>County</c> and <c>Township</c> filters of a list and its export (people, entities) with
    /// <see cref="CheckRegion"/>; false when a value was refused or could not be bound, i.e. nothing may be listed.
    /// </summary>
    public static bool CheckCountyAndTownship(this ModelStateDictionary state, string? county, string? township, RegionTree tree,
        string? scopeCounty, IStringLocalizer l)
    {
        state.CheckRegion("County", county, RegionLevel.County, tree, scopeCounty, l);
        state.CheckRegion("Township", township, RegionLevel.Township, tree, scopeCounty, l);
        return !state.Refused();
    }

    /// <summary>
    /// The error of query key <paramref name="key"/> as a block under its field (<c>data-filter-error</c> names the key),
    /// or nothing when the value was accepted.
    /// </summary>
    public static IHtmlContent FilterError(this IHtmlHelper html, string key)
    {
        if (!html.ViewData.ModelState.TryGetValue(key, out var entry) || entry.Errors.Count == 0) return HtmlString.Empty;
        var tag = new TagBuilder("div");
        tag.AddCssClass("invalid-feedback d-block small");
        tag.Attributes["data-filter-error"] = key;
        tag.InnerHtml.Append(entry.Errors[0].ErrorMessage);
        return tag;
    }
}
