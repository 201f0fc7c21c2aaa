using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using TalentHub.Web.Data;
using TalentHub.Web.Infrastructure;
using TalentHub.Web.Services.Spreadsheets;
using TalentHub.Web.Services.Audit;

namespace TalentHub.Web.Services.Spreadsheets;

/// <summary>
/// The two steps of an import page. Validate: read and check the whole file (within the reader's caps), list
/// every bad row and every warning, write nothing, keep the file (by token) for step two. Confirm: take the preview's
/// validated rows when this node holds them for exactly the stored bytes (<see cref="ValidatedImports"/>), else check
/// the file again; warnings must be accepted; then write every valid row and its per-record audit rows through
/// <see cref="BulkInserter"/> in short transactions of <see cref="ImportOptions.BatchRows"/> under a pending
/// <see cref="ImportBatch"/> (invisible to every query), and make them visible with the import's summary row in one
/// short final transaction (<see cref="ImportBatches.CommitAsync"/>): all or nothing, and no other user's save waits
/// longer than one chunk (issue 8, item 9; README "Imports"). An interrupted confirm (error, client gone) removes its
/// batch and leaves the upload in place; a crash leaves a pending batch that the ImportCleanup job removes. A row
/// someone registered meanwhile is skipped. Both steps stop when the client goes away. Both steps first discard the
/// batches of confirms whose owner is gone (<see cref="ImportBatches.DiscardOrphansAsync"/>). A confirm claims its upload
/// (<see cref="IUploadStore.TryClaim"/>) before writing, so a second confirm of the same preview (another tab) writes
/// nothing, records no audit row and says "already confirmed" (review 5).
/// </summary>
public abstract partial class ImportPageModel(ImportSteps steps) : PageModel
{
    private readonly TalentHubDbContext db = steps.Db;
    private readonly AuditLog audit = steps.Audit;
    private readonly IRegionScope scope = steps.Scope;
    private readonly IUploadStore uploads = steps.Uploads;
    private readonly ImportOptions options = steps.Options;
    private readonly IStringLocalizer<SharedResource> l = steps.L;

    private IImporter Importer => steps.Importer;

    /// <summary>"people" or "entities": names the template and ties a stored upload to its page.</summary>
    protected abstract string Kind { get; }

    /// <summary>Resource key of the template's data sheet name (人才 / People).</summary>
    protected abstract string TemplateSheetKey { get; }

    [BindProperty] public IFormFile? Upload { get; set; }

    /// <summary>The stored upload waiting for confirmation (a guid, nothing else).</summary>
    [BindProperty] public string? Token { get; set; }

    /// <summary>The clerk looked at the warnings (identifiers Excel may have rounded) and accepts them.</summary>
    [BindProperty] public bool AcceptWarnings { get; set; }

    /// <summary>The caps a file must keep to, stated on the page.</summary>
    public ImportOptions Options => options;

    public ImportReport? Report { get; private set; }

    public string Cap => options.CapText;

    public IReadOnlyList<ImportColumn> Columns => Importer.Columns;

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";

    /// <summary>Shows the upload form; <paramref name="tooLarge"/> is set by <see cref="UploadLimitAttribute"/> after it refused an oversized post, and names the cap.</summary>
    public void OnGet([FromQuery(Name = UploadLimitAttribute.TooLargeQuery)] bool tooLarge = false)
    {
        if (tooLarge) ModelState.AddModelError(nameof(Upload), l["Import.TooLarge", Cap]);
    }

    /// <summary>The empty template (.xlsx, or .csv with <c>format=csv</c>) with the headers in the page's language; the .xlsx has notes and text-formatted identifier columns.</summary>
    public IActionResult OnGetTemplate(string? format) => format == "csv"
        ? File(ImportTemplate.Csv(Columns), SheetWriter.CsvType, $"{Kind}-import-template.csv")
        : File(ImportTemplate.Xlsx(Columns, l[TemplateSheetKey], l), SheetWriter.XlsxType, $"{Kind}-import-template.xlsx");

