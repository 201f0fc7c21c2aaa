using TalentHub.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using TalentHub.Web.Data;
using TalentHub.Web.Domain;
using TalentHub.Web.Domain.Notifications;
using TalentHub.Web.Domain.Training;
using TalentHub.Web.Services;
using TalentHub.Web.Services.Training;

namespace TalentHub.Web.Pages.Training.Courses;

[Authorize(Policy = Policies.RegistryStaff)]
public sealed class EditModel(TalentHubDbContext db, IRegionScope scope, UserManager<AppUser> users, RegionDirectory directory, IStringLocalizer<SharedResource> l,
    CourseClock courseClock, EnrollmentService enrollment, TimeProvider clock) : CourseFormPage(db, scope, users, directory, l, clock)
{
    public override bool IsEdit => true;
    public int Id { get; private set; }
    public string CourseTitle { get; private set; } = "";
    public CourseStatus Status { get; private set; }
    public int Confirmed { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        // The county filter hides another county's course: that is a 404.
        var course = await Db.Courses.AsNoTracking().Include(c => c.Sessions).FirstOrDefaultAsync(c => c.Id == id);
        if (course is null) return NotFound();
        Show(course);
        WarnOfHours(course);
        await FindHeldSessionsAsync(course);
        Input = CourseInput.From(course);
        return await RedisplayAsync();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        var course = await Db.Courses.Include(c => c.Sessions).FirstOrDefaultAsync(c => c.Id == id);
        if (course is null) return NotFound();
        Show(course);
        await FindHeldSessionsAsync(course);
        if (!Try(course.EnsureEditable)) return await RedisplayAsync();
        var capacityBefore = course.Capacity;
        var arrangementsBefore = course.Arrangements();
        if (!await ApplyAsync(course) || !await SaveEditAsync(course, Input.Version)) return await RedisplayAsync();
        if (CourseLifecycle.IsLive(course.Status))
        {
            if (course.Capacity > capacityBefore) await enrollment.PromoteWaitlistAsync(id);
            // Only a change that matters to the enrolled (sessions, venue, link) is announced.
            if (course.Arrangements() != arrangementsBefore)
                await courseClock.NotifyEnrolledAsync(id, NotificationKind.CourseChanged, $"v{course.Version}");
        }
        FlashSaved("Course.Saved");
        return RedirectToPage("/Training/Courses/Details", new { id });
    }

    private void Show(Course course)
    {
        Id = course.Id;
        CourseTitle = course.Title;
        Status = course.Status;
        Confirmed = course.ConfirmedCount;
    }
}
