using TalentHub.Web.Infrastructure;
using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using TalentHub.Web.Data;
using TalentHub.Web.Domain;
using TalentHub.Web.Domain.Regions;
using TalentHub.Web.Domain.Training;
using TalentHub.Web.Services;
using TalentHub.Web.Services.Training;

namespace TalentHub.Web.Pages.Training.Courses;

[Authorize(Policy = Policies.CourseViewer)]
public sealed class DetailsModel(TalentHubDbContext db, UserManager<AppUser> users, IStringLocalizer<SharedResource> l,
    TimeProvider clock, EnrollmentService enrollments, RegionDirectory regionDirectory) : PageModel
{
    public Course Course { get; private set; } = null!;
    public string? ProgramName { get; private set; }
    public string RegionName { get; private set; } = "";
    public IReadOnlyList<string> CountyNames { get; private set; } = [];
    public string TrainerName { get; private set; } = "";
    public int Waitlisted { get; private set; }
    public IReadOnlyList<CourseStatus> Moves { get; private set; } = [];
    public bool CanEdit { get; private set; }
    /// <summary>Cancel was pressed: the page asks once more before telling everyone enrolled.</summary>
    public bool ConfirmingCancel { get; private set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostMoveAsync(int id, CourseStatus? to, bool confirmed)
    {
        var course = await db.Courses.VisibleTo(User).Include(c => c.Sessions).FirstOrDefaultAsync(c => c.Id == id);
        if (course is null) return NotFound();
        if (!ModelState.IsValid || to is not { } target || !Enum.IsDefined(target))
        {
            // A missing value or one that is no status (a tampered post) would bind as Draft and un-publish the course.
            Error = l["Course.TransitionNotAllowed"];
            await LoadAsync(id);
            return Page();
        }
        if (!CourseAccess.CanMove(User, course.Status, target)) return Forbid();
        if (target == CourseStatus.Cancelled && !confirmed)
        {
            ConfirmingCancel = true;
            await LoadAsync(id);
            return Page();
        }
        try
        {
            // Cancelling ends every place, frees the seats and tells each person, all in one transaction.
            if (target == CourseStatus.Cancelled) await enrollments.CancelCourseAsync(course);
            else
            {
                course.MoveByStaff(target, clock.GetUtcNow());
                await db.SaveChangesAsync();
            }
        }
        catch (DomainException ex)
        {
            Error = l[ex.MessageKey, ex.Args];
            await LoadAsync(id);
            return Page();
        }
        catch (DbUpdateConcurrencyException)
        {
            Error = l["Common.StaleEdit"];
            await LoadAsync(id);
            return Page();
        }
        TempData["Flash"] = l["Course.Moved", l["CourseStatus." + target]].Value;
        return RedirectToPage("/Training/Courses/Details", new { id });
    }

    private async Task<bool> LoadAsync(int id)
    {
        var course = await db.Courses.AsNoTracking().VisibleTo(User).Include(c => c.Sessions).FirstOrDefaultAsync(c => c.Id == id);
        if (course is null) return false;
        Course = course;
        if (course.ProgramId is { } programId)
            ProgramName = await db.Programs.AsNoTracking().Where(p => p.Id == programId).Select(p => p.Name).FirstOrDefaultAsync();
        var counties = course.Counties();
        var path = new[] { course.CountyCode, course.RegionCode[..9] + "000", course.RegionCode }.Distinct().ToList();
        var tree = await regionDirectory.GetAsync();
        RegionName = string.Join(" · ", path.Select(tree.NameOf).OfType<string>());
        CountyNames = counties.Select(c => tree.NameOf(c) ?? c).ToList();
        TrainerName = Trainers.NameOf(await Trainers.AllAsync(users), course.TrainerUserName);
        Waitlisted = await db.Enrollments.CountAsync(e => e.CourseId == id && e.Status == EnrollmentStatus.Waitlisted);
        var now = clock.GetUtcNow();
        Moves = CourseLifecycle.NextFrom(course.Status)
            .Where(to => CourseAccess.CanMove(User, course.Status, to) && !course.RunsAheadOfClock(to, now)).ToList();
        CanEdit = CourseAccess.IsStaff(User) && course.IsEditable;
        return true;
    }
}
