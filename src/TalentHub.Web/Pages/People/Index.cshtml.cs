using TalentHub.Web.Infrastructure;
using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Data;
using TalentHub.Web.Domain;
using TalentHub.Web.Domain.Common;
using TalentHub.Web.Domain.People;
using TalentHub.Web.Domain.Regions;
using TalentHub.Web.Services;
using TalentHub.Web.Services.People;

namespace TalentHub.Web.Pages.People;

/// <summary>
/// The registry list: filters shared with the export; the page, its total and the shown rows' categories in one query
/// (issue 12, perf5a: a separate COUNT and a separate categories query were two more EF round trips per request).
/// Region scope comes from the DbContext.
/// </summary>
[Authorize(Policy = Policies.RegistryStaff)]
public sealed class IndexModel(TalentHubDbContext db, PersonalDataProtector protector, IRegionScope scope, RegionDirectory regions,
    Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> l) : PageModel
{
    public const int PageSize = 20;

    public sealed record Category(TalentCategory Value, LocalTalentType? Subtype);

    public sealed record Row(int Id, string Name, Sex Sex, DateOnly BirthDate, string MaskedId, string MaskedMobile,
        string Village, string County, string? Industry, IReadOnlyList<Category> Categories);

    [BindProperty(SupportsGet = true)] public PeopleFilter Filter { get; set; } = new();
    // Not [BindProperty]: Razor Pages already has a route value called "page" (the page path).
    [PageQuery] public int PageNumber { get; set; } = 1;

    /// <summary>The county a county user is confined to (the county filter is fixed to it), else null.</summary>
    public string? ScopeCounty => scope.CountyCode;
    public string? ScopeCountyName { get; private set; }
    /// <summary>The region tree the filter selects are built from.</summary>
    public RegionTree? Regions { get; private set; }
    public int Total { get; private set; }
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public bool Filtered => Filter.ToQuery().Any(kv => kv.Key is not ("Sort" or "Desc") && !string.IsNullOrEmpty(kv.Value));

    public async Task OnGetAsync()
    {
        var tree = await regions.GetAsync();
        var accepted = Filter.Check(ModelState, tree, ScopeCounty, l);
        if (ScopeCounty is { } county)
        {
            if (Filter.County == county) Filter.County = null; // the region scope already confines the list; keep the links clean
            ScopeCountyName = tree.NameOf(county);
        }

        var paged = !accepted
            ? new Paged<PeopleListItem>([], 1, PageSize, 0)
            : await ReadAsync(db, Filter, PageNumber, protector);
        (PageNumber, Total) = (paged.Number, paged.Total);
        tree = Regions = await regions.GetAsync(paged.Items.Select(p => p.RegionCode));
        var page = paged.Items
            .Where(p => tree.Find(p.RegionCode) is not null && tree.Find(p.CountyCode) is not null)
            .Select(p => new
            {
                p.Id, p.Name, p.Sex, p.BirthDate, p.IdNumber, p.Mobile, p.Industry,
                Categories = p.Categories.Select(c => new Category(c.Value, c.Subtype)).ToList(),
                Village = tree.NameOf(p.RegionCode)!, County = tree.NameOf(p.CountyCode)!,
            })
            .ToList();

        Rows = page.Select(p => new Row(p.Id, p.Name, p.Sex, p.BirthDate, Masking.IdNumber(p.IdNumber), Masking.Mobile(p.Mobile),
            p.Village, p.County, p.Industry, p.Categories.OrderBy(c => c.Value).ToList())).ToList();
    }

    /// <summary>
    /// The page of people for <paramref name="filter"/> in the context's region scope: on SQLite through
    /// <see cref="PeopleListSqlite"/> (kept prepared statements, no EF query pipeline; issue 12, perf6b), else — or with
    /// <paramref name="viaEf"/>, which the tests use to compare both — through EF in one query.
    /// </summary>
    internal static async Task<Paged<PeopleListItem>> ReadAsync(TalentHubDbContext db, PeopleFilter filter, int pageNumber,
        PersonalDataProtector protector, bool viaEf = false)
    {
        if (!viaEf && await PeopleListSqlite.ReadAsync(db, filter.Resolve(protector), pageNumber, PageSize, protector) is { } fast)
            return fast;
        var query = filter.Apply(db.People.AsNoTracking(), db.PersonNameGrams, protector);
        var paged = await Paged.ReadInOneQueryAsync(query, pageNumber, PageSize, people => people
            .Select(p => new
            {
                p.Id, p.Name, p.Sex, p.BirthDate, p.IdNumber, p.Mobile, p.Industry, p.RegionCode, p.CountyCode,
                Categories = p.Categories.Select(c => new Category(c.Category, c.LocalTalentType)).ToList(),
            }));
        return new Paged<PeopleListItem>(paged.Items.Select(p => new PeopleListItem(p.Id, p.Name, p.Sex, p.BirthDate, p.IdNumber,
            p.Mobile, p.Industry, p.RegionCode, p.CountyCode, p.Categories.Select(c => (c.Value, c.Subtype)).ToList())).ToList(),
            paged.Number, paged.Size, paged.Total);
    }

    /// <summary>The list sorted by <paramref name="key"/>; asking again for the current key flips the direction.</summary>
    public string SortUrl(string key)
    {
        var query = Filter.ToQuery();
        var current = Filter.Sort ?? "name";
        query["Sort"] = key == "name" ? null : key;
        query["Desc"] = current == key && !Filter.Desc ? "true" : null;
        return Link("/People", query);
    }

    /// <summary>"asc", "desc" or null for a column header.</summary>
    public string? SortState(string key) => (Filter.Sort ?? "name") == key ? (Filter.Desc ? "desc" : "asc") : null;

    public string ExportUrl(string format)
    {
        var query = new Dictionary<string, string?> { ["format"] = format };
        foreach (var (key, value) in Filter.ToQuery()) query[key] = value;
        return Link("/People/Export", query);
    }

    public IReadOnlyDictionary<string, string?> PagerQuery => Filter.ToQuery();

    private static string Link(string path, Dictionary<string, string?> query) =>
        QueryHelpers.AddQueryString(path, query.Where(kv => !string.IsNullOrEmpty(kv.Value)));
}
