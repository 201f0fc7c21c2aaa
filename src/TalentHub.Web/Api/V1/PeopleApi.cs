using System.ComponentModel;
using System.Globalization;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Data;
using TalentHub.Web.Domain.Common;
using TalentHub.Web.Domain.People;
using TalentHub.Web.Services;
using TalentHub.Web.Services.Audit;
using TalentHub.Web.Services.People;

namespace TalentHub.Web.Api.V1;

/// <summary>A registry person. <c>idNumber</c> and <c>mobile</c> are masked unless <c>revealed</c>.</summary>
public sealed record PersonDto(int Id, string Name, Sex Sex, DateOnly BirthDate, string IdNumber, string? Mobile, bool Revealed,
    string RegionCode, string CountyCode, EducationLevel? Education, string? Industry, IReadOnlyList<TalentCategory> Categories,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>The filters of the /People page (<see cref="PeopleFilter"/>).</summary>
public sealed class PeopleQuery
{
    [Description("County code (12 digits).")] public string? County { get; set; }
    [Description("Township code (12 digits).")] public string? Township { get; set; }
    public TalentCategory? Category { get; set; }
    public string? Industry { get; set; }
    public EducationLevel? Education { get; set; }
    [Description("Name fragment, last 4 digits of a mobile, a full mobile or a full ID number.")] public string? Q { get; set; }

    internal IQueryable<Person> Apply(IQueryable<Person> people, IQueryable<PersonNameGram> grams, PersonalDataProtector protector, DateTimeOffset? updatedSince)
    {
        var filter = new PeopleFilter { County = County, Township = Township, Category = Category, Industry = Industry, Education = Education, Q = Q };
        people = filter.Apply(people, grams, protector);
        return updatedSince is { } since ? people.Where(p => p.UpdatedAt >= since) : people;
    }
}

/// <summary>
/// <c>/api/v1/people</c>: the registry list with the page's filters, keyset paging by id, <c>/{id}</c>, and
/// <c>/stream</c> (the whole filtered list as one JSON array written row by row).
/// A token with reveal rights gets full identifiers on the list and <c>/{id}</c> (one audit row per person shown) and on
/// the stream (one audit row per request with the count).
/// </summary>
public sealed class PeopleApi : IApiResource
{
    public string Name => Domain.Api.ApiResources.People;

    public void Map(RouteGroupBuilder group)
    {
        group.MapGet("", ListAsync).WithName("ListPeople").WithSummary("People, filtered like the /People page, sorted by id.")
            .Produces<ApiPage<PersonDto>>();
        group.MapGet("/{id:int}", GetAsync).WithName("GetPerson").WithSummary("One person.")
            .Produces<PersonDto>().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/stream", Stream).WithName("StreamPeople")
            .WithSummary("Every person matching the filters as one streamed JSON array, for full exports (identifiers masked unless the token may reveal; a revealed stream is audited once with its row count).")
            .Produces<IEnumerable<PersonDto>>();
    }

    private static async Task<IResult> ListAsync(HttpContext http, TalentHubDbContext db, PersonalDataProtector protector, AuditLog audit,
        Services.IRegionScope scope, [AsParameters] PeopleQuery filter, [AsParameters] ListQuery paging)
    {
        if (ApiEndpoints.OutOfScope(http, scope, filter.County, filter.Township) is { } outside) return outside;
        var query = ApiEndpoints.Keyset(filter.Apply(db.People.AsNoTracking(), db.PersonNameGrams, protector, paging.UpdatedSince), paging, out var limit);
        if (query is null) return ApiEndpoints.BadPaging(http);
        var reveal = ApiEndpoints.Reveals(http);
        var rows = await query.Select(Projection(reveal)).ToListAsync(http.RequestAborted);
        var page = ApiEndpoints.Page(rows, limit, p => p.Id);
        if (reveal && page.Items.Count > 0) await AuditRevealAsync(db, audit, page.Items);
        return TypedResults.Ok(page);
    }

    private static async Task<IResult> GetAsync(int id, HttpContext http, TalentHubDbContext db, AuditLog audit)
    {
        var reveal = ApiEndpoints.Reveals(http);
        var person = await db.People.AsNoTracking().Where(p => p.Id == id).Select(Projection(reveal)).FirstOrDefaultAsync(http.RequestAborted);
        if (person is null) return ApiProblems404(http);
        if (reveal) await AuditRevealAsync(db, audit, [person]);
        return TypedResults.Ok(person);
    }

    /// <summary>
    /// The whole filtered list, written row by row. A token with reveal rights gets full identifiers here too; the read is
    /// audited once, before the first row leaves, as one <see cref="AuditAction.Reveal"/> row holding the row count and the
    /// filter. The stream is bounded to the rows that existed then (ids up to the highest id counted), so the audited
    /// count is what is sent (less only when a row is deleted meanwhile). Without reveal rights nothing is audited.
    /// </summary>
    private static async Task<IResult> Stream(HttpContext http, TalentHubDbContext db, PersonalDataProtector protector, AuditLog audit,
        IRegionScope scope, [AsParameters] PeopleQuery filter, [AsParameters] StreamQuery paging)
    {
        if (ApiEndpoints.PagedStream(http) is { } paged) return paged;
        if (ApiEndpoints.OutOfScope(http, scope, filter.County, filter.Township) is { } outside) return outside;
        var rows = filter.Apply(db.People.AsNoTracking(), db.PersonNameGrams, protector, paging.UpdatedSince);
        var reveal = ApiEndpoints.Reveals(http);
        if (reveal)
        {
            var last = await rows.MaxAsync(p => (int?)p.Id, http.RequestAborted) ?? 0;
            rows = rows.Where(p => p.Id <= last);
            var count = await rows.CountAsync(http.RequestAborted);
            audit.Record(AuditAction.Reveal, "Person", null, AuditNotes.Revealed().With(AuditNoteKeys.Api, http.Request.Path.Value).With(AuditNoteKeys.Rows, count)
                .With(AuditNoteKeys.County, filter.County).With(AuditNoteKeys.Township, filter.Township).With(AuditNoteKeys.Category, filter.Category)
                .With(AuditNoteKeys.Industry, filter.Industry).With(AuditNoteKeys.Education, filter.Education)
                .With(AuditNoteKeys.Search, string.IsNullOrEmpty(filter.Q) ? null : "…")
                .With(AuditNoteKeys.UpdatedSince, paging.UpdatedSince?.ToString("O", CultureInfo.InvariantCulture)), scope.CountyCode);
            await db.SaveChangesAsync(http.RequestAborted);
        }
        return TypedResults.Ok(rows.OrderBy(p => p.Id).Select(Projection(reveal)).AsAsyncEnumerable());
    }

    private static IResult ApiProblems404(HttpContext http) => Services.Api.ApiProblems.Result(http, StatusCodes.Status404NotFound);

    /// <summary>The row as JSON; masking runs after the read (the column is decrypted by the converter).</summary>
    private static Expression<Func<Person, PersonDto>> Projection(bool reveal) => p => new PersonDto(p.Id, p.Name, p.Sex, p.BirthDate,
        reveal ? p.IdNumber : Masking.IdNumber(p.IdNumber), p.Mobile == null ? null : reveal ? p.Mobile : Masking.Mobile(p.Mobile), reveal,
        p.RegionCode, p.CountyCode, p.Education, p.Industry, p.Categories.Select(c => c.Category).ToList(), p.CreatedAt, p.UpdatedAt);

    private static async Task AuditRevealAsync(TalentHubDbContext db, AuditLog audit, IEnumerable<PersonDto> people)
    {
        foreach (var p in people)
            audit.Record(AuditAction.Reveal, "Person", p.Id.ToString(CultureInfo.InvariantCulture), AuditNotes.Revealed().With(AuditNoteKeys.Api, "/api/v1/people"), p.CountyCode);
        await db.SaveChangesAsync();
    }
}
