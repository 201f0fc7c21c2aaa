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
using TalentHub.Web.Services.Spreadsheets;
using TalentHub.Web.Services.Training;
using TalentHub.Web.Services.Audit;
using TalentHub.Web.Services.People;

namespace TalentHub.Web.Pages.Training.Courses;

/// <summary>
/// Roster import: the whole file is validated first and nothing is enrolled; on confirm each valid row
/// is enrolled through the enrollment service in file order (confirmed while seats remain, then waitlisted).
/// </summary>
[Authorize(Policy = Policies.RegistryStaff)]
public sealed class RosterImportModel(TalentHubDbContext db, RosterImporter importer, EnrollmentService enrollments,
    AuditLog audit, ImportOptions options, IStringLocalizer<SharedResource> l) : PageModel
{
    private readonly ImportOptions _options = options;

    public RosterAccess.CourseHead Course { get; private set; } = null!;
    [BindProperty] public IFormFile? Upload { get; set; }
    public ImportReport? Report { get; private set; }
    public IReadOnlyList<RosterImportRow> Valid { get; private set; } = [];
    public string CapText => _options.CapText;

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnGetTemplateAsync(int id)
    {
        if (!await LoadAsync(id)) return NotFound();
        var english = TalentHubCultures.IsEnglish;
        var csv = string.Join(",", RosterImporter.Columns.Select(c => c.Header(english))) + "\r\n";
        return File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray(), "text/csv", "roster-template.csv");
    }

    public async Task<IActionResult> OnPostValidateAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (Upload is null || Upload.Length == 0) return FileError("Roster.Import.NoFile");
        if (!SpreadsheetReader.IsSupported(Upload.FileName)) return FileError("Roster.Import.UnsupportedType");
        if (Upload.Length > _options.MaxUploadBytes) return FileError("Roster.Import.TooLarge", CapText);

        using var buffer = new MemoryStream();
        await Upload.CopyToAsync(buffer, ct);
        Sheet sheet;
        try { sheet = SpreadsheetReader.Read(buffer.ToArray(), Upload.FileName); }
        catch (ImportFileException ex) { return FileError("Roster." + ex.MessageKey); }

        var (report, valid) = await importer.ValidateAsync(sheet, Path.GetFileName(Upload.FileName), id, ct);
        Report = report;
        Valid = valid;
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(int id, List<int> personIds, string? fileName, CancellationToken ct)
    {
        if (!await LoadAsync(id)) return NotFound();
        // Only people this user may see; the enrollment service checks every rule again.
        var visible = (await db.People.AsNoTracking().Where(p => personIds.Contains(p.Id)).Select(p => p.Id).ToListAsync(ct)).ToHashSet();
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        int confirmed = 0, waitlisted = 0, refused = 0;
        // All rows in one transaction: the roster changes completely or not at all.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var personId in personIds.Distinct())
        {
            var outcome = visible.Contains(personId) ? await enrollments.EnrollAsync(id, personId, userId, ct: ct) : null;
            if (outcome is not { Enrolled: true }) refused++;
            else if (outcome.Status == EnrollmentStatus.Confirmed) confirmed++;
            else waitlisted++;
        }
        var name = Path.GetFileName(fileName ?? "");
        audit.Record(AuditAction.Import, "Course", id.ToString(CultureInfo.InvariantCulture),
            $"roster import {name[..Math.Min(name.Length, 100)]}: {confirmed} confirmed, {waitlisted} waitlisted, {refused} refused", Course.CountyCode);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        TempData["Flash"] = l["Roster.Import.Done", confirmed, waitlisted, refused].Value;
        return RedirectToPage("/Training/Courses/Roster", new { id });
    }

    /// <summary>The issue's text: its resource key with its arguments.</summary>
    public string Describe(ImportIssue issue) => l[issue.MessageKey, issue.Args];

    private IActionResult FileError(string key, params object[] args)
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
