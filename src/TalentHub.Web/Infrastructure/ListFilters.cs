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
        Marked(html).Add(key);
        if (!html.ViewData.ModelState.TryGetValue(key, out var entry) || entry.Errors.Count == 0) return HtmlString.Empty;
        return Block(key, entry.Errors[0].ErrorMessage);
    }

    /// <summary>
    /// The <c>type</c> of a date, month or number input for query (or form) key <paramref name="key"/>: <paramref name="type"/>,
    /// or <c>text</c> when its value was refused. A browser empties such an input holding text it cannot read, so the field
    /// went blank under its message (review11: <c>/Courses/Calendar?month=2026-13</c>, <c>/Admin/Audit?From=2026-13-01</c>).
    /// </summary>
    public static string FilterInputType(this IHtmlHelper html, string key, string type) => IsRefused(html, key) ? "text" : type;

    /// <summary>
    /// The value of the input for key <paramref name="key"/>: the text the user sent when it was refused (as every refused
    /// filter shows it), else <paramref name="accepted"/> (the bound value, formatted for its input type).
    /// </summary>
    public static string? FilterValue(this IHtmlHelper html, string key, string? accepted) =>
        IsRefused(html, key) && html.ViewData.ModelState.TryGetValue(key, out var entry) ? ValueOf(html, key, entry) : accepted;

    private static bool IsRefused(IHtmlHelper html, string key) =>
        html.ViewData.ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0;

    /// <summary>
    /// The error of query key <paramref name="key"/> whose field this user's form does not show or does not hold (a county
    /// user's county: fixed to their own), naming the field by <paramref name="label"/> and the refused value
    /// (<c>Filter.HiddenRefused</c>: 县（市、区）“330502000000”不在您的范围内 — the same words for another county's code and a
    /// made-up one), or nothing when the value was accepted (review10: the bare "no such value" under the search box said
    /// neither which field nor which value).
    /// </summary>
    public static IHtmlContent HiddenFilterError(this IHtmlHelper html, string key, string label)
    {
        Marked(html).Add(key);
        if (!html.ViewData.ModelState.TryGetValue(key, out var entry) || entry.Errors.Count == 0) return HtmlString.Empty;
        return Block(key, Localizer(html)["Filter.HiddenRefused", label, ValueOf(html, key, entry)]);
    }

    /// <summary>
    /// The errors of every query key no <see cref="FilterError"/> or <see cref="HiddenFilterError"/> on the page rendered
    /// (values sent in the address for fields the list never shows, e.g. <c>Desc=maybe</c>: the list showed no rows and no
    /// reason), each naming the key and its value (<c>Filter.AddressRefused</c>); keys in <paramref name="shownElsewhere"/>
    /// are left to the page. Place it after the form, so the fields' own marks are known.
    /// </summary>
    public static IHtmlContent UnshownFilterErrors(this IHtmlHelper html, params string[] shownElsewhere)
    {
        var marked = Marked(html);
        var content = new HtmlContentBuilder();
        foreach (var (key, entry) in html.ViewData.ModelState)
        {
            if (entry.Errors.Count == 0 || marked.Contains(key) || shownElsewhere.Contains(key, StringComparer.OrdinalIgnoreCase)) continue;
            content.AppendHtml(Block(key, Localizer(html)["Filter.AddressRefused", key, ValueOf(html, key, entry)]));
        }
        return content;
    }

    private static TagBuilder Block(string key, string message)
    {
        var tag = new TagBuilder("div");
        tag.AddCssClass("invalid-feedback d-block small");
        tag.Attributes["data-filter-error"] = key;
        tag.InnerHtml.Append(message);
        return tag;
    }

    private static string ValueOf(IHtmlHelper html, string key, ModelStateEntry entry)
    {
        if (entry.AttemptedValue is { } attempted) return attempted;
        var request = html.ViewContext.HttpContext.Request;
        return request.HasFormContentType && request.Form.TryGetValue(key, out var posted) ? posted.ToString() : request.Query[key].ToString();
    }

    private static IStringLocalizer Localizer(IHtmlHelper html) =>
        html.ViewContext.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();

    /// <summary>The query keys whose errors the page rendered at a field (per request).</summary>
    private static HashSet<string> Marked(IHtmlHelper html)
    {
        var items = html.ViewContext.HttpContext.Items;
        if (items[typeof(ListFilters)] is not HashSet<string> marked)
            items[typeof(ListFilters)] = marked = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        return marked;
    }
}
