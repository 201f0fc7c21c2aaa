using TalentHub.Web.Infrastructure;
using System.Security.Claims;
using TalentHub.Web.Domain;
using TalentHub.Web.Domain.Training;

namespace TalentHub.Web.Pages.Training.Courses;

/// <summary>Who sees and changes which course. The county scope itself is the DbContext's query filter.</summary>
public static class CourseAccess
{
    /// <summary>Registry staff (policy <see cref="Policies.RegistryStaff"/>).</summary>
    public static bool IsStaff(ClaimsPrincipal user) => user.Meets(Policies.RegistryStaff);

    /// <summary>Officers (policy <see cref="Policies.Officer"/>).</summary>
    public static bool IsOfficer(ClaimsPrincipal user) => user.Meets(Policies.Officer);

    /// <summary>Staff see every course of their scope; a trainer only the courses they run.</summary>
    public static IQueryable<Course> VisibleTo(this IQueryable<Course> courses, ClaimsPrincipal user)
    {
        if (IsStaff(user)) return courses;
        var name = user.Identity?.Name ?? "";
        return courses.Where(c => c.TrainerUserName == name);
    }

    /// <summary>
    /// Officers make every move the lifecycle allows; approving a course plan (publishing a draft) or returning it to draft is
    /// an approver's alone (policy <see cref="Policies.Approver"/>: not the administrator, PRODUCT.md §1); a clerk may only
    /// discard a draft; trainers read.
    /// </summary>
    public static bool CanMove(ClaimsPrincipal user, CourseStatus from, CourseStatus to) =>
        IsPlanDecision(from, to) ? user.Meets(Policies.Approver)
        : IsOfficer(user) || (user.IsInRole(Roles.CountyClerk) && from == CourseStatus.Draft && to == CourseStatus.Cancelled);

    /// <summary>Approving a course plan (Draft → Published) or returning it (Published → Draft).</summary>
    public static bool IsPlanDecision(CourseStatus from, CourseStatus to) =>
        (from, to) is (CourseStatus.Draft, CourseStatus.Published) or (CourseStatus.Published, CourseStatus.Draft);
}
