using System.ComponentModel;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Data;
using TalentHub.Web.Domain.Common;
using TalentHub.Web.Services;
using TalentHub.Web.Services.Audit;

namespace TalentHub.Web.Api;

/// <summary>
/// The person a training record is about: name and identifiers. <c>idNumber</c> and <c>mobile</c> are masked
/// (<see cref="Masking"/>) unless <c>revealed</c> (a reveal token whose owner may reveal; every revealed person is audited).
/// </summary>
[Description("The person a record is about; idNumber and mobile are masked unless revealed.")]
public sealed record PersonRefDto(int Id, string Name, string IdNumber, string? Mobile, bool Revealed);

/// <summary>
/// Loads the people behind rows that were already read within the token's scope (attendance, certificates, follow-ups).
/// Like the roster and follow-up pages, it reads across the people's region filter (<see cref="RegionFilter.Name"/> only):
/// a trainee from another county appears on this county's course. Reveal follows the person page: with reveal rights a
/// person inside the token's region is shown in full and gets one <see cref="AuditAction.Reveal"/> row (as
/// <c>/api/v1/people</c> does); a person registered in another county stays masked.
/// </summary>
public static class ApiPersonRefs
{
    /// <summary>Person id → reference, for the distinct <paramref name="personIds"/>; <paramref name="source"/> names the resource in the audit summary.</summary>
    public static async Task<IReadOnlyDictionary<int, PersonRefDto>> LoadAsync(HttpContext http, TalentHubDbContext db, AuditLog audit,
        IEnumerable<int> personIds, string source)
    {
        var ids = personIds.Distinct().ToList();
        if (ids.Count == 0) return new Dictionary<int, PersonRefDto>();
        var reveal = ApiEndpoints.Reveals(http);
        var scope = http.RequestServices.GetRequiredService<IRegionScope>().CountyCode;
        var people = await db.People.IgnoreQueryFilters([RegionFilter.Name]).AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new { p.Id, p.Name, p.IdNumber, p.Mobile, p.RegionCode, p.CountyCode }).ToListAsync(http.RequestAborted);
        var revealed = reveal ? people.Where(p => IRegionScope.Allows(scope, p.RegionCode)).Select(p => p.Id).ToHashSet() : [];
        if (revealed.Count > 0)
        {
            foreach (var p in people.Where(p => revealed.Contains(p.Id)))
                audit.Record(AuditAction.Reveal, "Person", p.Id.ToString(CultureInfo.InvariantCulture), AuditNotes.Revealed().With(AuditNoteKeys.Api, "/api/v1/" + source), p.CountyCode);
            await db.SaveChangesAsync(http.RequestAborted);
        }
        return people.ToDictionary(p => p.Id, p =>
        {
            var full = revealed.Contains(p.Id);
            return new PersonRefDto(p.Id, p.Name, full ? p.IdNumber : Masking.IdNumber(p.IdNumber),
                p.Mobile is null ? null : full ? p.Mobile : Masking.Mobile(p.Mobile), full);
        });
    }
}
