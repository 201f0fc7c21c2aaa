using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using TalentHub.Web.Data;
using TalentHub.Web.Domain.Regions;
using TalentHub.Web.Infrastructure;
using TalentHub.Web.Services.Audit;
using TalentHub.Web.Services.Spreadsheets;
using TalentHub.Web.Services.Reports;

namespace TalentHub.Web.Pages.Reports.Dispatch;

/// <summary>
/// /Reports/Dispatch/{yyyy-MM}: one issued report as stored (table, paragraphs, examples); prints on A4; the .xlsx download
/// holds the same (<see cref="DispatchSheets"/>) and is audited.
/// </summary>
[Authorize(Policy = Policies.CityManager)]
public sealed class DetailsModel(TalentHubDbContext db, AuditLog audit, IStringLocalizer<SharedResource> l) : PageModel
{
    public DispatchFigures Figures { get; private set; } = null!;
    public Domain.Reports.DispatchReport Report { get; private set; } = null!;
    /// <summary>The city's name in the viewer's language, for the title ("" when the region list has no city).</summary>
    public string City { get; private set; } = "";
    public bool English => TalentHubCultures.IsEnglish;

    public async Task<IActionResult> OnGetAsync(string month)
    {
        if (!await LoadAsync(month)) return NotFound();
        return Page();
    }

    /// <summary>
    /// The report as .xlsx in the viewer's language: the report sheet (title, table, paragraphs) and the examples sheet;
    /// 404 for a month with no report, as the page.
    /// </summary>
    public async Task<IActionResult> OnGetXlsxAsync(string month)
    {
        if (!await LoadAsync(month)) return NotFound();
        audit.Record(AuditAction.Export, nameof(Domain.Reports.DispatchReport), Report.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            new AuditNote().With(AuditNoteKeys.Format, "xlsx"));
        await db.SaveChangesAsync();
        return FileName().File(SheetWriter.Xlsx(DispatchSheets.For(Figures, City, Report.IssuedAt, l, English)), SheetWriter.XlsxType, "xlsx");
    }

    /// <summary>What the download holds (<see cref="DownloadName"/>): <c>人才工作月报_湖州市_2026-11.xlsx</c> / <c>dispatch-report_Huzhou-City_2026-11.xlsx</c>.</summary>
    private DownloadName FileName() => new DownloadName().Text(l, "Download.Dispatch").Region(_city).Add(Report.Month);

    private Domain.Regions.Region? _city;

    private async Task<bool> LoadAsync(string month)
    {
        var report = await db.DispatchReports.AsNoTracking().FirstOrDefaultAsync(r => r.Month == month);
        if (report is null) return false;
        Report = report;
        Figures = DispatchService.Read(report);
        var city = await db.Regions.AsNoTracking().Where(r => r.Level == RegionLevel.City).OrderBy(r => r.Code).FirstOrDefaultAsync();
        City = city?.DisplayName(English) ?? "";
        _city = city;
        return true;
    }
}
