using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using TalentHub.Web.Data;
using TalentHub.Web.Domain.Training;
using TalentHub.Web.Services;
using TalentHub.Web.Services.Spreadsheets;
using TalentHub.Web.Services.People;
using TalentHub.Web.Services.Training;
using TalentHub.Web.Infrastructure;

namespace TalentHub.Web.Pages.Training.Courses;

/// <summary>
/// Assessment scores (考核) of an assessed course, by the trainer or the county's staff: every trainee in
/// one form (bulk), or a .xlsx/.csv file that is checked first and then confirmed. Scores are 0–100; a bad
/// value is shown next to its field and nothing is written. Open while trainees are undecided.
/// </summary>
[Authorize(Policy = Policies.CourseViewer)]
[UploadLimit]
public sealed class AssessmentModel(TalentHubDbContext db, PersonRegistry registry, IConfiguration configuration, IStringLocalizer<SharedResource> l) : PageModel
{
    public Course Course { get; private set; } = null!;
    public IReadOnlyList<TraineeResult> Trainees { get; private set; } = [];
    public bool IsOpen => Trainees.Any(t => t.Status == EnrollmentStatus.Confirmed);

    /// <summary>Enrollment id → score text; a posted empty value clears the score, an absent key leaves it.</summary>
    [BindProperty] public Dictionary<int, string?> Scores { get; set; } = [];
    [BindProperty] public IFormFile? Upload { get; set; }
    public ImportReport? Report { get; private set; }
    public IReadOnlyList<ScoreImportRow> Valid { get; private set; } = [];
    public string CapText => ImportOptions.From(configuration).CapText;
    /// <summary>The score file's cap in bytes (<see cref="ImportOptions.MaxUploadBytes"/>), checked in the browser before the upload.</summary>
    public long MaxUploadBytes => ImportOptions.From(configuration).MaxUploadBytes;

    /// <summary>The page; <paramref name="tooLarge"/> is set by <see cref="UploadLimitAttribute"/> after it refused an oversized upload.</summary>
    public async Task<IActionResult> OnGetAsync(int id, [FromQuery(Name = UploadLimitAttribute.TooLargeQuery)] bool tooLarge = false)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (tooLarge) ModelState.AddModelError(nameof(Upload), l["Roster.Import.TooLarge", CapText]);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(int id)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (!IsOpen) return Closed();
        var enrollments = await db.Enrollments.Where(e => e.CourseId == id && e.Status == EnrollmentStatus.Confirmed).ToDictionaryAsync(e => e.Id);
        var parsed = new Dictionary<int, decimal?>();
        foreach (var (enrollmentId, text) in Scores)
        {
            if (!enrollments.ContainsKey(enrollmentId)) continue;
            if (string.IsNullOrWhiteSpace(text)) parsed[enrollmentId] = null;
            else if (ScoreImporter.TryScore(text, out var score)) parsed[enrollmentId] = score;
            else ModelState.AddModelError($"Scores[{enrollmentId}]", l["Assessment.ScoreRange"]);
        }
        if (!ModelState.IsValid) return Page();
        foreach (var (enrollmentId, score) in parsed) enrollments[enrollmentId].SetScore(score);
        var changed = db.ChangeTracker.Entries<Enrollment>().Count(e => e.State == EntityState.Modified);
        await db.SaveChangesAsync();
        TempData["Flash"] = l["Assessment.Saved", changed].Value;
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostValidateAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (!IsOpen) return Closed();
        var options = ImportOptions.From(configuration);
        if (Upload is null) return FileError("Roster.Import.NoFile");
        if (Upload.Length == 0) return FileError("Upload.Empty");
        if (!SpreadsheetReader.IsSupported(Upload.FileName)) return FileError("Roster.Import.UnsupportedType");
        if (Upload.Length > options.MaxUploadBytes) return FileError("Roster.Import.TooLarge", CapText);
        using var buffer = new MemoryStream();
        await Upload.CopyToAsync(buffer, ct);
        Sheet sheet;
        try { sheet = SpreadsheetReader.Read(buffer.ToArray(), Upload.FileName); }
        catch (ImportFileException ex) { return FileError("Roster." + ex.MessageKey); }
        (Report, var valid) = await new ScoreImporter(db, registry).ValidateAsync(sheet, Path.GetFileName(Upload.FileName), id, ct);
        Valid = valid;
        return Page();
    }

    /// <summary>The issue's text: its resource key with its arguments.</summary>
    public string Describe(ImportIssue issue) => l[issue.MessageKey, issue.Args];

    public string ScoreText(decimal? score) => score?.ToString("0.#", CultureInfo.InvariantCulture) ?? "";

    private IActionResult Closed()
    {
        TempData["Flash"] = l["Assessment.Closed"].Value;
        return RedirectToPage();
    }

    private IActionResult FileError(string key, params object[] args)
    {
        ModelState.AddModelError(nameof(Upload), l[key, args]);
        return Page();
    }

    private async Task<bool> LoadAsync(int id)
    {
        if (await db.Courses.AsNoTracking().VisibleTo(User).Include(c => c.Sessions).FirstOrDefaultAsync(c => c.Id == id) is not { Assessed: true } course) return false;
        Course = course;
        Trainees = await CourseResults.ForCourseAsync(db, course);
        return true;
    }
}
