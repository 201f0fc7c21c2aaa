using System.ComponentModel;
using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Data;
using TalentHub.Web.Domain.Training;
using TalentHub.Web.Services.Api;

namespace TalentHub.Web.Api.V1;

/// <summary>A subsidy standard of a program: yuan per trainee of a type.</summary>
public sealed record SubsidyStandardDto(TraineeType TraineeType, decimal YuanPerTrainee);
/// <summary>A county's trainee target in a program.</summary>
public sealed record CountyTargetDto(string CountyCode, int Trainees);
/// <summary>A training program (city-wide); <c>budget</c> in 万元; <c>updatedAt</c> moves when the program, its standards or targets change.</summary>
public sealed record ProgramDto(int Id, string Name, int Year, decimal Budget, bool RepeatRuleApplies,
    IReadOnlyList<SubsidyStandardDto> Standards, IReadOnlyList<CountyTargetDto> Targets, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>The filter of the /Programs page.</summary>
public sealed class ProgramsQuery
{
    [Description("Program year.")] public int? Year { get; set; }
}

/// <summary><c>/api/v1/programs</c>: the programs of the /Programs page (filter by year), keyset paging by id, <c>updatedSince</c>, and <c>/{id}</c>.</summary>
public sealed class ProgramsApi : IApiResource
{
    public string Name => Domain.Api.ApiResources.Programs;

    public void Map(RouteGroupBuilder group)
    {
        group.MapGet("", ListAsync).WithName("ListPrograms").WithSummary("Training programs, sorted by id.").Produces<ApiPage<ProgramDto>>();
        group.MapGet("/{id:int}", GetAsync).WithName("GetProgram").WithSummary("One training program.")
            .Produces<ProgramDto>().ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> ListAsync(HttpContext http, TalentHubDbContext db, [AsParameters] ProgramsQuery f, [AsParameters] ListQuery paging)
    {
        var programs = db.Programs.AsNoTracking();
        if (f.Year is { } y) programs = programs.Where(p => p.Year == y);
        if (paging.UpdatedSince is { } since) programs = programs.Where(p => p.UpdatedAt >= since);
        var query = ApiEndpoints.Keyset(programs, paging, out var max);
        if (query is null) return ApiEndpoints.BadPaging(http);
        var rows = (await query.Include(p => p.Standards).Include(p => p.Targets).AsSplitQuery().ToListAsync(http.RequestAborted)).Select(ToDto).ToList();
        return TypedResults.Ok(ApiEndpoints.Page(rows, max, p => p.Id));
    }

    private static async Task<IResult> GetAsync(int id, HttpContext http, TalentHubDbContext db) =>
        await db.Programs.AsNoTracking().Include(p => p.Standards).Include(p => p.Targets).AsSplitQuery()
            .FirstOrDefaultAsync(p => p.Id == id, http.RequestAborted) is { } program
            ? TypedResults.Ok(ToDto(program)) : ApiProblems.Result(http, StatusCodes.Status404NotFound);

    private static ProgramDto ToDto(TrainingProgram p) => new(p.Id, p.Name, p.Year, p.Budget, p.RepeatRuleApplies,
        p.Standards.OrderBy(s => s.TraineeType).Select(s => new SubsidyStandardDto(s.TraineeType, s.YuanPerTrainee)).ToList(),
        p.Targets.OrderBy(t => t.CountyCode).Select(t => new CountyTargetDto(t.CountyCode, (int)t.Value)).ToList(), p.CreatedAt, p.UpdatedAt);
}
