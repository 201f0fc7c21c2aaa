using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using TalentHub.Web.Data;
using TalentHub.Web.Domain.Common;
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

    // Both dictionaries are bound by explicit name: without one, a dictionary with no posted field falls back to the empty prefix
    // and reads every other form key (Scores[…], the antiforgery token) as an enrollment id, a format error on a good save.
    /// <summary>Enrollment id → score text; a posted empty value clears the score, an absent key leaves it.</summary>
    [BindProperty(Name = nameof(Scores))] public Dictionary<int, string?> Scores { get; set; } = [];
    /// <summary>
    /// Enrollment id → the score the form showed when it was loaded (hidden fields of the bulk form; the file import's confirm posts
    /// none and writes what the file said). A row changed by someone else since is kept, never overwritten (<see cref="StaleRow"/>).
    /// </summary>
    [BindProperty(Name = nameof(Shown))] public Dictionary<int, string?> Shown { get; set; } = [];
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
        var changedMeanwhile = new List<string>();
        foreach (var (enrollmentId, score) in parsed)
        {
            var enrollment = enrollments[enrollmentId];
            var outcome = TryShownScore(enrollmentId, out var shown) ? StaleRow.Decide(shown, enrollment.Score, Rounded(score)) : StaleRowOutcome.Write;
            if (outcome == StaleRowOutcome.Write) enrollment.SetScore(score);
            else if (outcome == StaleRowOutcome.Conflict) changedMeanwhile.Add(Trainees.First(t => t.EnrollmentId == enrollmentId).Name);
        }
        var changed = db.ChangeTracker.Entries<Enrollment>().Count(e => e.State == EntityState.Modified);
        await db.SaveChangesAsync();
        TempData["Flash"] = changedMeanwhile.Count == 0 ? l["Assessment.Saved", changed].Value
            : l["Assessment.SavedExceptChangedMeanwhile", changed, string.Join(l["Common.ListSeparator"], changedMeanwhile)].Value;
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
        // Within the configured caps (TalentHub:Import:MaxRows …), as every other import, and with the refusal's argument (rev35a: the
        // built-in caps applied, and "文件超过 {0} 行数据的上限" was shown with its placeholder).
        try { sheet = SpreadsheetReader.Read(buffer.ToArray(), Upload.FileName, options.Limits, ct); }
        catch (ImportFileException ex) { return FileError("Roster." + ex.MessageKey, ex.Args); }
        (Report, var valid) = await new ScoreImporter(db, registry).ValidateAsync(sheet, Path.GetFileName(Upload.FileName), id, ct);
        Valid = valid;
        return Page();
    }

    /// <summary>The issue's text: its resource key with its arguments.</summary>
    public string Describe(ImportIssue issue) => l[issue.MessageKey, issue.Args];

    /// <summary>The score the form showed for the row (null when it showed none); false when the post carried no readable hidden value.</summary>
    private bool TryShownScore(int enrollmentId, out decimal? shown)
    {
        shown = null;
        if (!Shown.TryGetValue(enrollmentId, out var text)) return false;
        if (string.IsNullOrWhiteSpace(text)) return true;
        if (!ScoreImporter.TryScore(text, out var score)) return false;
        shown = Rounded(score);
        return true;
    }

    /// <summary>A score as stored: one decimal place (<see cref="Enrollment.SetScore"/>).</summary>
    private static decimal? Rounded(decimal? score) => score is null ? null : Math.Round(score.Value, 1);

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
