using TalentHub.Web.Infrastructure;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Data;
using TalentHub.Web.Domain.Training;

namespace TalentHub.Web.Pages.Training.Courses;

/// <summary>
/// Who may open a course's roster: staff within their region scope (the course query filter makes
/// another county's course invisible, hence 404) and the course's own trainer (read only).
/// </summary>
public static class RosterAccess
{
    public sealed record CourseHead(int Id, string Title, CourseStatus Status, int Capacity, int ConfirmedCount,
        string CountyCode, DateTimeOffset OpensAt, DateTimeOffset ClosesAt, string? TrainerUserName)
    {
        public int SeatsLeft => Math.Max(0, Capacity - ConfirmedCount);
    }

    /// <summary>Staff manage rosters; a trainer only reads the roster of their own courses.</summary>
    public static bool IsStaff(ClaimsPrincipal user) => CourseAccess.IsStaff(user);

    /// <summary>The course if this user may see its roster, else null (the page answers 404).</summary>
    public static async Task<CourseHead?> FindAsync(TalentHubDbContext db, int id, ClaimsPrincipal user, CancellationToken ct = default)
    {
        return await db.Courses.AsNoTracking().VisibleTo(user).Where(c => c.Id == id)
            .Select(c => new CourseHead(c.Id, c.Title, c.Status, c.Capacity, c.ConfirmedCount, c.CountyCode,
                c.EnrollmentOpensAt, c.EnrollmentClosesAt, c.TrainerUserName))
            .FirstOrDefaultAsync(ct);
    }
}