    /// <summary>
    /// Validates the whole uploaded file and shows every bad row (row, column, reason); keeps the file for the confirm.
    /// Nothing is written. Refused with a message next to the field when missing, empty, over the cap or not .xlsx/.csv.
    /// </summary>
    public async Task<IActionResult> OnPostValidateAsync(CancellationToken ct)
    {
        if (Upload is null) return Refuse(l["Import.FileRequired"]);
        if (Upload.Length == 0) return Refuse(l["Upload.Empty"]);
        if (Upload.Length > options.MaxUploadBytes) return Refuse(l["Import.TooLarge", Cap]);
        var fileName = Path.GetFileName(Upload.FileName);
        if (!SpreadsheetReader.IsSupported(fileName)) return Refuse(l["Import.UnsupportedType"]);

        var stages = new ImportStageTimer();
        using var buffer = new MemoryStream();
        await Upload.CopyToAsync(buffer, ct);
        var bytes = buffer.ToArray();
        stages.Lap("upload");
        // A batch whose confirm died (node killed) holds its rows' ID numbers: gone before they are counted as taken.
        await steps.Batches.DiscardOrphansAsync(ct);
        try { Report = await Importer.ValidateAsync(SheetSource.Upload(bytes, fileName, options), fileName, ct); }
        catch (ImportFileException ex) { return Refuse(l[ex.MessageKey, ex.Args]); }
        stages.Lap("validate");
        Token = Report.ValidCount > 0 ? uploads.Save(bytes, fileName, UserId, Kind) : null;
        if (Token is not null) steps.Previews.Keep(Token, UserId, Kind, scope.CountyCode, bytes, Report);
        stages.Lap("store");
        LogStages("validate", Report.TotalRows, stages, Report.Timings);
        return Page();
    }

