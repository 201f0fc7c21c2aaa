using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
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

    protected override bool UsesSubmissionToken => true;

    /// <summary>A not-cancelled course of the same county, title and start date (<see cref="CourseDuplicates"/>); set when the form warns of it.</summary>
    public DuplicateCourse? Duplicate { get; private set; }

    /// <summary>The existing course the duplicate warning names and links to.</summary>
    public sealed record DuplicateCourse(int Id, string Title);

    /// <summary>
    /// Creates the course; the same form posted again (another tab, a retry, at the same time) goes to the course it created.
    /// A course that repeats an existing one (<see cref="CourseDuplicates"/>) is saved only with "create anyway" ticked.
    /// </summary>
    public async Task<IActionResult> OnPostAsync()
    {
        if (await SubmittedAsync(FormKinds.Course) is { } created) return RedirectToPage("/Training/Courses/Details", new { id = created });
        var course = new Course();
        if (!await ApplyAsync(course)) return await RedisplayAsync();
        if (!Input.CreateAnyway && await FindDuplicateAsync(course) is { } duplicate)
        {
            // A post of this same form at the same time may be what just made the "duplicate": the course and its token
            // commit together, so a token recorded by now means this post's course exists; go to it, do not warn.
            if (await SubmittedAsync(FormKinds.Course) is { } createdMeanwhile) return RedirectToPage("/Training/Courses/Details", new { id = createdMeanwhile });
            Duplicate = duplicate; // a warning next to the title, with the "create anyway" box; nothing saved
            return await RedisplayAsync();
        }
        var id = await SaveNewOnceAsync(course, c => c.Id, FormKinds.Course, Clock.GetUtcNow());
        Flash("Course.Created");
        return RedirectToPage("/Training/Courses/Details", new { id });
    }

    /// <summary>
    /// The first course of <paramref name="course"/>'s county that is not cancelled, starts on the same Shanghai date (or,
    /// like it, has no session yet) and has the same title after <see cref="CourseDuplicates.TitleKey"/>; null when none.
    /// The date narrows the candidates in the database; the titles are compared here, as the normalization is the app's.
    /// </summary>
    private async Task<DuplicateCourse?> FindDuplicateAsync(Course course)
    {
        var county = course.CountyCode;
        var candidates = Db.Courses.AsNoTracking().Where(c => c.CountyCode == county && c.Status != CourseStatus.Cancelled);
        if (CourseDuplicates.StartDate(course.Sessions.Select(s => s.StartsAt)) is { } start)
        {
            var from = ToUtc(start.ToDateTime(TimeOnly.MinValue));
            var to = ToUtc(start.AddDays(1).ToDateTime(TimeOnly.MinValue));
            candidates = candidates.Where(c => c.Sessions.Min(s => (DateTimeOffset?)s.StartsAt) >= from && c.Sessions.Min(s => (DateTimeOffset?)s.StartsAt) < to);
        }
        else candidates = candidates.Where(c => !c.Sessions.Any());
        var found = await candidates.OrderBy(c => c.Id).Select(c => new DuplicateCourse(c.Id, c.Title)).ToListAsync();
        return found.FirstOrDefault(c => CourseDuplicates.SameTitle(c.Title, course.Title));
    }
}
