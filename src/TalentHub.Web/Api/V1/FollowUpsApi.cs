using System.ComponentModel;
using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Data;
using TalentHub.Web.Domain.Training;
using TalentHub.Web.Services.Api;
using TalentHub.Web.Services.Audit;
using TalentHub.Web.Services.Training;

namespace TalentHub.Web.Api.V1;

/// <summary>
/// A follow-up (跟踪服务) due <c>months</c> (3, 6 or 12) after completion; the outcome fields are set once <c>recordedAt</c> is;
/// <c>overdue</c> is open more than 30 days past <c>dueAt</c>; <c>incomeChangePercent</c> is in percent (−100 … 1000).
/// </summary>
public sealed record FollowUpDto(int Id, int EnrollmentId, int CourseId, PersonRefDto? Person, string RegionCode, string CountyCode,
    int Months, DateTimeOffset DueAt, bool Overdue, DateTimeOffset CreatedAt, DateTimeOffset? RecordedAt, string? RecordedBy,
    bool Unreachable, bool StartedBusiness, string? VentureName, bool JoinedEntity, int? EntityId, bool AdoptedTechnique,
    decimal? IncomeChangePercent, bool Employed, string? Notes);

/// <summary>The filters of the /FollowUps page (<see cref="FollowUpFilter"/>) plus county, course and person.</summary>
public sealed class FollowUpsQuery
{
    [Description("Open (due, not recorded), Overdue, Done or All; omitted = All (the page defaults to Open).")]
    public FollowUpState? State { get; set; }
    [Description("Milestone in months after completion: 3, 6 or 12.")] public int? Months { get; set; }
    [Description("A fragment of the person's name or the course title.")] public string? Q { get; set; }
    [Description("County code (12 digits).")] public string? County { get; set; }
    [Description("Course id; a course the token cannot read is a 404.")] public int? CourseId { get; set; }
    [Description("Person id; a person the token cannot read (not in its region nor a trainee of its courses) is a 404.")] public int? PersonId { get; set; }
}

/// <summary>
/// <c>/api/v1/followups</c>: the tasks of the /FollowUps page (due ones, through the page's own <see cref="FollowUpFilter"/> and
/// the task's county filter), keyset paging by id, and <c>/{id}</c> (any task in scope, due or not yet due).
/// <c>updatedSince</c> matches creation, recording, or falling due at or after the instant (the moment a task enters the list).
/// A <c>courseId</c> or <c>personId</c> the token cannot read is a 404 (<see cref="ApiIdFilters"/>).
/// </summary>
public sealed class FollowUpsApi : IApiResource
{
    public string Name => Domain.Api.ApiResources.FollowUps;

    public void Map(RouteGroupBuilder group)
    {
        group.MapGet("", ListAsync).WithName("ListFollowUps").WithSummary("Due follow-up tasks, filtered like the /FollowUps page, sorted by id.")
            .Produces<ApiPage<FollowUpDto>>().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id:int}", GetAsync).WithName("GetFollowUp").WithSummary("One follow-up task.")
            .Produces<FollowUpDto>().ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> ListAsync(HttpContext http, TalentHubDbContext db, AuditLog audit, TimeProvider clock, Services.IRegionScope scope,
        [AsParameters] FollowUpsQuery f, [AsParameters] ListQuery paging)
    {
        if (ApiEndpoints.OutOfScope(http, scope, f.County) is { } outside) return outside;
        // The page refuses a months value that is no milestone (review37b: months=7 or -1 answered an empty page, which reads
        // as "no follow-ups due", not as a mistyped filter).
        if (f.Months is { } months && !FollowUpTask.Milestones.Contains(months))
            return ApiProblems.Result(http, StatusCodes.Status400BadRequest, http.RequestServices
                .GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<SharedResource>>()["Api.Problem.UnknownValue", "months"].Value);
        if (await ApiIdFilters.NotFoundAsync(http, db, f.CourseId, f.PersonId) is { } unknown) return unknown;
        var now = clock.GetUtcNow();
        var tasks = await new FollowUpFilter { State = f.State ?? FollowUpState.All, Months = f.Months, Q = f.Q }.QueryAsync(db, now, http.RequestAborted);
        if (!string.IsNullOrWhiteSpace(f.County)) tasks = tasks.Where(t => t.CountyCode == f.County.Trim());
        if (f.CourseId is { } course) tasks = tasks.Where(t => t.CourseId == course);
        if (f.PersonId is { } person) tasks = tasks.Where(t => t.PersonId == person);
        if (paging.UpdatedSince is { } s) tasks = tasks.Where(t => t.CreatedAt >= s || t.RecordedAt >= s || t.DueAt >= s);
        var query = ApiEndpoints.Keyset(tasks, paging, out var limit);
        if (query is null) return ApiEndpoints.BadPaging(http);
        var page = ApiEndpoints.Page(await query.ToListAsync(http.RequestAborted), limit, t => t.Id);
        var people = await ApiPersonRefs.LoadAsync(http, db, audit, page.Items.Select(t => t.PersonId), "followups");
        return TypedResults.Ok(new ApiPage<FollowUpDto>(page.Items.Select(t => ToDto(t, people, now)).ToList(), page.NextCursor));
    }

    private static async Task<IResult> GetAsync([Description("Follow-up task id.")] int id, HttpContext http, TalentHubDbContext db, AuditLog audit, TimeProvider clock)
    {
        var task = await db.FollowUpTasks.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, http.RequestAborted);
        if (task is null) return ApiProblems.Result(http, StatusCodes.Status404NotFound);
        return TypedResults.Ok(ToDto(task, await ApiPersonRefs.LoadAsync(http, db, audit, [task.PersonId], "followups"), clock.GetUtcNow()));
    }

    private static FollowUpDto ToDto(FollowUpTask t, IReadOnlyDictionary<int, PersonRefDto> people, DateTimeOffset now) => new(t.Id,
        t.EnrollmentId, t.CourseId, people.GetValueOrDefault(t.PersonId), t.RegionCode, t.CountyCode, t.Months, t.DueAt, t.IsOverdue(now),
        t.CreatedAt, t.RecordedAt, t.RecordedBy, t.Unreachable, t.StartedBusiness, t.VentureName, t.JoinedEntity, t.EntityId,
        t.AdoptedTechnique, t.IncomeChangePercent, t.Employed, t.Notes);
}
