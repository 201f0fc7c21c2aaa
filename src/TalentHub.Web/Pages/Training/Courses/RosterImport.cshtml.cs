using TalentHub.Web.Infrastructure;
using System.Globalization;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using TalentHub.Web.Data;
using TalentHub.Web.Domain;
using TalentHub.Web.Domain.Training;
using TalentHub.Web.Services;
using TalentHub.Web.Services.Audit;
using TalentHub.Web.Services.Spreadsheets;
using TalentHub.Web.Services.Training;

namespace TalentHub.Web.Pages.Training.Courses;

/// <summary>
/// Roster import: the whole file is validated first and nothing is enrolled; the validated upload is kept
/// server-side (by token, like the people import), so a roster of any length within the caps can be
/// confirmed. On confirm the file is checked again and every valid row is enrolled all or nothing in one short
/// transaction (<see cref="EnrollmentService.EnrollRosterAsync"/>: confirmed in file order while seats remain, then
/// waitlisted, each place audited with its county and notified); a failure writes nothing and says so. Importing
/// the same file again skips everyone already on the roster. A confirm claims its upload first, so confirming the same
/// preview from a second tab enrolls nobody, records no audit row and says "already confirmed" (review 5).
/// </summary>
[Authorize(Policy = Policies.RegistryStaff)]
[UploadLimit]
public sealed class RosterImportModel(TalentHubDbContext db, RosterImporter importer, EnrollmentService enrollments,
    AuditLog audit, IUploadStore uploads, ImportOptions options, IStringLocalizer<SharedResource> l, ILogger<RosterImportModel> log) : PageModel
{
    private readonly ImportOptions _options = options;

    public RosterAccess.CourseHead Course { get; private set; } = null!;
    [BindProperty] public IFormFile? Upload { get; set; }
    /// <summary>The stored upload waiting for confirmation (a guid, nothing else).</summary>
    [BindProperty] public string? Token { get; set; }
    [BindProperty] public bool AcceptWarnings { get; set; }
    public ImportReport? Report { get; private set; }
    public IReadOnlyList<RosterImportRow> Valid { get; private set; } = [];
    public string CapText => _options.CapText;
    public ImportOptions Options => _options;

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
    private static string Kind(int courseId) => $"roster-{courseId}";

    public async Task<IActionResult> OnGetAsync(int id, [FromQuery(Name = UploadLimitAttribute.TooLargeQuery)] bool tooLarge = false)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (tooLarge) ModelState.AddModelError(nameof(Upload), l["Roster.Import.TooLarge", CapText]);
        return Page();
    }

    /// <summary>The roster template: .xlsx (ID number column formatted as text) or, with format=csv, a CSV header.</summary>
    public async Task<IActionResult> OnGetTemplateAsync(int id, string? format)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (format == "xlsx")
            return File(ImportTemplate.Xlsx(RosterImporter.Columns, l["Import.Template.Roster"], l), SheetWriter.XlsxType, "roster-template.xlsx");
        return File(ImportTemplate.Csv(RosterImporter.Columns), SheetWriter.CsvType, "roster-template.csv");
    }

    public async Task<IActionResult> OnPostValidateAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (Upload is null) return FileError("Roster.Import.NoFile");
        if (Upload.Length == 0) return FileError("Upload.Empty");
        if (!SpreadsheetReader.IsSupported(Upload.FileName)) return FileError("Roster.Import.UnsupportedType");
        if (Upload.Length > _options.MaxUploadBytes) return FileError("Roster.Import.TooLarge", CapText);

        using var buffer = new MemoryStream();
        await Upload.CopyToAsync(buffer, ct);
        var bytes = buffer.ToArray();
        var fileName = Path.GetFileName(Upload.FileName);
        if (await ValidateAsync(id, bytes, fileName, ct) is { } error) return error;
        Token = Valid.Count > 0 ? uploads.Save(bytes, fileName, UserId, Kind(id)) : null;
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id)) return NotFound();
        var stored = uploads.Load(Token, UserId, Kind(id));
        if (stored is null) return FileError(UploadStateMessages.KeyOf(uploads.StateOf(Token, UserId, Kind(id)), "Roster.Import.UploadExpired"));
        // Checked again: people, seats and rules may have changed since the check.
        if (await ValidateAsync(id, stored.Bytes, stored.FileName, ct) is { } error) return error;
        if (Report!.Warnings.Count > 0 && !AcceptWarnings)
        {
            ModelState.AddModelError(nameof(AcceptWarnings), l["Import.AcceptWarningsRequired"]);
            return Page();
        }
        // One confirm per preview: a second tab confirming the same roster enrolls nobody, records no audit row, and says so.
        if (!uploads.TryClaim(Token, UserId, Kind(id))) return FileError(UploadStateMessages.KeyOf(uploads.StateOf(Token, UserId, Kind(id)), "Roster.Import.UploadExpired"));
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        // All or nothing, in one short transaction: every checked row gets its place (seats in file order, then the
        // waitlist), its audit row and its message, or — on any failure — none does and the upload stays for another try.
        RosterOutcome outcome;
        var done = false;
        try
        {
            outcome = await enrollments.EnrollRosterAsync(id, Valid.Select(r => r.PersonId).ToList(), userId, ct);
            done = true;
        }
        catch (DbUpdateException ex)
        {
            log.LogError(ex, "Roster import for course {Course} failed; nothing was written", id);
            db.ChangeTracker.Clear();
            return FileError("Roster.Import.WriteFailed");
        }
        finally
        {
            if (!done) uploads.Release(Token, UserId, Kind(id));
        }
        uploads.MarkConfirmed(Token, UserId, Kind(id));
        audit.Record(AuditAction.Import, "Course", id.ToString(CultureInfo.InvariantCulture),
            new AuditNote().With(AuditNoteKeys.File, AuditNotes.FileName(stored.FileName)).With(AuditNoteKeys.Confirmed, outcome.Confirmed)
                .With(AuditNoteKeys.Waitlisted, outcome.Waitlisted).With(AuditNoteKeys.AlreadyOnRoster, outcome.Skipped), Course.CountyCode);
        await db.SaveChangesAsync(ct);
        int confirmed = outcome.Confirmed, waitlisted = outcome.Waitlisted, refused = outcome.Skipped;
        TempData["Flash"] = l["Roster.Import.Done", confirmed, waitlisted, refused].Value;
        return RedirectToPage("/Training/Courses/Roster", new { id });
    }

    /// <summary>The issue's text: its resource key with its arguments.</summary>
    public string Describe(ImportIssue issue) => l[issue.MessageKey, issue.Args];

    /// <summary>Reads and checks the file; null when it could be read (the report is set), else the page with the file's error.</summary>
    private async Task<IActionResult?> ValidateAsync(int id, byte[] bytes, string fileName, CancellationToken ct)
    {
        Sheet sheet;
        try { sheet = SpreadsheetReader.Read(bytes, fileName, _options.Limits, ct); }
        catch (ImportFileException ex) { return FileError("Roster." + ex.MessageKey, ex.Args); }
        var (report, valid) = await importer.ValidateAsync(sheet, fileName, id, ct);
        Report = report;
        Valid = valid;
        return null;
    }

    private PageResult FileError(string key, params object[] args)
    {
        ModelState.AddModelError(nameof(Upload), l[key, args]);
        return Page();
    }

    private async Task<bool> LoadAsync(int id)
    {
        if (await RosterAccess.FindAsync(db, id, User) is not { } course) return false;
        Course = course;
        return true;
    }
}
