using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using TalentHub.Web.Data;
using TalentHub.Web.Domain.Common;
using TalentHub.Web.Infrastructure;
using TalentHub.Web.Services.Spreadsheets;

namespace TalentHub.Web.Services.People;

/// <summary>
/// The people list as a sheet: the rows the list shows with the same filters and sort (all pages),
/// within the user's region scope, ID numbers and mobiles masked as on screen. Birth dates are left
/// out: they are the middle of the masked ID number.
/// </summary>
public sealed class PeopleExport(TalentHubDbContext db, PersonalDataProtector protector, RegionDirectory directory,
    IStringLocalizer<SharedResource> l)
{
    /// <summary>The registry list as export rows, with <paramref name="filter"/> and the caller's region scope applied.</summary>
    public async Task<SheetData> BuildAsync(PeopleFilter filter, CancellationToken ct = default)
    {
        var inScope = filter.Apply(db.People.AsNoTracking(), db.PersonNameGrams, protector);
        var regions = await RegionNames.LoadAsync(directory, inScope.Select(p => p.RegionCode), ct);
        var query = inScope.Select(p => new
        {
            p.Name, p.Sex, p.IdNumber, p.Mobile, p.RegionCode, p.CountyCode, p.Education, p.Industry, p.CreatedAt,
            Categories = p.Categories.Select(c => new { c.Category, c.LocalTalentType }).ToList(),
        });
        var rows = new List<IReadOnlyList<object?>>();
        // One query read as a stream: rows arrive as they are read, never the whole table at once.
        await foreach (var p in query.AsAsyncEnumerable().WithCancellation(ct))
        {
            rows.Add(
            [
                p.Name,
                ImportLabels.Display(p.Sex, l),
                Masking.IdNumber(p.IdNumber),
                Masking.Mobile(p.Mobile),
                regions.Name(p.CountyCode),
                regions.Parent(p.RegionCode),
                regions.Name(p.RegionCode),
                string.Join(regions.English ? ", " : "、", p.Categories.Select(c => ImportLabels.Display(c.Category, l))),
                string.Join(regions.English ? ", " : "、", p.Categories.Where(c => c.LocalTalentType is not null).Select(c => ImportLabels.Display(c.LocalTalentType!.Value, l))),
                p.Education is { } education ? ImportLabels.Display(education, l) : "",
                p.Industry ?? "",
                p.CreatedAt.ToShanghai(),
            ]);
        }
        return new SheetData(l["Export.People.Sheet"], Headers(), rows);
    }

    private List<string> Headers() =>
    [
        l["Export.Person.Name"], l["Export.Person.Sex"], l["Export.Person.IdNumber"], l["Export.Person.Mobile"],
        l["Export.County"], l["Export.Township"], l["Export.Village"], l["Export.Person.Categories"],
        l["Export.Person.LocalTalentType"], l["Export.Person.Education"], l["Export.Person.Industry"], l["Export.Person.CreatedAt"],
    ];
}
