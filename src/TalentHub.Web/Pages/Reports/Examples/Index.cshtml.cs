using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using TalentHub.Web.Data;
using TalentHub.Web.Domain.Reports;
using TalentHub.Web.Infrastructure;
using TalentHub.Web.Services;
using TalentHub.Web.Services.Audit;
using TalentHub.Web.Services.Spreadsheets;

namespace TalentHub.Web.Pages.Reports.Examples;

/// <summary>/Reports/Examples: the typical examples in the user's scope, pending ones first (city officers decide them).</summary>
[Authorize(Policy = Policies.Officer)]
public sealed class IndexModel(TalentHubDbContext db, RegionDirectory regions, IRegionScope scope, IStringLocalizer<SharedResource> l) : PageModel
{
    /// <summary>The page shows at most this many examples (the export has them all).</summary>
    public const int MaxShown = 500;

    /// <summary>One example of the list; <paramref name="ProposedBy"/> is the proposer's display name (<see cref="StaffNames"/>).</summary>
    public sealed record Row(int Id, string Title, string County, ExampleSubject Subject, ExampleStatus Status, string ProposedBy, DateTimeOffset ProposedAt);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Rows = await RowsAsync(MaxShown, ct);

    /// <summary>
    /// <c>/Reports/Examples?handler=Export&amp;format=xlsx|csv</c>: every example in the user's scope (another county's are
    /// not read), in the list's order and with its columns (the proposal time as a date value, Shanghai "yyyy-MM-dd HH:mm", as
    /// the other exports write times; fix34f: it was the page's Chinese words), audited, named by scope and day (<see cref="DownloadName"/>:
    /// <c>典型案例_安吉县_2026-12-02.xlsx</c>). 400 for a format other than xlsx or csv.
    /// </summary>
    public async Task<IActionResult> OnGetExportAsync(string? format, [FromServices] AuditLog audit, [FromServices] TimeProvider clock, CancellationToken ct)
    {
        if (format is not ("xlsx" or "csv")) return BadRequest();
        var rows = await RowsAsync(int.MaxValue, ct);
        var tree = await regions.GetAsync(ct);
        var sheet = new SheetData(l["Sheet.Examples"],
            [l["Example.Title"], l["Targets.County"], l["Example.Kind"], l["Example.Status"], l["Example.ProposedBy"], l["Example.ProposedAt"]],
            rows.Select(r => (IReadOnlyList<object?>)[r.Title, r.County, l["ExampleSubject." + r.Subject].Value, l["ExampleStatus." + r.Status].Value,
                r.ProposedBy, r.ProposedAt.ToShanghai()]));
        audit.Record(AuditAction.Export, nameof(TypicalExample), null, new AuditNote().With(AuditNoteKeys.Format, format).With(AuditNoteKeys.Rows, rows.Count), scope.CountyCode);
        await db.SaveChangesAsync(ct);
        var extension = format == "csv" ? "csv" : "xlsx";
        var name = new DownloadName().Text(l, "Download.Examples")
            .Region(scope.CountyCode is { } county ? tree.Find(county) : tree.AtLevel(Domain.Regions.RegionLevel.City).FirstOrDefault())
            .Add(ShanghaiTime.ToShanghai(clock.GetUtcNow()).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        return name.File(extension == "csv" ? SheetWriter.Csv(sheet) : SheetWriter.Xlsx(sheet), extension == "csv" ? SheetWriter.CsvType : SheetWriter.XlsxType, extension);
    }

    /// <summary>The export link for <paramref name="format"/> (xlsx or csv); the list has no filters besides the user's scope.</summary>
    public static string ExportUrl(string format) => ExportLinks.HandlerUrl("/Reports/Examples", new Dictionary<string, string?>(), format);

    /// <summary>Up to <paramref name="take"/> examples of the user's scope (the region filter), pending first, newest first within a status.</summary>
    private async Task<List<Row>> RowsAsync(int take, CancellationToken ct)
    {
        var tree = await regions.GetAsync(ct);
        var rows = await db.Examples.AsNoTracking().OrderBy(e => e.Status).ThenByDescending(e => e.ProposedAt).Take(take)
            .Select(e => new { e.Id, e.Title, e.CountyCode, e.Subject, e.Status, e.ProposedBy, e.ProposedAt }).ToListAsync(ct);
        var staff = await StaffNames.LoadAsync(db, rows.Select(r => r.ProposedBy), ct);
        return rows.Select(r => new Row(r.Id, r.Title, tree.NameOf(r.CountyCode) ?? r.CountyCode, r.Subject, r.Status, staff.Of(r.ProposedBy), r.ProposedAt)).ToList();
    }
}
