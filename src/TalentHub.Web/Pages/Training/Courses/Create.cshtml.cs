using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using TalentHub.Web.Data;
using TalentHub.Web.Domain;
using TalentHub.Web.Domain.Training;
using TalentHub.Web.Infrastructure;
using TalentHub.Web.Services;

namespace TalentHub.Web.Pages.Training.Courses;

[Authorize(Policy = Policies.RegistryStaff)]
public sealed class CreateModel(TalentHubDbContext db, IRegionScope scope, UserManager<AppUser> users, RegionDirectory directory,
    IStringLocalizer<SharedResource> l, TimeProvider clock) : CourseFormPage(db, scope, users, directory, l, clock)
{
    public override bool IsEdit => false;

    public Task<PageResult> OnGetAsync(int? program)
    {
        var tomorrow = Clock.GetUtcNow().ToShanghai().Date.AddDays(1);
        Input = new CourseInput
        {
            ProgramId = program,
            EnrollmentOpensAt = tomorrow.AddHours(9),
            EnrollmentClosesAt = tomorrow.AddDays(14).AddHours(17),
            // County staff plan courses for their own county.
            RegionCode = ScopeCounty,
        };
        return RedisplayAsync();
    }

    /// <summary>Creates the course; the same form posted again (another tab, a retry, at the same time) goes to the course it created.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        if (await SubmittedAsync(FormKinds.Course) is { } created) return RedirectToPage("/Training/Courses/Details", new { id = created });
        var course = new Course();
        if (!await ApplyAsync(course)) return await RedisplayAsync();
        var id = await SaveNewOnceAsync(course, c => c.Id, FormKinds.Course, Clock.GetUtcNow());
        Flash("Course.Created");
        return RedirectToPage("/Training/Courses/Details", new { id });
    }
}
