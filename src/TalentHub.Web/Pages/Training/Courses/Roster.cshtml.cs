using TalentHub.Web.Infrastructure;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using TalentHub.Web.Data;
using TalentHub.Web.Domain.Common;
using TalentHub.Web.Domain.Training;
using TalentHub.Web.Services;
using TalentHub.Web.Services.Training;
using TalentHub.Web.Services.People;
using TalentHub.Web.Services.Audit;
using TalentHub.Web.Services.Spreadsheets;

namespace TalentHub.Web.Pages.Training.Courses;

/// <summary>
/// A course's roster: participants and waitlist in order. Staff enroll a person on their behalf (with a
/// written, audited override for eligibility refusals; never for the repeat rule) and cancel places.
/// </summary>
[Authorize(Policy = Policies.CourseViewer)]
public sealed class RosterModel(TalentHubDbContext db, EnrollmentService enrollments, PersonalDataProtector protector,
    IStringLocalizer<SharedResource> l, RegionDirectory regions) : PageModel
{
    public sealed record Candidate(int Id, string Name, string MaskedId, string MaskedMobile, string Village, bool OnRoster);

    public sealed class EnrollInput
    {
        public int PersonId { get; set; }

        [StringLength(500, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Roster.OverrideReason")]
        public string? OverrideReason { get; set; }
    }

    public RosterAccess.CourseHead Course { get; private set; } = null!;
    public RosterList Roster { get; private set; } = new([], [], []);
    public bool IsStaff => RosterAccess.IsStaff(User);

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    public IReadOnlyList<Candidate> Candidates { get; private set; } = [];

    [BindProperty] public EnrollInput Input { get; set; } = new();
    /// <summary>The person whose enrollment was just refused, with the reasons.</summary>
    public Candidate? Chosen { get; private set; }
    public IReadOnlyList<EnrollmentRefusal> Refusals { get; private set; } = [];
    /// <summary>Waitlisted places the repeat rule passes over: enrollment id → the course whose place blocks them.</summary>
    public IReadOnlyDictionary<int, string> PassedOver { get; private set; } = new Dictionary<int, string>();
    /// <summary>The course that makes the repeat rule refuse, so staff can act on it.</summary>
    public string? BlockingCourse { get; private set; }
    public bool CanOverride => Refusals.Count > 0 && Refusals.All(EnrollmentRules.IsOverridable);

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (IsStaff && !string.IsNullOrWhiteSpace(Q)) Candidates = await SearchAsync(id);
        return Page();
    }

    /// <summary>
    /// <c>/Courses/{id}/Roster?handler=Export&amp;format=xlsx|csv</c>: the whole roster (participants, waitlist, cancelled) as
    /// the page shows it, identifiers masked, audited with the course id. 404 for a course the user may not see (another
    /// county's, or not the trainer's own); 400 for another format.
    /// </summary>
    public async Task<IActionResult> OnGetExportAsync(int id, string? format, [FromServices] AuditLog audit, [FromServices] TimeProvider clock,
        CancellationToken ct)
    {
        if (format is not ("xlsx" or "csv")) return BadRequest();
        if (await RosterAccess.FindAsync(db, id, User, ct) is not { } course) return NotFound();
        var roster = await RosterList.LoadAsync(db, id, ct);
        var sheet = roster.Sheet(course.Title, l);
        audit.Record(AuditAction.Export, nameof(Enrollment), null,
            new AuditNote().With(AuditNoteKeys.Format, format).With(AuditNoteKeys.Rows, roster.Count).With(AuditNoteKeys.Course, id), course.CountyCode);
        await db.SaveChangesAsync(ct);
        return ExportLinks.File(sheet, await ExportLinks.NameAsync(l, "Download.Roster", regions, course.CountyCode, clock, ct,
            (course.Title, string.Create(CultureInfo.InvariantCulture, $"course-{id}"))), csv: format == "csv");
    }

    /// <summary>The export link of this course's roster for <paramref name="format"/> (xlsx or csv).</summary>
    public string ExportUrl(string format) =>
        ExportLinks.HandlerUrl(string.Create(CultureInfo.InvariantCulture, $"/Courses/{Course.Id}/Roster"), new Dictionary<string, string?>(), format);

    public Task<IActionResult> OnPostEnrollAsync(int id) => EnrollAsync(id, null);

    public Task<IActionResult> OnPostOverrideAsync(int id)
    {
        if (string.IsNullOrWhiteSpace(Input.OverrideReason))
            ModelState.AddModelError("Input.OverrideReason", l["Roster.OverrideReasonRequired"]);
        return EnrollAsync(id, Input.OverrideReason?.Trim());
    }

    /// <summary>Places can be cancelled while the course is planned or running (promotion only before it starts).</summary>
    public bool CanCancelPlaces => CourseLifecycle.AllowsWithdrawal(Course.Status);

    /// <summary>A completed or archived course: the roster is read only except an audited correction.</summary>
    public bool CanCorrect => CourseLifecycle.AllowsCorrection(Course.Status);

    /// <summary>The place whose correction was refused (the reason is missing), to show the error next to its field.</summary>
    public int? CorrectingId { get; private set; }

    public async Task<IActionResult> OnPostCancelAsync(int id, int enrollmentId)
    {
        if (!IsStaff) return Forbid();
        if (!await LoadAsync(id)) return NotFound();
        if (!await db.Enrollments.AnyAsync(e => e.Id == enrollmentId && e.CourseId == id)) return NotFound();
        if (!CanCancelPlaces)
        {
            TempData["Flash"] = l["Roster.ReadOnly"].Value;
            return RedirectToPage(new { id });
        }
        var cancelled = await enrollments.CancelAsync(enrollmentId);
        TempData["Flash"] = !cancelled ? l["Roster.NotActive"].Value
            : CourseLifecycle.AllowsPromotion(Course.Status) ? l["Roster.Cancelled"].Value : l["Roster.CancelledNoPromotion"].Value;
        return RedirectToPage(new { id });
    }

    /// <summary>A correction on a closed roster: needs a written reason; never promotes; revokes a valid certificate of the place.</summary>
    public async Task<IActionResult> OnPostCorrectAsync(int id, int enrollmentId, string? reason)
    {
        if (!IsStaff) return Forbid();
        if (!await LoadAsync(id)) return NotFound();
        if (!await db.Enrollments.AnyAsync(e => e.Id == enrollmentId && e.CourseId == id)) return NotFound();
        if (!CanCorrect)
        {
            TempData["Flash"] = l["Roster.CorrectionNotAllowed"].Value;
            return RedirectToPage(new { id });
        }
        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > 200)
        {
            CorrectingId = enrollmentId;
            ModelState.AddModelError("reason", l[string.IsNullOrWhiteSpace(reason) ? "Roster.CorrectionReasonRequired" : "Validation.TooLong", 200]);
            return Page();
        }
        var corrected = await enrollments.CorrectAsync(enrollmentId, reason, User.Identity?.Name);
        TempData["Flash"] = l[corrected ? "Roster.Corrected" : "Roster.NotActive"].Value;
        return RedirectToPage(new { id });
    }

    private async Task<IActionResult> EnrollAsync(int id, string? overrideReason)
    {
        if (!IsStaff) return Forbid();
        if (!await LoadAsync(id)) return NotFound();
        // The person must be visible to this user: another county's person is a 404 for a county user.
        var chosen = await Project(db.People.AsNoTracking().Where(p => p.Id == Input.PersonId), id).FirstOrDefaultAsync();
        var tree = await regions.GetAsync([chosen?.RegionCode]);
        Chosen = chosen is { } c && tree.Find(c.RegionCode) is not null ? Mask(c, tree) : null;
        if (Chosen is null) return NotFound();
        if (!ModelState.IsValid)
        {
            (Refusals, BlockingCourse) = await enrollments.ExplainAsync(id, Chosen.Id);
            return Page();
        }

        var outcome = await enrollments.EnrollAsync(id, Chosen.Id, User.FindFirstValue(ClaimTypes.NameIdentifier), overrideReason);
        if (!outcome.Enrolled)
        {
            Refusals = outcome.Refusals;
            BlockingCourse = outcome.BlockingCourse;
            Roster = await RosterList.LoadAsync(db, id);
            await LoadPassedOverAsync(id);
            return Page();
        }
        TempData["Flash"] = l[outcome.Status == EnrollmentStatus.Confirmed ? "Roster.EnrolledConfirmed" : "Roster.EnrolledWaitlisted", Chosen.Name].Value;
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(int id)
    {
        if (await RosterAccess.FindAsync(db, id, User) is not { } course) return false;
        Course = course;
        Roster = await RosterList.LoadAsync(db, id);
        await LoadPassedOverAsync(id);
        return true;
    }

    private async Task LoadPassedOverAsync(int id) =>
        PassedOver = await enrollments.PassedOverAsync(Roster.Waitlist.Select(r => (r.EnrollmentId, id, r.PersonId)));

    private async Task<IReadOnlyList<Candidate>> SearchAsync(int courseId)
    {
        var people = new PeopleFilter { Q = Q }.Apply(db.People.AsNoTracking(), db.PersonNameGrams, protector).Take(20);
        var found = await Project(people, courseId).ToListAsync();
        var tree = await regions.GetAsync(found.Select(c => c.RegionCode));
        return found.Where(c => tree.Find(c.RegionCode) is not null).Select(c => Mask(c, tree)).ToList();
    }

    private sealed record RawCandidate(int Id, string Name, string IdNumber, string? Mobile, string RegionCode, bool OnRoster);

    private IQueryable<RawCandidate> Project(IQueryable<Domain.People.Person> people, int courseId) =>
        people.Select(p => new RawCandidate(p.Id, p.Name, p.IdNumber, p.Mobile, p.RegionCode,
            db.Enrollments.Any(e => e.CourseId == courseId && e.PersonId == p.Id
                && (e.Status == EnrollmentStatus.Confirmed || e.Status == EnrollmentStatus.Waitlisted))));

    private static Candidate Mask(RawCandidate c, RegionTree tree) => new(c.Id, c.Name, Masking.IdNumber(c.IdNumber), Masking.Mobile(c.Mobile),
        tree.NameOf(c.RegionCode)!, c.OnRoster);
}
