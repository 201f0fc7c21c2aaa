using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using TalentHub.Web.Data;
using TalentHub.Web.Services.Spreadsheets;
using TalentHub.Web.Services.Audit;

namespace TalentHub.Web.Services.Spreadsheets;

/// <summary>
/// The two steps of an import page. Validate: read and check the whole file, list every bad row, write
/// nothing, keep the file (by token) for step two. Confirm: check it again and write every valid row in
/// one transaction, with an audit row for the import.
/// </summary>
public abstract partial class ImportPageModel(ImportSteps steps) : PageModel
{
    private readonly TalentHubDbContext db = steps.Db;
    private readonly AuditLog audit = steps.Audit;
    private readonly IRegionScope scope = steps.Scope;
    private readonly UploadStore uploads = steps.Uploads;
    private readonly ImportOptions options = steps.Options;
    private readonly IStringLocalizer<SharedResource> l = steps.L;

    private IImporter Importer => steps.Importer;

    /// <summary>"people" or "entities": names the template and ties a stored upload to its page.</summary>
    protected abstract string Kind { get; }

    protected abstract string TemplateSheetName { get; }

    [BindProperty] public IFormFile? Upload { get; set; }

    /// <summary>The stored upload waiting for confirmation (a guid, nothing else).</summary>
    [BindProperty] public string? Token { get; set; }

    public ImportReport? Report { get; private set; }

    public string Cap => options.CapText;

    public IReadOnlyList<ImportColumn> Columns => Importer.Columns;

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";

    public void OnGet([FromQuery(Name = UploadLimitAttribute.TooLargeQuery)] bool tooLarge = false)
    {
        if (tooLarge) ModelState.AddModelError(nameof(Upload), l["Import.TooLarge", Cap]);
    }

    public IActionResult OnGetTemplate(string? format) => format == "csv"
        ? File(ImportTemplate.Csv(Columns), SheetWriter.CsvType, $"{Kind}-import-template.csv")
        : File(ImportTemplate.Xlsx(Columns, TemplateSheetName), SheetWriter.XlsxType, $"{Kind}-import-template.xlsx");

    public async Task<IActionResult> OnPostValidateAsync(CancellationToken ct)
    {
        if (Upload is null || Upload.Length == 0) return Refuse(l["Import.FileRequired"]);
        if (Upload.Length > options.MaxUploadBytes) return Refuse(l["Import.TooLarge", Cap]);
        var fileName = Path.GetFileName(Upload.FileName);
        if (!SpreadsheetReader.IsSupported(fileName)) return Refuse(l["Import.UnsupportedType"]);

        using var buffer = new MemoryStream();
        await Upload.CopyToAsync(buffer, ct);
        var bytes = buffer.ToArray();
        Sheet sheet;
        try { sheet = SpreadsheetReader.Read(bytes, fileName); }
        catch (ImportFileException ex) { return Refuse(l[ex.MessageKey]); }

        Report = await Importer.ValidateAsync(sheet, fileName, stage: false, ct);
        Token = Report.ValidCount > 0 ? uploads.Save(bytes, fileName, UserId, Kind) : null;
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken ct)
    {
        var stored = uploads.Load(Token, UserId, Kind);
        if (stored is null) return Refuse(l["Import.UploadExpired"]);
        Sheet sheet;
        try { sheet = SpreadsheetReader.Read(stored.Bytes, stored.FileName); }
        catch (ImportFileException ex) { return Refuse(l[ex.MessageKey]); }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var report = await Importer.ValidateAsync(sheet, stored.FileName, stage: true, ct);
        if (report.FileRejected)
        {
            Report = report;
            return Page();
        }
        audit.Record(AuditAction.Import, Importer.AuditType, null,
            $"file={SafeName(stored.FileName)}; rows={report.ValidCount}; skipped={report.Skipped.Count}; bad={report.BadRows}",
            scope.CountyCode);
        try
        {
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Someone registered one of these records meanwhile (unique ID number or credit code).
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return Refuse(l["Import.Conflict"]);
        }
        uploads.Delete(Token);
        TempData["Flash"] = l["Import.Done", report.ValidCount, report.Skipped.Count, report.BadRows].Value;
        return RedirectToPage();
    }

    private PageResult Refuse(string message)
    {
        ModelState.AddModelError(nameof(Upload), message);
        return Page();
    }

    /// <summary>The file name for the audit log, without anything that could be an ID number or mobile.</summary>
    private static string SafeName(string fileName)
    {
        var name = LongDigits().Replace(fileName, "***");
        name = string.Concat(name.Where(c => !char.IsControl(c) && c != ';'));
        return name.Length <= 100 ? name : name[..100];
    }

    [GeneratedRegex(@"\d{7,}[\dXx]?")]
    private static partial Regex LongDigits();
}
