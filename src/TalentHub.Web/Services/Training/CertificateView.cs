using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Data;
using TalentHub.Web.Domain.Training;

namespace TalentHub.Web.Services.Training;

/// <summary>What a certificate page and the public verification show (the name in full; mask it where the page is public).</summary>
public sealed record CertificateView(int Id, string Number, string PersonName, string CourseTitle, decimal Hours, DateTimeOffset CompletedAt,
    DateTimeOffset IssuedAt, DateTimeOffset? RevokedAt, string CountyName, string CountyNameEn)
{
    /// <summary>The issuing bureau in the current UI language (县农业农村局).</summary>
    public string Bureau(Microsoft.Extensions.Localization.IStringLocalizer l) =>
        l["Certificate.Bureau", CultureInfo.CurrentUICulture.Name == "en" ? CountyNameEn : CountyName];

    /// <summary>
    /// Certificates matching <paramref name="certificates"/>, newest first. The joins lift every query filter (IgnoreQueryFilters
    /// applies to the whole query), so callers must narrow by person or number themselves.
    /// </summary>
    public static Task<List<CertificateView>> QueryAsync(TalentHubDbContext db, IQueryable<Certificate> certificates, CancellationToken ct = default) =>
        certificates.AsNoTracking()
            .Join(db.People.IgnoreQueryFilters([RegionFilter.Name]), c => c.PersonId, p => p.Id, (c, p) => new { c, p.Name })
            .Join(db.Courses.IgnoreQueryFilters([RegionFilter.Name]), x => x.c.CourseId, co => co.Id, (x, co) => new { x.c, x.Name, co.Title })
            .Join(db.Regions, x => x.c.CountyCode, r => r.Code, (x, r) => new { x.c, x.Name, x.Title, County = r.Name, CountyEn = r.NameEn })
            .OrderByDescending(x => x.c.Id)
            .Select(x => new CertificateView(x.c.Id, x.c.Number, x.Name, x.Title, x.c.Hours, x.c.CompletedAt, x.c.IssuedAt, x.c.RevokedAt, x.County, x.CountyEn))
            .ToListAsync(ct);

    /// <summary>
    /// The certificate that replaces the revoked certificate <paramref name="id"/> (补发): its reissue, followed down to the newest
    /// reissue when a replacement was itself revoked and reissued; null when it was never reissued, or when the newest reissue
    /// is itself revoked (no valid replacement to point to; review35). Only id and number.
    /// </summary>
    public static async Task<(int Id, string Number)?> ReplacementAsync(TalentHubDbContext db, int id, CancellationToken ct = default)
    {
        (int Id, string Number)? last = null;
        var lastRevoked = false;
        for (var step = 0; step < 100; step++)
        {
            var next = await db.Certificates.IgnoreQueryFilters([RegionFilter.Name]).AsNoTracking().Where(c => c.ReissueOfId == id)
                .OrderByDescending(c => c.Id).Select(c => new { c.Id, c.Number, Revoked = c.RevokedAt != null }).FirstOrDefaultAsync(ct);
            if (next is null) break;
            last = (next.Id, next.Number);
            lastRevoked = next.Revoked;
            id = next.Id;
        }
        return lastRevoked ? null : last;
    }
}
