using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Data;
using TalentHub.Web.Domain;
using TalentHub.Web.Domain.Training;

namespace TalentHub.Web.Services.Training;

/// <summary>
/// The staff accounts responsible for a course (PRODUCT.md §5, issue 11 item 2): its trainer and the officers and
/// clerks of the course's county. Locked accounts (disabled staff) are left out.
/// </summary>
public sealed class CourseStaff(TalentHubDbContext db, TimeProvider clock)
{
    /// <summary>The Identity user ids of the course's trainer, county officers and county clerks, ordered by id.</summary>
    public async Task<IReadOnlyList<string>> OfAsync(Course course, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var countyRoles = new[] { Roles.CountyOfficer, Roles.CountyClerk };
        var roleIds = db.Roles.Where(r => countyRoles.Contains(r.Name!)).Select(r => r.Id);
        var trainer = course.TrainerUserName;
        var staff = await db.Users
            .Where(u => (trainer != null && u.UserName == trainer)
                || (u.RegionCode == course.CountyCode && db.UserRoles.Any(ur => ur.UserId == u.Id && roleIds.Contains(ur.RoleId))))
            .Select(u => new { u.Id, u.LockoutEnd }).ToListAsync(ct);
        return staff.Where(u => u.LockoutEnd is null || u.LockoutEnd <= now).Select(u => u.Id).Order(StringComparer.Ordinal).ToList();
    }
}
