using TalentHub.Web.Services.Audit;
using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Data;
using TalentHub.Web.Domain.Common;
using TalentHub.Web.Domain.Entities;

namespace TalentHub.Web.Services.Entities;

/// <summary>The filters and sort of the entity list, shared by the page and its export.</summary>
public sealed class EntityFilter
{
    [Display(Name = "Entities.County")] public string? County { get; set; }
    [Display(Name = "Entities.Township")] public string? Township { get; set; }
    [Display(Name = "Entity.Type")] public EntityType? Type { get; set; }
    [Display(Name = "Entity.Status")] public EntityStatus? Status { get; set; }
    public string? Industry { get; set; }
    [Display(Name = "Entity.Rating")] public DemonstrationLevel? Rating { get; set; }
    /// <summary>Name fragment or credit code.</summary>
    public string? Q { get; set; }
    public string? Sort { get; set; }
    public bool Desc { get; set; }

    /// <summary>
    /// False (the value marked, <see cref="Infrastructure.ListFilters.CheckCountyAndTownship"/>) when the county or township
    /// is not a region of that level within <paramref name="scopeCounty"/> (null: the whole city) or a value could not be
    /// bound: the list and its export show nothing.
    /// </summary>
    public bool Check(Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary state, RegionTree tree, string? scopeCounty,
        Microsoft.Extensions.Localization.IStringLocalizer l) =>
        Infrastructure.ListFilters.CheckCountyAndTownship(state, County, Township, tree, scopeCounty, l);

    /// <summary>Status in lifecycle (declaration) order, not by its stored name.</summary>
    private static readonly System.Linq.Expressions.Expression<Func<BusinessEntity, int>> StatusRank = TalentHub.Web.Data.EnumOrder.Rank((BusinessEntity e) => e.Status);

    /// <summary>Whether a normalised search text is shaped like a credit code: 18 characters of the code's alphabet (the check digit may fail).</summary>
    private static bool IsCreditCode(string code) => CreditCode.Check(code) is CreditCodeCheck.Valid or CreditCodeCheck.CheckDigitMismatch;

    /// <summary>The list's filters and sort on top of <paramref name="entities"/>; region scoping comes from the context's query filter, not from here.</summary>
    public IQueryable<BusinessEntity> Apply(IQueryable<BusinessEntity> entities)
    {
        if (!string.IsNullOrEmpty(County)) entities = entities.Where(e => e.CountyCode == County);
        if (Township is { Length: 12 }) entities = entities.Where(e => e.RegionCode.StartsWith(Township.Substring(0, 9)));
        if (Type is { } type) entities = entities.Where(e => e.Type == type);
        if (Status is { } status) entities = entities.Where(e => e.Status == status);
        if (!string.IsNullOrWhiteSpace(Industry)) entities = entities.Where(e => e.Industry == Industry);
        if (Rating is { } rating) entities = entities.Where(e => e.Rating == rating);
        if (!string.IsNullOrWhiteSpace(Q))
        {
            // A credit code (18 characters of its alphabet) is looked up whole; anything else is part of a name, normalised as
            // names are stored (rev35b: names keep NFKC, so a typed "（普通合伙）" never matched the stored "(普通合伙)", and an
            // 18-character Chinese name was taken for a code and found nothing).
            var code = CreditCode.Normalize(Q);
            entities = IsCreditCode(code) ? entities.Where(e => e.CreditCode == code)
                : TextNormalizer.Normalize(Q) is { Length: > 0 } name ? entities.Where(e => e.Name.Contains(name)) : entities;
        }
        return (Sort, Desc) switch
        {
            ("revenue", false) => entities.OrderBy(e => e.AnnualRevenue).ThenBy(e => e.Id),
            ("revenue", true) => entities.OrderByDescending(e => e.AnnualRevenue).ThenBy(e => e.Id),
            ("registered", false) => entities.OrderBy(e => e.RegisteredOn).ThenBy(e => e.Id),
            ("registered", true) => entities.OrderByDescending(e => e.RegisteredOn).ThenBy(e => e.Id),
            ("status", false) => entities.OrderBy(StatusRank).ThenBy(e => e.Id),
            ("status", true) => entities.OrderByDescending(StatusRank).ThenBy(e => e.Id),
            (_, true) => entities.OrderByDescending(e => EF.Functions.Collate(e.Name, Pinyin.Collation)).ThenBy(e => e.Id),
            _ => entities.OrderBy(e => EF.Functions.Collate(e.Name, Pinyin.Collation)).ThenBy(e => e.Id),
        };
    }

    /// <summary>Adds the set filter values to an export's audit note (a searched ID number or mobile masked).</summary>
    public AuditNote AuditNote(AuditNote note) => note.With(AuditNoteKeys.County, County).With(AuditNoteKeys.Township, Township)
        .With(AuditNoteKeys.EntityType, Type).With(AuditNoteKeys.EntityStatus, Status).With(AuditNoteKeys.Industry, Industry)
        .With(AuditNoteKeys.Rating, Rating).With(AuditNoteKeys.Search, string.IsNullOrWhiteSpace(Q) ? null : Spreadsheets.ExportLinks.MaskSearch(Q));

    /// <summary>The filter as query-string values (nulls dropped by <see cref="Spreadsheets.ExportLinks.Url"/>), so an export applies the same filters.</summary>
    public Dictionary<string, string?> ToQuery() => new()
    {
        ["County"] = County, ["Township"] = Township, ["Type"] = Type?.ToString(), ["Status"] = Status?.ToString(),
        ["Industry"] = Industry, ["Rating"] = Rating?.ToString(), ["Q"] = Q, ["Sort"] = Sort, ["Desc"] = Desc ? "true" : null,
    };
}
