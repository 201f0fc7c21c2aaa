using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using TalentHub.Web.Data;
using TalentHub.Web.Domain.Regions;
using TalentHub.Web.Domain.Reports;
using TalentHub.Web.Infrastructure;
using TalentHub.Web.Services;
using TalentHub.Web.Services.Audit;
using TalentHub.Web.Services.Spreadsheets;
using TalentHub.Web.Services.Reports;

namespace TalentHub.Web.Pages.Reports;

/// <summary>
/// /Reports: progress against targets per county with ranking, charts (ECharts, drawn by /js/reports.js from a JSON
/// data block) and the city map; county roles see only their county beside the city average and the ranks.
/// </summary>
[Authorize(Policy = Policies.RegistryStaff)]
public sealed class IndexModel(TalentHubDbContext db, ReportsService reports, IRegionScope scope, AuditLog audit, TimeProvider clock,
    IOptions<TalentHubOptions> options, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)] public int Year { get; set; }
    [BindProperty(SupportsGet = true)] public string? County { get; set; }

    public Dashboard View { get; private set; } = null!;
    public TalentHubOptions.ReportsOptions Map => options.Value.Reports;
    public bool CanSetTargets => User.Meets(Policies.CityOfficer);

    public async Task OnGetAsync(CancellationToken ct) => View = await BuildAsync(ct);

    /// <summary>The tables beneath the charts as .xlsx (all three sheets) or .csv (the progress table), same scope, audited.</summary>
    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken ct)
    {
        if (format is not ("xlsx" or "csv")) return BadRequest();
        View = await BuildAsync(ct);
        var sheets = View.Sheets(l);
        audit.Record(AuditAction.Export, nameof(IndicatorSnapshot), null,
            $"format={format}; year={Year}; county={View.Shown.Count switch { 1 => View.Shown[0].County, _ => "all" }}", scope.CountyCode);
        await db.SaveChangesAsync(ct);
        return format == "csv"
            ? File(SheetWriter.Csv(sheets[0]), SheetWriter.CsvType, ExportLinks.FileName($"reports-{Year}", clock, csv: true))
            : File(SheetWriter.Xlsx([.. sheets]), SheetWriter.XlsxType, ExportLinks.FileName($"reports-{Year}", clock, csv: false));
    }

    private async Task<Dashboard> BuildAsync(CancellationToken ct)
    {
        var thisYear = ReportPeriod.DayOf(clock.GetUtcNow()).Year;
        if (Year < 2000 || Year > thisYear) Year = thisYear;
        var english = TalentHubCultures.IsEnglish;
        var names = (await db.Regions.AsNoTracking().Where(r => r.Level == RegionLevel.County).OrderBy(r => r.Code).ToListAsync(ct))
            .ToDictionary(r => r.Code, r => r.DisplayName(english));
        var board = await reports.LiveBoardAsync(Year, ct);
        var monthEnds = await reports.MonthEndsAsync(Year, ct);
        return Dashboard.For(board, monthEnds, names, scope.CountyCode, County);
    }

    /// <summary>The chart data for /js/reports.js (only what this user may see).</summary>
    public object ChartData()
    {
        var v = View;
        string Name(string c) => v.CountyNames.GetValueOrDefault(c, c);
        return new
        {
            map = v.CountyView ? null : new { name = Map.MapName, script = Map.MapScript },
            progress = v.Shown.Select(c => new { county = Name(c.County), mapName = MapFeatureName(c.County), score = c.Score is null ? (decimal?)null : Math.Round(c.Score.Value * 100, 1) }),
            cityAverage = v.Board.Counties.Count == 0 ? (decimal?)null
                : Math.Round(v.Board.Counties.Where(c => c.Score is not null).Select(c => c.Score!.Value).DefaultIfEmpty().Average() * 100, 1),
            trend = v.Trend.Select(t => new { month = t.Month, shown = t.Shown, average = t.CityAverage }),
            labels = new { score = l["Reports.Score"].Value, average = l["Reports.CityAverage"].Value, shown = l["Reports.Shown"].Value },
        };
    }

    private readonly Dictionary<string, string> _zhNames = new();

    /// <summary>The county's Chinese name, which the vendored GeoJSON uses as its feature name.</summary>
    private string MapFeatureName(string code)
    {
        if (_zhNames.Count == 0)
            foreach (var r in db.Regions.AsNoTracking().Where(r => r.Level == RegionLevel.County)) _zhNames[r.Code] = r.Name;
        return _zhNames.GetValueOrDefault(code, code);
    }
}
