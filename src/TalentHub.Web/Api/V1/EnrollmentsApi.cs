using System.ComponentModel;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Data;
using TalentHub.Web.Domain.Training;
using TalentHub.Web.Services.Api;

namespace TalentHub.Web.Api.V1;

/// <summary>A person's enrollment in a course.</summary>
public sealed record EnrollmentDto(int Id, int CourseId, int PersonId, EnrollmentStatus Status, DateTimeOffset EnrolledAt,
    DateTimeOffset? PromotedAt, DateTimeOffset? CancelledAt);

/// <summary>The filters of a roster: course, person and status.</summary>
public sealed class EnrollmentsQuery
{
    [Description("Course id; a course the token cannot read is a 404.")] public int? CourseId { get; set; }
    [Description("Person id; a person the token cannot read (not in its region nor a trainee of its courses) is a 404.")] public int? PersonId { get; set; }
    public EnrollmentStatus? Status { get; set; }
}

/// <summary>
/// <c>/api/v1/enrollments</c>: enrollments of the courses in scope (a course outside the region scope hides its roster,
/// as on the roster page), keyset paging by id, <c>/{id}</c>, and <c>/stream</c> for full exports.
/// <c>updatedSince</c> matches enrollment, promotion or cancellation at or after the instant (enrollments carry no other stamp).
/// A <c>courseId</c> or <c>personId</c> the token cannot read is a 404 on the list and the stream (<see cref="ApiIdFilters"/>).
/// </summary>
public sealed class EnrollmentsApi : IApiResource
{
    public string Name => Domain.Api.ApiResources.Enrollments;

    public void Map(RouteGroupBuilder group)
    {
        group.MapGet("", ListAsync).WithName("ListEnrollments").WithSummary("Enrollments of the courses in scope, sorted by id.")
            .Produces<ApiPage<EnrollmentDto>>().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id:int}", GetAsync).WithName("GetEnrollment").WithSummary("One enrollment.")
            .Produces<EnrollmentDto>().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/stream", Stream).WithName("StreamEnrollments")
            .WithSummary("Every enrollment matching the filters as one streamed JSON array, for full exports.")
            .Produces<IEnumerable<EnrollmentDto>>().ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static IQueryable<Enrollment> Scoped(TalentHubDbContext db, EnrollmentsQuery f, DateTimeOffset? since)
    {
        // The courses' region filter decides: an enrollment is visible when its course is.
        var rows = db.Enrollments.AsNoTracking().Where(e => db.Courses.Any(c => c.Id == e.CourseId));
        if (f.CourseId is { } course) rows = rows.Where(e => e.CourseId == course);
        if (f.PersonId is { } person) rows = rows.Where(e => e.PersonId == person);
        if (f.Status is { } status) rows = rows.Where(e => e.Status == status);
        if (since is { } s) rows = rows.Where(e => e.EnrolledAt >= s || e.PromotedAt >= s || e.CancelledAt >= s);
        return rows;
    }

    private static async Task<IResult> ListAsync(HttpContext http, TalentHubDbContext db, [AsParameters] EnrollmentsQuery f, [AsParameters] ListQuery paging)
    {
        if (await ApiIdFilters.NotFoundAsync(http, db, f.CourseId, f.PersonId) is { } unknown) return unknown;
        var query = ApiEndpoints.Keyset(Scoped(db, f, paging.UpdatedSince), paging, out var limit);
        if (query is null) return ApiEndpoints.BadPaging(http);
        return TypedResults.Ok(ApiEndpoints.Page(await query.Select(Projection).ToListAsync(http.RequestAborted), limit, e => e.Id));
    }

    private static async Task<IResult> GetAsync(int id, HttpContext http, TalentHubDbContext db) =>
        await Scoped(db, new EnrollmentsQuery(), null).Where(e => e.Id == id).Select(Projection).FirstOrDefaultAsync(http.RequestAborted) is { } row
            ? TypedResults.Ok(row) : ApiProblems.Result(http, StatusCodes.Status404NotFound);

    private static async Task<IResult> Stream(HttpContext http, TalentHubDbContext db, [AsParameters] EnrollmentsQuery f, [AsParameters] StreamQuery paging) =>
        ApiEndpoints.PagedStream(http) is { } paged ? paged
        : await ApiIdFilters.NotFoundAsync(http, db, f.CourseId, f.PersonId) is { } unknown
            ? unknown
            : TypedResults.Ok(Scoped(db, f, paging.UpdatedSince).OrderBy(e => e.Id).Select(Projection).AsAsyncEnumerable());

    private static readonly Expression<Func<Enrollment, EnrollmentDto>> Projection = e =>
        new EnrollmentDto(e.Id, e.CourseId, e.PersonId, e.Status, e.EnrolledAt, e.PromotedAt, e.CancelledAt);
}
