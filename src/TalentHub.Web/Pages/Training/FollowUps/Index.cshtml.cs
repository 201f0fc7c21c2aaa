using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using TalentHub.Web.Data;
using TalentHub.Web.Domain;
using TalentHub.Web.Services;
using TalentHub.Web.Services.Audit;
using TalentHub.Web.Services.Spreadsheets;
using TalentHub.Web.Services.Training;
using TalentHub.Web.Infrastructure;

namespace TalentHub.Web.Pages.Training.FollowUps;

/// <summary>
/// Follow-up tasks (跟踪服务) due 3, 6 and 12 months after completion, for the county's clerks and officers:
/// due and overdue first (filters, paging), exported with the filters as .xlsx or .csv (audited).
/// </summary>
[Authorize(Policy = Policies.RegistryStaff)]
public sealed class IndexModel(TalentHubDbContext db, AuditLog audit, IRegionScope scope, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true)] public FollowUpFilter Filter { get; set; } = new();
    [PageQuery] public int PageNumber { get; set; } = 1;
    public int Total { get; private set; }
    public IReadOnlyList<FollowUpRow> Rows { get; private set; } = [];
    public DateTimeOffset Now { get; private set; }

    public async Task OnGetAsync()
    {
        Now = clock.GetUtcNow();
        // Beyond int.MaxValue / PageSize the offset would overflow; such a page is past the end anyway.
        PageNumber = Math.Clamp(PageNumber, 1, int.MaxValue / PageSize);
        if (!CheckFilter()) return;
        (Total, var rows) = await Filter.ListAsync(db, Now, (PageNumber - 1) * PageSize, PageSize);
        if (rows.Count == 0 && Total > 0)
        {
            PageNumber = (Total + PageSize - 1) / PageSize;
            (Total, rows) = await Filter.ListAsync(db, Now, (PageNumber - 1) * PageSize, PageSize);
        }
        Rows = rows;
    }

    public async Task<IActionResult> OnGetExportAsync(string? format, [FromServices] RegionDirectory regions, CancellationToken ct)
    {
        if (format is not ("xlsx" or "csv")) return BadRequest();
        // A refused filter sends no file: back to the list, which marks the value (same query).
        if (!CheckFilter()) return Redirect("/FollowUps" + QueryString.Create(Request.Query.Where(q => q.Key is not ("handler" or "format"))));
        var now = clock.GetUtcNow();
        var (_, rows) = await Filter.ListAsync(db, now, ct: ct);
        var sheet = FollowUpRow.Sheet(rows, l, now);
        audit.Record(AuditAction.Export, "FollowUpTask", null, Filter.AuditNote(new AuditNote().With(AuditNoteKeys.Format, format).With(AuditNoteKeys.Rows, rows.Count)), scope.CountyCode);
        await db.SaveChangesAsync(ct);
        return ExportLinks.File(sheet, await ExportLinks.NameAsync(l, "Download.FollowUps", regions, scope.CountyCode, clock, ct), csv: format == "csv");
    }

    /// <summary>
    /// False (with the field's error, <see cref="ListFilters"/>) when a filter value could not be read or is not a
    /// milestone of <see cref="Domain.Training.FollowUpTask.Milestones"/>: then nothing is listed or exported.
    /// </summary>
    private bool CheckFilter()
    {
        if (Filter.Months is { } months && !Domain.Training.FollowUpTask.Milestones.Contains(months)) ModelState.Refuse("Months", l);
        return !ModelState.Refused();
    }

    public string ExportUrl(string format) => ExportLinks.HandlerUrl("/FollowUps", Filter.ToQuery(), format);
}
