using System.Globalization;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Localization;
using TalentHub.Web.Domain.Regions;
using TalentHub.Web.Services;

namespace TalentHub.Web.Infrastructure;

/// <summary>
/// The pager and a plain region select written straight into a Razor page, with the markup of the <c>Pager</c> and
/// (non-cascading) <c>RegionPicker</c> components. Issue 12 (perf5a): dotnet-trace of <c>/People?q=…</c> put the
/// component renderer (<c>ComponentTagHelper</c>: a renderer, DI activation, parameter binding, render tree) for the
/// list's pager and filter selects at ~5 % of the request's CPU; the busiest list page writes them with these instead.
/// Text goes through the page's HTML encoder (<see cref="HtmlContentBuilder.Append"/>).
/// </summary>
public static class ListMarkup
{
    /// <summary>
    /// Previous / "page n of m, t in all" / next, or "t in all" when everything fits on one page (the <c>Pager</c>
    /// component's markup); links keep every other query value of <paramref name="query"/>.
    /// </summary>
    public static IHtmlContent Pager(IStringLocalizer l, int page, int pageSize, int total, string path, IReadOnlyDictionary<string, string?> query)
    {
        var pages = Paged.PageCount(total, pageSize);
        var html = new HtmlContentBuilder(24);
        if (pages <= 1) return html.AppendHtml("<p class=\"small text-muted\">").Append(l["Pager.Total", total].Value).AppendHtml("</p>");
        html.AppendHtml("<nav aria-label=\"").Append(l["Pager.Label"].Value).AppendHtml("\">\n    <ul class=\"pagination pagination-sm flex-wrap\">\n")
            .AppendHtml(page <= 1 ? "        <li class=\"page-item disabled\">" : "        <li class=\"page-item \">")
            .AppendHtml("<a class=\"page-link\" href=\"").Append(PagerLink(path, query, page - 1, pages)).AppendHtml("\">")
            .Append(l["Pager.Previous"].Value).AppendHtml("</a></li>\n")
            .AppendHtml("        <li class=\"page-item disabled\"><span class=\"page-link\">").Append(l["Pager.Position", page, pages, total].Value)
            .AppendHtml("</span></li>\n")
            .AppendHtml(page >= pages ? "        <li class=\"page-item disabled\">" : "        <li class=\"page-item \">")
            .AppendHtml("<a class=\"page-link\" href=\"").Append(PagerLink(path, query, page + 1, pages)).AppendHtml("\">")
            .Append(l["Pager.Next"].Value).AppendHtml("</a></li>\n    </ul>\n</nav>");
        return html;
    }

    /// <summary><paramref name="path"/>?…&amp;page=n with every non-empty value of <paramref name="query"/> but "page"; n clamped into [1, pages].</summary>
    public static string PagerLink(string path, IReadOnlyDictionary<string, string?> query, int page, int pages)
    {
        var values = query.Where(kv => kv.Key != "page" && !string.IsNullOrEmpty(kv.Value))
            .Select(kv => Uri.EscapeDataString(kv.Key) + "=" + Uri.EscapeDataString(kv.Value!))
            .Append("page=" + Math.Clamp(page, 1, pages).ToString(CultureInfo.InvariantCulture));
        return path + "?" + string.Join("&", values);
    }

    /// <summary>
    /// A grouped, optional select of the regions of <paramref name="level"/> (within one county when
    /// <paramref name="withinCounty"/> is set), <paramref name="selected"/> preselected: the non-cascading
    /// <c>RegionPicker</c>'s markup.
    /// </summary>
    public static IHtmlContent RegionSelect(IStringLocalizer l, RegionTree tree, string name, string id, RegionLevel level,
        string? withinCounty, string? selected)
    {
        var html = new HtmlContentBuilder(256);
        html.AppendHtml("<select id=\"").Append(id).AppendHtml("\" name=\"").Append(name).AppendHtml("\" class=\"form-select \"><option value=\"\">")
            .Append(l["Common.Choose"].Value).AppendHtml("</option>");
        foreach (var group in RegionOptions.Grouped(tree, level, withinCounty))
        {
            html.AppendHtml("<optgroup label=\"").Append(group.Key).AppendHtml("\">");
            foreach (var option in group)
            {
                html.AppendHtml("<option value=\"").Append(option.Code)
                    .AppendHtml(option.Code == selected ? "\" selected" : "\"");
                if (option.County is not null) html.AppendHtml(" data-county=\"").Append(option.County).AppendHtml("\"");
                if (option.Town is not null) html.AppendHtml(" data-town=\"").Append(option.Town).AppendHtml("\"");
                html.AppendHtml(">").Append(option.Label).AppendHtml("</option>");
            }
            html.AppendHtml("</optgroup>");
        }
        return html.AppendHtml("</select>");
    }
}
