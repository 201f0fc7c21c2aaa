using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Data;
using TalentHub.Web.Domain.Entities;
using TalentHub.Web.Domain.People;
using TalentHub.Web.Domain.Reports;

namespace TalentHub.Web.Services.Audit;

/// <summary>
/// The page each audit record links to (issue 10 item 8). Records with a page of their own use
/// <see cref="AuditedType.LinkFor"/>; a part of a larger record links to its owner's page, found by one query per type
/// and page of the log: a category or venture to its person, a member or status change to its entity, a place on a
/// course to the roster, an attendance mark to its session's roll call, a certificate or survey answer to the course's
/// outcomes, a target to its year, a dispatch report to its month, a staff account to its edit page, a role's security
/// setting to the security page. A record deleted since has no link.
/// </summary>
public sealed class AuditLinks(TalentHubDbContext db)
{
    /// <summary>Links by audit entry id, for the entries that have one.</summary>
    public async Task<IReadOnlyDictionary<long, string>> ForAsync(IReadOnlyList<AuditEntry> entries, CancellationToken ct = default)
    {
        var links = new Dictionary<long, string>();
        foreach (var group in entries.Where(e => e.EntityId is not null).GroupBy(e => e.EntityType))
        {
            var byId = await OwnerLinksAsync(group.Key, group.Select(e => e.EntityId!).Distinct().ToList(), ct);
            foreach (var entry in group)
                if ((byId?.GetValueOrDefault(entry.EntityId!) ?? AuditedTypes.Find(entry.EntityType)?.LinkFor(entry.EntityId)) is { } link)
                    links[entry.Id] = link;
        }
        return links;
    }

    /// <summary>Link per entity id for parts of a larger record, or null when the type links by its own id.</summary>
    private async Task<Dictionary<string, string>?> OwnerLinksAsync(string type, IReadOnlyList<string> ids, CancellationToken ct)
    {
        var numbers = ids.Select(id => int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : (int?)null)
            .OfType<int>().ToList();
        return type switch
        {
            nameof(PersonCategory) => await Links(db.Set<PersonCategory>().Where(c => numbers.Contains(c.Id)).Select(c => new { c.Id, Owner = c.PersonId }),
                x => x.Id, x => $"/People/{x.Owner}", ct),
            nameof(EntityMember) => await Links(db.Set<EntityMember>().Where(m => numbers.Contains(m.Id)).Select(m => new { m.Id, Owner = m.EntityId }),
                x => x.Id, x => $"/Entities/{x.Owner}", ct),
            nameof(EntityStatusChange) => await Links(db.Set<EntityStatusChange>().Where(h => numbers.Contains(h.Id)).Select(h => new { h.Id, Owner = h.EntityId }),
                x => x.Id, x => $"/Entities/{x.Owner}", ct),
            "CourseSession" => await Links(db.CourseSessions.Where(s => numbers.Contains(s.Id)).Select(s => new { s.Id, Owner = s.CourseId }),
                x => x.Id, x => $"/Courses/{x.Owner}", ct),
            "Enrollment" => await Links(db.Enrollments.IgnoreQueryFilters().Where(e => numbers.Contains(e.Id)).Select(e => new { e.Id, Owner = e.CourseId }),
                x => x.Id, x => $"/Courses/{x.Owner}/Roster", ct),
            "AttendanceRecord" => await Links(db.Attendance.IgnoreQueryFilters().Where(a => numbers.Contains(a.Id)).Select(a => new { a.Id, a.CourseId, a.SessionId }),
                x => x.Id, x => $"/Courses/{x.CourseId}/Sessions/{x.SessionId}/Attendance", ct),
            "Certificate" => await Links(db.Certificates.IgnoreQueryFilters().Where(c => numbers.Contains(c.Id)).Select(c => new { c.Id, Owner = c.CourseId }),
                x => x.Id, x => $"/Courses/{x.Owner}/Outcomes", ct),
            "SurveyAnswer" => await Links(db.SurveyAnswers.IgnoreQueryFilters().Where(s => numbers.Contains(s.Id)).Select(s => new { s.Id, Owner = s.CourseId }),
                x => x.Id, x => $"/Courses/{x.Owner}/Outcomes", ct),
            nameof(AnnualTarget) => await Links(db.Targets.Where(t => numbers.Contains(t.Id)).Select(t => new { t.Id, t.Year }),
                x => x.Id, x => string.Create(CultureInfo.InvariantCulture, $"/Reports/Targets?Year={x.Year}"), ct),
            nameof(DispatchReport) => await Links(db.DispatchReports.Where(r => numbers.Contains(r.Id)).Select(r => new { r.Id, r.Month }),
                x => x.Id, x => $"/Reports/Dispatch/{x.Month}", ct),
            "User" => (await db.Users.Where(u => ids.Contains(u.Id)).Select(u => u.Id).ToListAsync(ct))
                .ToDictionary(id => id, id => $"/Admin/Users/Edit/{Uri.EscapeDataString(id)}"),
            "RoleSecurity" => ids.ToDictionary(id => id, _ => "/Admin/Security"),
            _ => null,
        };
    }

    private static async Task<Dictionary<string, string>> Links<T>(IQueryable<T> rows, Func<T, int> id, Func<T, string> link, CancellationToken ct) =>
        (await rows.ToListAsync(ct)).ToDictionary(r => id(r).ToString(CultureInfo.InvariantCulture), link);
}
