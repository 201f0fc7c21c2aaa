using System.ComponentModel;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Data;
using TalentHub.Web.Domain.Training;
using TalentHub.Web.Services.Api;
using TalentHub.Web.Services.Audit;

namespace TalentHub.Web.Api.V1;

/// <summary>One trainee's mark for one session; <c>markedAt</c> is when the mark was last set (a correction moves it).</summary>
public sealed record AttendanceDto(int Id, int CourseId, int SessionId, int EnrollmentId, PersonRefDto? Person, AttendanceMark Mark,
    AttendanceSource Source, DateTimeOffset MarkedAt, string? MarkedBy);

/// <summary>The filters of the roll-call page (course and session) plus person and mark.</summary>
public sealed class AttendanceQuery
{
    [Description("Course id; a course the token cannot read is a 404.")] public int? CourseId { get; set; }
    [Description("Session id; a session of a course the token cannot read is a 404.")] public int? SessionId { get; set; }
    [Description("Person id; a person the token cannot read (not in its region nor a trainee of its courses) is a 404.")] public int? PersonId { get; set; }
    [Description("Present, Late, Absent or Excused.")] public AttendanceMark? Mark { get; set; }
}

/// <summary>
/// <c>/api/v1/attendance</c>: attendance marks of the courses in scope (a course outside the region scope hides its marks,
/// as on the roll-call page), keyset paging by id, and <c>/{id}</c>. <c>updatedSince</c> matches <c>markedAt</c>
/// (marks carry no other stamp; setting or correcting a mark moves it). A <c>courseId</c>, <c>sessionId</c> or <c>personId</c>
/// the token cannot read is a 404 (<see cref="ApiIdFilters"/>).
/// </summary>
public sealed class AttendanceApi : IApiResource
{
    public string Name => Domain.Api.ApiResources.Attendance;

    public void Map(RouteGroupBuilder group)
    {
        group.MapGet("", ListAsync).WithName("ListAttendance").WithSummary("Attendance marks of the courses in scope, sorted by id.")
            .Produces<ApiPage<AttendanceDto>>().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id:int}", GetAsync).WithName("GetAttendance").WithSummary("One attendance mark.")
            .Produces<AttendanceDto>().ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static IQueryable<AttendanceRecord> Scoped(TalentHubDbContext db, AttendanceQuery f, DateTimeOffset? since)
    {
        // The courses' region filter decides: a mark is visible when its course is.
        var rows = db.Attendance.AsNoTracking().Where(a => db.Courses.Any(c => c.Id == a.CourseId));
        if (f.CourseId is { } course) rows = rows.Where(a => a.CourseId == course);
        if (f.SessionId is { } session) rows = rows.Where(a => a.SessionId == session);
        if (f.PersonId is { } person) rows = rows.Where(a => a.PersonId == person);
        if (f.Mark is { } mark) rows = rows.Where(a => a.Mark == mark);
        if (since is { } s) rows = rows.Where(a => a.MarkedAt >= s);
        return rows;
    }

    private static async Task<IResult> ListAsync(HttpContext http, TalentHubDbContext db, AuditLog audit,
        [AsParameters] AttendanceQuery f, [AsParameters] ListQuery paging)
    {
        if (await ApiIdFilters.NotFoundAsync(http, db, f.CourseId, f.PersonId, f.SessionId) is { } unknown) return unknown;
        var query = ApiEndpoints.Keyset(Scoped(db, f, paging.UpdatedSince), paging, out var limit);
        if (query is null) return ApiEndpoints.BadPaging(http);
        var page = ApiEndpoints.Page(await query.Select(Row).ToListAsync(http.RequestAborted), limit, a => a.Id);
        var people = await ApiPersonRefs.LoadAsync(http, db, audit, page.Items.Select(a => a.PersonId), "attendance");
        return TypedResults.Ok(new ApiPage<AttendanceDto>(page.Items.Select(a => a.ToDto(people)).ToList(), page.NextCursor));
    }

    private static async Task<IResult> GetAsync([Description("Attendance mark id.")] int id, HttpContext http, TalentHubDbContext db, AuditLog audit)
    {
        var row = await Scoped(db, new AttendanceQuery(), null).Where(a => a.Id == id).Select(Row).FirstOrDefaultAsync(http.RequestAborted);
        if (row is null) return ApiProblems.Result(http, StatusCodes.Status404NotFound);
        return TypedResults.Ok(row.ToDto(await ApiPersonRefs.LoadAsync(http, db, audit, [row.PersonId], "attendance")));
    }

    private sealed record AttendanceRow(int Id, int CourseId, int SessionId, int EnrollmentId, int PersonId, AttendanceMark Mark,
        AttendanceSource Source, DateTimeOffset MarkedAt, string? MarkedBy)
    {
        public AttendanceDto ToDto(IReadOnlyDictionary<int, PersonRefDto> people) =>
            new(Id, CourseId, SessionId, EnrollmentId, people.GetValueOrDefault(PersonId), Mark, Source, MarkedAt, MarkedBy);
    }

    private static readonly Expression<Func<AttendanceRecord, AttendanceRow>> Row = a =>
        new AttendanceRow(a.Id, a.CourseId, a.SessionId, a.EnrollmentId, a.PersonId, a.Mark, a.Source, a.MarkedAt, a.MarkedBy);
}
