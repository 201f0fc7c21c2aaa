using TalentHub.Web.Services;
using TalentHub.Web.Infrastructure;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using TalentHub.Web.Data;
using TalentHub.Web.Domain;
using TalentHub.Web.Domain.Training;
using TalentHub.Web.Services.Training;

namespace TalentHub.Web.Pages.Training.Catalog;

/// <summary>One course as a farmer sees it, saying plainly whether they can enroll and why not.</summary>
public sealed class DetailsModel(TalentHubDbContext db, EnrollmentService enrollment, IStringLocalizer<SharedResource> l, RegionDirectory regions) : PageModel
{
    public sealed record SessionRow(DateTimeOffset StartsAt, DateTimeOffset EndsAt, string Topic, string? Place);

    public Course Course { get; private set; } = null!;
    public string County { get; private set; } = "";
    public IReadOnlyList<SessionRow> Sessions { get; private set; } = [];
    public int? PersonId { get; private set; }
    public IReadOnlyList<EnrollmentRefusal> Refusals { get; private set; } = [];
    /// <summary>Names of the counties whose residents may enroll (the rule's own list, <see cref="Course.Counties"/>).</summary>
    public IReadOnlyList<string> EligibleCounties { get; private set; } = [];
    /// <summary>People already on the waitlist.</summary>
    public int Waiting { get; private set; }
    /// <summary>The programme's subsidy for this course's trainee type, in yuan per trainee; null when not subsidised.</summary>
    public decimal? SubsidyYuan { get; private set; }
    /// <summary>The course that makes the repeat rule refuse.</summary>
    public string? BlockingCourse { get; private set; }
    /// <summary>
    /// The signed-in farmer's place on this course (Confirmed or Waitlisted), else null: the page then says where they stand and
    /// links to their enrollments, instead of "you cannot enroll: already enrolled" (rev37a).
    /// </summary>
    public EnrollmentStatus? Held { get; private set; }
    /// <summary>
    /// How the signed-in farmer's place on this course ended when they hold none now (Completed or NotCompleted), else null:
    /// the page then says so and links to their certificates or enrollments, instead of "not taking enrollments" (probe37).
    /// </summary>
    public EnrollmentStatus? Finished { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (PersonId is { } person)
        {
            (Refusals, BlockingCourse) = await enrollment.ExplainAsync(id, person);
            Held = await HeldAsync(id, person);
            if (Held is null) Finished = await FinishedAsync(id, person);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostEnrollAsync(int id)
    {
        if (User.Identity?.IsAuthenticated != true) return Challenge();
        if (!User.IsInRole(Roles.Farmer)) return Forbid();
        if (!await LoadAsync(id)) return NotFound();
        if (PersonId is not { } person) return Forbid();

        var outcome = await enrollment.EnrollAsync(id, person, User.FindFirstValue(ClaimTypes.NameIdentifier));
        if (!outcome.Enrolled && outcome.Refusals.Contains(EnrollmentRefusal.AlreadyEnrolled)
            && await HeldAsync(id, person) is { } held)
        {
            // A repeat of an enrollment this farmer already holds (enroll tapped twice, or again from an old page): answered
            // like the first, with where they stand, not as a refusal.
            TempData["Flash"] = l[held == EnrollmentStatus.Confirmed ? "Catalog.AlreadyConfirmed" : "Catalog.AlreadyWaitlisted"].Value;
            return RedirectToPage("/Training/My/Enrollments");
        }
        if (!outcome.Enrolled)
        {
            Refusals = outcome.Refusals;
            BlockingCourse = outcome.BlockingCourse;
            return Page();
        }
        TempData["Flash"] = l[outcome.Status == EnrollmentStatus.Confirmed ? "Catalog.Confirmed" : "Catalog.Waitlisted"].Value;
        return RedirectToPage("/Training/My/Enrollments");
    }

    /// <summary>The farmer's confirmed or waitlisted place on the course, or null when they hold none.</summary>
    private async Task<EnrollmentStatus?> HeldAsync(int courseId, int personId) =>
        await db.Enrollments.Where(e => e.CourseId == courseId && e.PersonId == personId
                && (e.Status == EnrollmentStatus.Confirmed || e.Status == EnrollmentStatus.Waitlisted))
            .Select(e => (EnrollmentStatus?)e.Status).FirstOrDefaultAsync();

    /// <summary>How the farmer's latest finished place on the course ended (Completed or NotCompleted), or null.</summary>
    private async Task<EnrollmentStatus?> FinishedAsync(int courseId, int personId) =>
        await db.Enrollments.Where(e => e.CourseId == courseId && e.PersonId == personId
                && (e.Status == EnrollmentStatus.Completed || e.Status == EnrollmentStatus.NotCompleted))
            .OrderByDescending(e => e.Id).Select(e => (EnrollmentStatus?)e.Status).FirstOrDefaultAsync();

    private async Task<bool> LoadAsync(int id)
    {
        // Only courses past Draft are public.
        var course = await db.Courses.AsNoTracking().Include(c => c.Sessions)
            .FirstOrDefaultAsync(c => c.Id == id && c.Status != CourseStatus.Draft);
        if (course is null) return false;
        Course = course;
        County = (await regions.GetAsync()).NameOf(course.CountyCode) ?? throw new InvalidOperationException("Unknown county " + course.CountyCode);
        var tree = await regions.GetAsync();
        EligibleCounties = course.Counties().Select(code => tree.NameOf(code) ?? code).ToList();
        Waiting = await db.Enrollments.CountAsync(e => e.CourseId == id && e.Status == EnrollmentStatus.Waitlisted);
        SubsidyYuan = course.ProgramId is { } program
            ? await db.Programs.Where(p => p.Id == program).SelectMany(p => p.Standards)
                .Where(s => s.TraineeType == course.TraineeType).Select(s => (decimal?)s.YuanPerTrainee).FirstOrDefaultAsync()
            : null;
        Sessions = course.Sessions.OrderBy(s => s.StartsAt).Select(s => new SessionRow(s.StartsAt, s.EndsAt, s.Topic, s.Place)).ToList();
        PersonId = User.IsInRole(Roles.Farmer) ? Training.My.FarmerPerson.Of(User) : null;
        return true;
    }
}
