using System.ComponentModel;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Data;
using TalentHub.Web.Domain.Training;
using TalentHub.Web.Services.Api;
using TalentHub.Web.Services.Training;

namespace TalentHub.Web.Api.V1;

/// <summary>One class meeting of a course.</summary>
public sealed record SessionDto(int Id, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string Topic, string? TrainerName, string? Place);

/// <summary>A course with its sessions in time order.</summary>
public sealed record CourseDto(int Id, string Title, int? ProgramId, CourseCategory Category, CourseTopic Topic, CourseLevel Level,
    TraineeType TraineeType, string Organiser, string? Venue, string? OnlineLink, int Capacity, int ConfirmedCount, decimal TotalHours,
    DateTimeOffset EnrollmentOpensAt, DateTimeOffset EnrollmentClosesAt, CourseStatus Status, string RegionCode, string CountyCode,
    IReadOnlyList<SessionDto> Sessions, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>The filters of the /Courses page (<see cref="CourseFilter"/>).</summary>
public sealed class CoursesQuery
{
    [Description("County code (12 digits).")] public string? County { get; set; }
    public CourseStatus? Status { get; set; }
    public CourseTopic? Topic { get; set; }
    [Description("Program id; an unknown program is a 404.")] public int? Program { get; set; }
    [Description("Courses with a session on or after this Shanghai date (yyyy-MM-dd).")] public DateOnly? From { get; set; }
    [Description("Courses with a session on or before this Shanghai date (yyyy-MM-dd). A from later than to is read as the range the two dates name, as on the pages.")] public DateOnly? To { get; set; }
    [Description("Title, organiser or venue fragment.")] public string? Q { get; set; }
}

/// <summary><c>/api/v1/courses</c>: the course list with the page's filters and sessions, keyset paging by id, and <c>/{id}</c>.</summary>
public sealed class CoursesApi : IApiResource
{
    public string Name => Domain.Api.ApiResources.Courses;

    public void Map(RouteGroupBuilder group)
    {
        group.MapGet("", ListAsync).WithName("ListCourses").WithSummary("Courses with sessions, filtered like the /Courses page, sorted by id.")
            .Produces<ApiPage<CourseDto>>().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id:int}", GetAsync).WithName("GetCourse").WithSummary("One course with its sessions.")
            .Produces<CourseDto>().ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> ListAsync(HttpContext http, TalentHubDbContext db, Services.IRegionScope scope, [AsParameters] CoursesQuery f, [AsParameters] ListQuery paging)
    {
        if (ApiEndpoints.OutOfScope(http, scope, f.County) is { } outside) return outside;
        if (await ApiIdFilters.NotFoundAsync(http, db, programId: f.Program) is { } unknown) return unknown;
        var filtered = new CourseFilter { County = f.County, Status = f.Status, Topic = f.Topic, Program = f.Program, From = f.From, To = f.To, Q = f.Q }
            .Apply(db.Courses.AsNoTracking());
        if (paging.UpdatedSince is { } since) filtered = filtered.Where(c => c.UpdatedAt >= since);
        var query = ApiEndpoints.Keyset(filtered, paging, out var limit);
        if (query is null) return ApiEndpoints.BadPaging(http);
        return TypedResults.Ok(ApiEndpoints.Page(await query.Select(Projection).ToListAsync(http.RequestAborted), limit, c => c.Id));
    }

    private static async Task<IResult> GetAsync(int id, HttpContext http, TalentHubDbContext db) =>
        await db.Courses.AsNoTracking().Where(c => c.Id == id).Select(Projection).FirstOrDefaultAsync(http.RequestAborted) is { } course
            ? TypedResults.Ok(course) : ApiProblems.Result(http, StatusCodes.Status404NotFound);

    private static readonly Expression<Func<Course, CourseDto>> Projection = c => new CourseDto(c.Id, c.Title, c.ProgramId, c.Category, c.Topic,
        c.Level, c.TraineeType, c.Organiser, c.Venue, c.OnlineLink, c.Capacity, c.ConfirmedCount, c.TotalHours, c.EnrollmentOpensAt,
        c.EnrollmentClosesAt, c.Status, c.RegionCode, c.CountyCode,
        c.Sessions.OrderBy(s => s.StartsAt).ThenBy(s => s.Id).Select(s => new SessionDto(s.Id, s.StartsAt, s.EndsAt, s.Topic, s.TrainerName, s.Place)).ToList(),
        c.CreatedAt, c.UpdatedAt);
}
