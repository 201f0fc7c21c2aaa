using System.ComponentModel;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Data;
using TalentHub.Web.Domain.Entities;
using TalentHub.Web.Services.Api;
using TalentHub.Web.Services.Entities;

namespace TalentHub.Web.Api.V1;

/// <summary>A business entity (new-type agricultural operator).</summary>
public sealed record EntityDto(int Id, string Name, string CreditCode, EntityType Type, EntityStatus Status, string RegionCode,
    string CountyCode, string? Industry, DateOnly? RegisteredOn, int LegalRepresentativeId, int? Members, int? Employees,
    int? HouseholdsDriven, decimal? AnnualRevenue, DemonstrationLevel? Rating, int? RatingYear, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>The filters of the /Entities page (<see cref="EntityFilter"/>).</summary>
public sealed class EntitiesQuery
{
    [Description("County code (12 digits).")] public string? County { get; set; }
    [Description("Township code (12 digits).")] public string? Township { get; set; }
    public EntityType? Type { get; set; }
    public EntityStatus? Status { get; set; }
    public string? Industry { get; set; }
    public DemonstrationLevel? Rating { get; set; }
    [Description("Name fragment or an 18-character credit code.")] public string? Q { get; set; }
}

/// <summary><c>/api/v1/entities</c>: the entity list with the page's filters, keyset paging by id, and <c>/{id}</c>.</summary>
public sealed class EntitiesApi : IApiResource
{
    public string Name => Domain.Api.ApiResources.Entities;

    public void Map(RouteGroupBuilder group)
    {
        group.MapGet("", ListAsync).WithName("ListEntities").WithSummary("Business entities, filtered like the /Entities page, sorted by id.")
            .Produces<ApiPage<EntityDto>>();
        group.MapGet("/{id:int}", GetAsync).WithName("GetEntity").WithSummary("One business entity.")
            .Produces<EntityDto>().ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> ListAsync(HttpContext http, TalentHubDbContext db, Services.IRegionScope scope, [AsParameters] EntitiesQuery f, [AsParameters] ListQuery paging)
    {
        if (ApiEndpoints.OutOfScope(http, scope, f.County, f.Township) is { } outside) return outside;
        var filtered = new EntityFilter { County = f.County, Township = f.Township, Type = f.Type, Status = f.Status, Industry = f.Industry, Rating = f.Rating, Q = f.Q }
            .Apply(db.BusinessEntities.AsNoTracking());
        if (paging.UpdatedSince is { } since) filtered = filtered.Where(e => e.UpdatedAt >= since);
        var query = ApiEndpoints.Keyset(filtered, paging, out var limit);
        if (query is null) return ApiEndpoints.BadPaging(http);
        return TypedResults.Ok(ApiEndpoints.Page(await query.Select(Projection).ToListAsync(http.RequestAborted), limit, e => e.Id));
    }

    private static async Task<IResult> GetAsync(int id, HttpContext http, TalentHubDbContext db) =>
        await db.BusinessEntities.AsNoTracking().Where(e => e.Id == id).Select(Projection).FirstOrDefaultAsync(http.RequestAborted) is { } entity
            ? TypedResults.Ok(entity) : ApiProblems.Result(http, StatusCodes.Status404NotFound);

    private static readonly Expression<Func<BusinessEntity, EntityDto>> Projection = e => new EntityDto(e.Id, e.Name, e.CreditCode, e.Type, e.Status,
        e.RegionCode, e.CountyCode, e.Industry, e.RegisteredOn, e.LegalRepresentativeId, e.Members, e.Employees, e.HouseholdsDriven,
        e.AnnualRevenue, e.Rating, e.RatingYear, e.CreatedAt, e.UpdatedAt);
}
