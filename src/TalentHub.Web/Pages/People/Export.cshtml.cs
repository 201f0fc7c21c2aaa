using TalentHub.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using TalentHub.Web.Data;
using TalentHub.Web.Domain;
using TalentHub.Web.Domain.People;
using TalentHub.Web.Services;
using TalentHub.Web.Services.Spreadsheets;
using TalentHub.Web.Services.Audit;
using TalentHub.Web.Services.People;

namespace TalentHub.Web.Pages.People;

/// <summary><c>/People/Export?format=xlsx|csv&amp;{list filters}</c>: the list's rows, all pages, masked, audited.</summary>
[Authorize(Policy = Policies.RegistryStaff)]
public sealed class ExportModel(TalentHubDbContext db, PeopleExport export, AuditLog audit, IRegionScope scope,
    TimeProvider clock, RegionDirectory regions, Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)] public PeopleFilter Filter { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string? format, CancellationToken ct)
    {
        if (format is not (null or "xlsx" or "csv")) return BadRequest();
        // A refused filter exports nothing: back to the list, which marks the value (ListFilters), same query.
        if (!Filter.Check(ModelState, await regions.GetAsync(ct), scope.CountyCode, l))
            return Redirect("/People" + QueryString.Create(Request.Query.Where(q => q.Key != "format")));
        var csv = format == "csv";
        var sheet = await export.BuildAsync(Filter, ct);
        var count = sheet.Rows.Count();
        audit.Record(AuditAction.Export, nameof(Person), null,
            Filter.AuditNote(new AuditNote().With(AuditNoteKeys.Format, csv ? "csv" : "xlsx").With(AuditNoteKeys.Rows, count)), scope.CountyCode);
        await db.SaveChangesAsync(ct);
        return ExportLinks.File(sheet, await ExportLinks.NameAsync(l, "Download.People", regions, Filter.County ?? scope.CountyCode, clock, ct), csv);
    }
}
