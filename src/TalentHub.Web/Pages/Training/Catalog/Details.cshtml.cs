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
    /// <summary>The course that makes the repeat rule refuse.</summary>
    public string? BlockingCourse { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (PersonId is { } person) (Refusals, BlockingCourse) = await enrollment.ExplainAsync(id, person);
        return Page();
    }

    public async Task<IActionResult> OnPostEnrollAsync(int id)
    {
        if (User.Identity?.IsAuthenticated != true) return Challenge();
        if (!User.IsInRole(Roles.Farmer)) return Forbid();
        if (!await LoadAsync(id)) return NotFound();
        if (PersonId is not { } person) return Forbid();

        var outcome = await enrollment.EnrollAsync(id, person, User.FindFirstValue(ClaimTypes.NameIdentifier));
        if (!outcome.Enrolled)
        {
            Refusals = outcome.Refusals;
            BlockingCourse = outcome.BlockingCourse;
            return Page();
        }
        TempData["Flash"] = l[outcome.Status == EnrollmentStatus.Confirmed ? "Catalog.Confirmed" : "Catalog.Waitlisted"].Value;
        return RedirectToPage("/Training/My/Enrollments");
    }

    private async Task<bool> LoadAsync(int id)
    {
        // Only courses past Draft are public.
        var course = await db.Courses.AsNoTracking().Include(c => c.Sessions)
            .FirstOrDefaultAsync(c => c.Id == id && c.Status != CourseStatus.Draft);
        if (course is null) return false;
        Course = course;
        County = (await regions.GetAsync()).NameOf(course.CountyCode) ?? throw new InvalidOperationException("Unknown county " + course.CountyCode);
        Sessions = course.Sessions.OrderBy(s => s.StartsAt).Select(s => new SessionRow(s.StartsAt, s.EndsAt, s.Topic, s.Place)).ToList();
        PersonId = User.IsInRole(Roles.Farmer) ? Training.My.FarmerPerson.Of(User) : null;
        return true;
    }
}
