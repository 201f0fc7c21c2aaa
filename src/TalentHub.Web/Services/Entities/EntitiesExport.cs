using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using TalentHub.Web.Data;
using TalentHub.Web.Services.Spreadsheets;

namespace TalentHub.Web.Services.Entities;

/// <summary>The entity list as a sheet: the rows the list shows with the same filters and sort, all pages, in scope.</summary>
public sealed class EntitiesExport(TalentHubDbContext db, RegionDirectory directory, IStringLocalizer<SharedResource> l)
{
    /// <summary>The entity list as export rows, with <paramref name="filter"/> and the caller's region scope applied; land in 亩, revenue in 万元.</summary>
    public async Task<SheetData> BuildAsync(EntityFilter filter, CancellationToken ct = default)
    {
        var inScope = filter.Apply(db.BusinessEntities.AsNoTracking());
        var regions = await RegionNames.LoadAsync(directory, inScope.Select(e => e.RegionCode), ct);
        var query = inScope.Select(e => new
        {
            e.Name, e.CreditCode, e.Type, e.Status,
            Leader = db.People.Where(p => p.Id == e.LegalRepresentativeId).Select(p => p.Name).FirstOrDefault(),
            e.RegionCode, e.CountyCode, e.Industry, e.LandArea, e.Members, e.FamilyLabour, e.Employees,
            e.HouseholdsDriven, e.AnnualRevenue, e.Rating, e.RatingYear, e.RegisteredOn,
        });
        var rows = new List<IReadOnlyList<object?>>();
        await foreach (var e in query.AsAsyncEnumerable().WithCancellation(ct))
        {
            rows.Add(
            [
                e.Name, e.CreditCode, ImportLabels.Display(e.Type, l), ImportLabels.Display(e.Status, l), e.Leader ?? "",
                regions.Name(e.CountyCode), regions.Parent(e.RegionCode), regions.Name(e.RegionCode), e.Industry ?? "",
                e.LandArea, e.Members, e.FamilyLabour, e.Employees, e.HouseholdsDriven, e.AnnualRevenue,
                e.Rating is { } rating ? ImportLabels.Display(rating, l) : "", e.RatingYear, e.RegisteredOn,
            ]);
        }
        return new SheetData(l["Export.Entities.Sheet"], Headers(), rows);
    }

    private List<string> Headers() =>
    [
        l["Export.Entity.Name"], l["Export.Entity.CreditCode"], l["Export.Entity.Type"], l["Export.Entity.Status"],
        l["Export.Entity.LegalRepresentative"], l["Export.County"], l["Export.Township"], l["Export.Village"],
        l["Export.Entity.Industry"], l["Export.Entity.LandArea"], l["Export.Entity.Members"], l["Export.Entity.FamilyLabour"],
        l["Export.Entity.Employees"], l["Export.Entity.HouseholdsDriven"], l["Export.Entity.AnnualRevenue"],
        l["Export.Entity.Rating"], l["Export.Entity.RatingYear"], l["Export.Entity.RegisteredOn"],
    ];
}
