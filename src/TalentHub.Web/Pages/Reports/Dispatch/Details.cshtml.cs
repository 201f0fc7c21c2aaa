using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using TalentHub.Web.Data;
using TalentHub.Web.Infrastructure;
using TalentHub.Web.Services.Spreadsheets;
using TalentHub.Web.Services.Reports;

namespace TalentHub.Web.Pages.Reports.Dispatch;

/// <summary>/Reports/Dispatch/{yyyy-MM}: one issued report as stored (table, paragraphs, examples); prints on A4; .xlsx download.</summary>
[Authorize(Policy = Policies.CityManager)]
public sealed class DetailsModel(TalentHubDbContext db, IStringLocalizer<SharedResource> l) : PageModel
{
    public DispatchFigures Figures { get; private set; } = null!;
    public Domain.Reports.DispatchReport Report { get; private set; } = null!;
    public bool English => TalentHubCultures.IsEnglish;

    public async Task<IActionResult> OnGetAsync(string month)
    {
        if (!await LoadAsync(month)) return NotFound();
        return Page();
    }

    public async Task<IActionResult> OnGetXlsxAsync(string month)
    {
        if (!await LoadAsync(month)) return NotFound();
        return File(SheetWriter.Xlsx(DispatchService.Sheet(Figures, l, English)), SheetWriter.XlsxType, $"dispatch-{month}.xlsx");
    }

    private async Task<bool> LoadAsync(string month)
    {
        var report = await db.DispatchReports.AsNoTracking().FirstOrDefaultAsync(r => r.Month == month);
        if (report is null) return false;
        Report = report;
        Figures = DispatchService.Read(report);
        return true;
    }
}
