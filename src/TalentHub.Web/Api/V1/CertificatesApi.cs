using System.ComponentModel;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Data;
using TalentHub.Web.Domain.Training;
using TalentHub.Web.Services.Api;
using TalentHub.Web.Services.Audit;

namespace TalentHub.Web.Api.V1;

/// <summary>
/// A completion certificate (结业证书); <c>hours</c> are the course hours printed on it; a revoked one keeps its row and reason.
/// An enrollment has at most one certificate not revoked; a reissue (补发) is a new certificate whose <c>reissueOfId</c> is the
/// revoked one it replaces (null for a first issue), so the latest of an enrollment is the one with the highest id.
/// </summary>
public sealed record CertificateDto(int Id, string Number, int Year, int CourseId, int EnrollmentId, PersonRefDto? Person,
    string RegionCode, string CountyCode, decimal Hours, DateTimeOffset CompletedAt, DateTimeOffset IssuedAt,
    bool Revoked, DateTimeOffset? RevokedAt, string? RevokedReason, int? ReissueOfId);

/// <summary>The filters of the certificate lists (a course's outcomes, a person's certificates) plus county, year and state.</summary>
public sealed class CertificatesQuery
{
    [Description("County code (12 digits).")] public string? County { get; set; }
    [Description("Course id; a course the token cannot read is a 404.")] public int? CourseId { get; set; }
    [Description("Person id; a person the token cannot read (not in its region nor a trainee of its courses) is a 404.")] public int? PersonId { get; set; }
    [Description("Year of the certificate number (TH-{year}-…).")] public int? Year { get; set; }
    [Description("true: only revoked certificates; false: only valid ones; omitted: both.")] public bool? Revoked { get; set; }
    [Description("A full certificate number (TH-2026-330523-0001).")] public string? Number { get; set; }
}

/// <summary>
/// <c>/api/v1/certificates</c>: certificates of the token's region (the certificate's own county filter, as the pages),
/// keyset paging by id, and <c>/{id}</c>. <c>updatedSince</c> matches issue or revocation at or after the instant
/// (certificates carry no other stamp; nothing else about one changes). A <c>courseId</c> or <c>personId</c> the token cannot
/// read is a 404 (<see cref="ApiIdFilters"/>).
/// </summary>
public sealed class CertificatesApi : IApiResource
{
    public string Name => Domain.Api.ApiResources.Certificates;

    public void Map(RouteGroupBuilder group)
    {
        group.MapGet("", ListAsync).WithName("ListCertificates").WithSummary("Completion certificates in scope, sorted by id.")
            .Produces<ApiPage<CertificateDto>>().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id:int}", GetAsync).WithName("GetCertificate").WithSummary("One completion certificate.")
            .Produces<CertificateDto>().ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static IQueryable<Certificate> Scoped(TalentHubDbContext db, CertificatesQuery f, DateTimeOffset? since)
    {
        var rows = db.Certificates.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(f.County)) rows = rows.Where(c => c.CountyCode == f.County.Trim());
        if (f.CourseId is { } course) rows = rows.Where(c => c.CourseId == course);
        if (f.PersonId is { } person) rows = rows.Where(c => c.PersonId == person);
        if (f.Year is { } year) rows = rows.Where(c => c.Year == year);
        if (f.Revoked is { } revoked) rows = revoked ? rows.Where(c => c.RevokedAt != null) : rows.Where(c => c.RevokedAt == null);
        if (!string.IsNullOrWhiteSpace(f.Number)) rows = rows.Where(c => c.Number == f.Number.Trim().ToUpperInvariant());
        if (since is { } s) rows = rows.Where(c => c.IssuedAt >= s || c.RevokedAt >= s);
        return rows;
    }

    private static async Task<IResult> ListAsync(HttpContext http, TalentHubDbContext db, AuditLog audit, Services.IRegionScope scope,
        [AsParameters] CertificatesQuery f, [AsParameters] ListQuery paging)
    {
        if (ApiEndpoints.OutOfScope(http, scope, f.County) is { } outside) return outside;
        if (await ApiIdFilters.NotFoundAsync(http, db, f.CourseId, f.PersonId) is { } unknown) return unknown;
        var query = ApiEndpoints.Keyset(Scoped(db, f, paging.UpdatedSince), paging, out var limit);
        if (query is null) return ApiEndpoints.BadPaging(http);
        var page = ApiEndpoints.Page(await query.Select(Row).ToListAsync(http.RequestAborted), limit, c => c.Id);
        var people = await ApiPersonRefs.LoadAsync(http, db, audit, page.Items.Select(c => c.PersonId), "certificates");
        return TypedResults.Ok(new ApiPage<CertificateDto>(page.Items.Select(c => c.ToDto(people)).ToList(), page.NextCursor));
    }

    private static async Task<IResult> GetAsync([Description("Certificate id.")] int id, HttpContext http, TalentHubDbContext db, AuditLog audit)
    {
        var row = await Scoped(db, new CertificatesQuery(), null).Where(c => c.Id == id).Select(Row).FirstOrDefaultAsync(http.RequestAborted);
        if (row is null) return ApiProblems.Result(http, StatusCodes.Status404NotFound);
        return TypedResults.Ok(row.ToDto(await ApiPersonRefs.LoadAsync(http, db, audit, [row.PersonId], "certificates")));
    }

    private sealed record CertificateRow(int Id, string Number, int Year, int CourseId, int EnrollmentId, int PersonId, string RegionCode,
        string CountyCode, decimal Hours, DateTimeOffset CompletedAt, DateTimeOffset IssuedAt, DateTimeOffset? RevokedAt, string? RevokedReason,
        int? ReissueOfId)
    {
        public CertificateDto ToDto(IReadOnlyDictionary<int, PersonRefDto> people) => new(Id, Number, Year, CourseId, EnrollmentId,
            people.GetValueOrDefault(PersonId), RegionCode, CountyCode, Hours, CompletedAt, IssuedAt, RevokedAt is not null, RevokedAt, RevokedReason,
            ReissueOfId);
    }

    private static readonly Expression<Func<Certificate, CertificateRow>> Row = c => new CertificateRow(c.Id, c.Number, c.Year, c.CourseId,
        c.EnrollmentId, c.PersonId, c.RegionCode, c.CountyCode, c.Hours, c.CompletedAt, c.IssuedAt, c.RevokedAt, c.RevokedReason, c.ReissueOfId);
}
