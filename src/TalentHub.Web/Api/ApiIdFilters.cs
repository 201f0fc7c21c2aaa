using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Data;
using TalentHub.Web.Services.Api;

namespace TalentHub.Web.Api;

/// <summary>
/// A list's id filters (<c>courseId</c>, <c>sessionId</c>, <c>personId</c>, <c>program</c>) answer like the detail
/// endpoints (review 5 leftover): naming a record the token cannot read, another county's or none at all, is a 404
/// problem, never an empty 200 page that reads as "no rows" (a county token must not learn that way whether another
/// county's course exists, and a mistyped id must not look like an empty roster). A city token sees every county.
/// </summary>
public static class ApiIdFilters
{
    /// <summary>
    /// 404 when one of the given ids names no record in the token's scope, else null. Course and session: the courses'
    /// region filter. Person: a person in the token's region, or a trainee of a course in it (the roster and follow-up
    /// pages show trainees from other counties on the county's courses, and so do the lists). Program: any program (the
    /// programs are city-wide).
    /// </summary>
    public static async Task<IResult?> NotFoundAsync(HttpContext http, TalentHubDbContext db,
        int? courseId = null, int? personId = null, int? sessionId = null, int? programId = null)
    {
        var ct = http.RequestAborted;
        var visible = (courseId is not { } course || await db.Courses.AnyAsync(c => c.Id == course, ct))
            && (sessionId is not { } session || await db.CourseSessions.AnyAsync(s => s.Id == session && db.Courses.Any(c => c.Id == s.CourseId), ct))
            && (personId is not { } person || await db.People.AnyAsync(p => p.Id == person, ct)
                || await db.Enrollments.AnyAsync(e => e.PersonId == person && db.Courses.Any(c => c.Id == e.CourseId), ct))
            && (programId is not { } program || await db.Programs.AnyAsync(p => p.Id == program, ct));
        return visible ? null : ApiProblems.Result(http, StatusCodes.Status404NotFound);
    }
}
