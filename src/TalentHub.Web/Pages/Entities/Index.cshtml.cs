using TalentHub.Web.Infrastructure;
using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Data;
using TalentHub.Web.Domain;
using TalentHub.Web.Domain.Entities;
using TalentHub.Web.Domain.Regions;
using TalentHub.Web.Services;
using TalentHub.Web.Services.Entities;

namespace TalentHub.Web.Pages.Entities;

[Authorize(Policy = Policies.RegistryStaff)]
public sealed class IndexModel(TalentHubDbContext db, IRegionScope scope, RegionDirectory regions,
    Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> l) : PageModel
{
    public const int PageSize = 20;

    public sealed record Row(int Id, string Name, string CreditCode, EntityType Type, EntityStatus Status, string Region,
        string? Industry, DemonstrationLevel? Rating, int? RatingYear, decimal? AnnualRevenue, DateOnly? RegisteredOn);
    public sealed record County(string Code, string Name, int Count);

    /// <summary>Bound without a prefix (County=…&amp;Type=…), the same query string the export reads.</summary>
    [BindProperty(SupportsGet = true)] public EntityFilter Filter { get; set; } = new();
    // Not [BindProperty]: Razor Pages already has a route value called "page" (the page path).
    [PageQuery] public int PageNumber { get; set; } = 1;

    public int Total { get; private set; }
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    /// <summary>Every county with its count under the other filters; empty for county staff.</summary>
    public IReadOnlyList<County> Counties { get; private set; } = [];
    public IReadOnlyList<string> Industries { get; private set; } = [];
    public string? ScopeCounty => scope.CountyCode;
    public IReadOnlyDictionary<string, string?> Query => Filter.ToQuery();

    public async Task OnGetAsync()
    {
        var accepted = Filter.Check(ModelState, await regions.GetAsync(), scope.CountyCode, l);
        if (scope.CountyCode is not null && Filter.County == scope.CountyCode) Filter.County = null;
        var query = Filter.Apply(db.BusinessEntities.AsNoTracking());
        if (!accepted) query = query.Where(e => false);
        var paged = await Paged.ReadAsync(query, PageNumber, PageSize);
        (PageNumber, Total) = (paged.Number, paged.Total);
        var tree = await regions.GetAsync(paged.Items.Select(e => e.RegionCode));
        Rows = paged.Items
            .Where(e => tree.Find(e.RegionCode) is not null)
            .Select(e => new Row(e.Id, e.Name, e.CreditCode, e.Type, e.Status,
                tree.NameOf(e.RegionCode)!, e.Industry, e.Rating, e.RatingYear, e.AnnualRevenue, e.RegisteredOn))
            .ToList();
        Industries = await db.BusinessEntities.AsNoTracking().Where(e => e.Industry != null)
            .Select(e => e.Industry!).Distinct().OrderBy(i => i).Take(200).ToListAsync();
        if (scope.CountyCode is null) Counties = await CountByCountyAsync();
    }

    /// <summary>The spec's "map of the city shows counts by county", as a table: one GROUP BY.</summary>
    private async Task<IReadOnlyList<County>> CountByCountyAsync()
    {
        var others = new EntityFilter
        {
            Township = Filter.Township, Type = Filter.Type, Status = Filter.Status, Industry = Filter.Industry,
            Rating = Filter.Rating, Q = Filter.Q,
        };
        var counts = await others.Apply(db.BusinessEntities.AsNoTracking())
            .GroupBy(e => e.CountyCode).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count);
        var tree = await regions.GetAsync();
        return tree.AtLevel(RegionLevel.County).Select(c => new County(c.Code, tree.NameOf(c.Code)!, counts.GetValueOrDefault(c.Code))).ToList();
    }

    /// <summary>A header link sorting by <paramref name="sort"/>, flipping the direction when it is the current sort.</summary>
    public string SortLink(string sort)
    {
        var current = Filter.Sort ?? "name";
        var query = Filter.ToQuery();
        query["Sort"] = sort;
        query["Desc"] = current == sort && !Filter.Desc ? "true" : null;
        return "/Entities" + QueryString(query);
    }

    public string SortMark(string sort) => (Filter.Sort ?? "name") != sort ? "" : Filter.Desc ? " ▼" : " ▲";

    public string ExportLink(string format)
    {
        var query = new Dictionary<string, string?> { ["format"] = format };
        foreach (var (key, value) in Filter.ToQuery()) query[key] = value;
        return "/Entities/Export" + QueryString(query);
    }

    public string CountyLink(string county)
    {
        var query = Filter.ToQuery();
        query["County"] = county;
        query["Township"] = null;
        return "/Entities" + QueryString(query);
    }

    private static string QueryString(Dictionary<string, string?> values) =>
        "?" + string.Join("&", values.Where(kv => !string.IsNullOrEmpty(kv.Value))
            .Select(kv => Uri.EscapeDataString(kv.Key) + "=" + Uri.EscapeDataString(kv.Value!)));
}
