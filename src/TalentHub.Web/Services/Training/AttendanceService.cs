using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Data;
using TalentHub.Web.Domain.Training;

namespace TalentHub.Web.Services.Training;

/// <summary>A trainee on a session's roll: their enrollment and current mark (null when none was taken).</summary>
public sealed record RollEntry(int EnrollmentId, int PersonId, string Name, string IdNumber, AttendanceMark? Mark, AttendanceSource? Source, DateTimeOffset? MarkedAt);

/// <summary>
/// Takes attendance for a session from the roll call or the sign-in sheet: sets the marks given and
/// keeps the others; every changed mark is audited by the interceptor (who, when, before/after).
/// </summary>
public sealed class AttendanceService(TalentHubDbContext db, TimeProvider clock)
{
    /// <summary>The session's trainees (confirmed or already decided), in enrollment order, with their marks.</summary>
    public async Task<IReadOnlyList<RollEntry>> RollAsync(int courseId, int sessionId, CancellationToken ct = default)
    {
        var rows = await db.Enrollments.AsNoTracking()
            .Where(e => e.CourseId == courseId && (e.Status == EnrollmentStatus.Confirmed || e.Status == EnrollmentStatus.Completed || e.Status == EnrollmentStatus.NotCompleted))
            .Join(db.People.IgnoreQueryFilters([RegionFilter.Name]), e => e.PersonId, p => p.Id, (e, p) => new { e.Id, e.PersonId, p.Name, p.IdNumber })
            .OrderBy(x => x.Id).ToListAsync(ct);
        var marks = await db.Attendance.AsNoTracking().Where(a => a.SessionId == sessionId)
            .ToDictionaryAsync(a => a.EnrollmentId, ct);
        return rows.Select(r => marks.TryGetValue(r.Id, out var m)
            ? new RollEntry(r.Id, r.PersonId, r.Name, r.IdNumber, m.Mark, m.Source, m.MarkedAt)
            : new RollEntry(r.Id, r.PersonId, r.Name, r.IdNumber, null, null, null)).ToList();
    }

    /// <summary>Sets the given marks (enrollment id → mark); enrollments not on the roll are ignored. Returns how many changed.</summary>
    public async Task<int> SetMarksAsync(int courseId, int sessionId, IReadOnlyDictionary<int, AttendanceMark> marks, AttendanceSource source,
        string? by, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var roll = (await RollAsync(courseId, sessionId, ct)).ToDictionary(r => r.EnrollmentId);
        var existing = await db.Attendance.Where(a => a.SessionId == sessionId).ToDictionaryAsync(a => a.EnrollmentId, ct);
        var changed = 0;
        foreach (var (enrollmentId, mark) in marks)
        {
            if (!roll.TryGetValue(enrollmentId, out var entry)) continue;
            if (!existing.TryGetValue(enrollmentId, out var record))
            {
                record = new AttendanceRecord { CourseId = courseId, SessionId = sessionId, EnrollmentId = enrollmentId, PersonId = entry.PersonId };
                db.Attendance.Add(record);
            }
            if (record.Set(mark, source, now, by)) changed++;
        }
        await db.SaveChangesAsync(ct);
        return changed;
    }
}