    /// <summary>
    /// Writes the valid rows of the previewed upload in one transaction (matched by ID number or credit code, so a
    /// re-import changes nothing); one confirm per upload, the second is refused.
    /// </summary>
    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken ct)
    {
        var stages = new ImportStageTimer();
        var stored = uploads.Load(Token, UserId, Kind);
        if (stored is null) return Refuse(l[UploadStateMessages.KeyOf(uploads.StateOf(Token, UserId, Kind))]);
        // As in the validate: a dead confirm's rows would be skipped as taken by this one's inserts.
        await steps.Batches.DiscardOrphansAsync(ct);
        stages.Lap("load");
        // The preview's validated rows when this node made it from exactly these bytes; else read and validate again.
        var report = steps.Previews.Take(Token, UserId, Kind, scope.CountyCode, stored.Bytes);
        if (report is not null && !await Importer.StillValidAsync(report, ct)) report = null;
        var reused = report is not null;
        if (report is null)
        {
            try { report = await Importer.ValidateAsync(SheetSource.Upload(stored.Bytes, stored.FileName, options), stored.FileName, ct); }
            catch (ImportFileException ex) { return Refuse(l[ex.MessageKey, ex.Args]); }
        }
        stages.Lap(reused ? "previewReused" : "validate");
        if (report.FileRejected)
        {
            Report = report;
            return Page();
        }
        if (report.Warnings.Count > 0 && !AcceptWarnings)
        {
            Report = report;
            // Nothing was written: the same rows serve the next confirm (with the warnings accepted).
            steps.Previews.Keep(Token!, UserId, Kind, scope.CountyCode, stored.Bytes, report);
            ModelState.AddModelError(nameof(AcceptWarnings), l["Import.AcceptWarningsRequired"]);
            return Page();
        }
        // One confirm per preview: a second tab confirming the same upload writes nothing, no audit row, and says so.
        if (!uploads.TryClaim(Token, UserId, Kind)) return Refuse(l[UploadStateMessages.KeyOf(uploads.StateOf(Token, UserId, Kind))]);
        int written;
        var done = false;
        try
        {
            written = await WriteAllAsync(report, stored.FileName, stages, ct);
            done = true;
        }
        // Database and I/O failures and cancellation only (EF reports a transient database failure as an
        // InvalidOperationException around the DbException); a programming error is not dressed up as WriteFailed.
        catch (Exception ex) when (ex is System.Data.Common.DbException or DbUpdateException or IOException or OperationCanceledException
                                   or InvalidOperationException { InnerException: System.Data.Common.DbException })
        {
            // Nothing of the import is visible (its batch was removed); the upload stays for another try.
            steps.Log.LogError(ex, "Import confirm failed; nothing was written");
            Report = report;
            return Refuse(l["Import.WriteFailed"]);
        }
        finally
        {
            // Nothing of it is visible: the upload may be confirmed again.
            if (!done) uploads.Release(Token, UserId, Kind);
        }
        var skipped = report.Skipped.Count + report.ValidCount - written;
        uploads.MarkConfirmed(Token, UserId, Kind);
        steps.Previews.Forget(Token);
        stages.Lap("cleanup");
        LogStages("confirm", report.TotalRows, stages, report.Timings);
        TempData["Flash"] = l.Plural("Import.Done", written, written, skipped, report.BadRows).Value;
        return RedirectToPage();
    }

    /// <summary>
    /// Writes the import in short transactions of <see cref="ImportOptions.BatchRows"/> records under one pending
    /// <see cref="ImportBatch"/> (each chunk skips records registered meanwhile and retries once more should a parallel
    /// writer take one between its check and its insert), then makes all of it visible with the import's summary row in
    /// one short transaction. On any failure or cancel the batch is removed, so nothing of it is ever seen.
    /// </summary>
    private async Task<int> WriteAllAsync(ImportReport report, string fileName, ImportStageTimer stages, CancellationToken ct)
    {
        await using var connection = await steps.Inserter.HoldConnectionAsync(ct);
        var batch = await steps.Batches.BeginAsync(Kind, UserId, ct);
        steps.Inserter.Stages = stages;
        stages.Lap("begin");
        var committed = false;
        try
        {
            var written = 0;
            foreach (var chunk in report.Valid.Chunk(options.BatchRows))
            {
                written += await WriteChunkAsync(chunk, batch, ct);
                foreach (var observer in steps.Observers) await observer.ChunkWrittenAsync(batch, written, ct);
            }
            stages.Lap("chunks");
            var skipped = report.Skipped.Count + report.ValidCount - written;
            audit.Record(AuditAction.Import, Importer.AuditType, null,
                new AuditNote().With(AuditNoteKeys.File, AuditNotes.FileName(fileName)).With(AuditNoteKeys.Rows, written).With(AuditNoteKeys.Skipped, skipped)
                    .With(AuditNoteKeys.Bad, report.BadRows).With(AuditNoteKeys.WarningsAccepted, report.Warnings.Count),
                scope.CountyCode);
            await steps.Batches.CommitAsync(batch, ct);
            committed = true;
            stages.Lap("flip");
            return written;
        }
        finally
        {
            steps.Inserter.Stages = null;
            db.ChangeTracker.Clear();
            if (!committed) await DiscardAsync(batch);
            foreach (var observer in steps.Observers) await observer.BatchEndedAsync(batch, committed);
        }
    }

    private async Task<int> WriteChunkAsync(object[] chunk, long batch, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            try
            {
                var written = await Importer.WriteAsync(chunk, steps.Inserter, batch, ct);
                await steps.Batches.TouchAsync(batch, ct);
                await tx.CommitAsync(ct);
                return written;
            }
            catch (Exception ex) when (ex is DbUpdateException or System.Data.Common.DbException && attempt < 3)
            {
                await tx.RollbackAsync(ct);
            }
        }
    }

    /// <summary>Removes a batch that will not be committed; should that fail too, the ImportCleanup job removes it.</summary>
    private async Task DiscardAsync(long batch)
    {
        try { await steps.Batches.DiscardAsync(batch, CancellationToken.None); }
        catch (Exception ex) when (ex is System.Data.Common.DbException or DbUpdateException or InvalidOperationException)
        {
            steps.Log.LogError(ex, "Import batch {Batch} could not be removed now; the ImportCleanup job will", batch);
        }
    }

    /// <summary>One Information line per step: "Import stages (people confirm, 10000 rows): read=… validate=… rows=… …" (ms).</summary>
    private void LogStages(string step, int rows, ImportStageTimer page, ImportStageTimer validation) =>
        steps.Log.LogInformation("Import stages ({Kind} {Step}, {Rows} rows): {Stages} | validation: {Validation}", Kind, step, rows, page, validation);

    private PageResult Refuse(string message)
    {
        ModelState.AddModelError(nameof(Upload), message);
        return Page();
    }

}
