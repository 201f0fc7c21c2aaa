using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Data;
using TalentHub.Web.Domain;
using TalentHub.Web.Domain.Training;

namespace TalentHub.Web.Services.Training;

/// <summary>A trainee on a session's roll: their enrollment and current mark (null when none was taken).</summary>
public sealed record RollEntry(int EnrollmentId, int PersonId, string Name, string IdNumber, AttendanceMark? Mark, AttendanceSource? Source, DateTimeOffset? MarkedAt);

/// <summary>What saving marks did: how many marks changed, and whose completion result the correction changed.</summary>
public sealed record MarksSaved(int Changed, IReadOnlyList<CompletionService.Redecision> Results);

/// <summary>
/// Takes attendance for a session from the roll call or the sign-in sheet: sets the marks given and
/// keeps the others; every changed mark is audited by the interceptor (who, when, before/after). On a Completed
/// course the trainees whose marks changed are re-decided in the same transaction (<see cref="CompletionService.RedecideAsync"/>,
/// certificates for new completions by <see cref="CertificateService.IssueForAsync"/>, one revoked for an earlier correction
/// reinstated); a racing writer fails the whole save with Attendance.ResultsRaced (roll call, all present and sign-in sheet alike).
/// </summary>
public sealed class AttendanceService(TalentHubDbContext db, TimeProvider clock, CompletionService completion, CertificateService certificates)
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

    /// <summary>
    /// Sets the given marks (enrollment id → mark); enrollments not on the roll are ignored. Marks, re-decided results and
    /// new certificates commit together or not at all. Returns how many marks changed and the results that changed.
    /// When a concurrent writer wins a unique index or concurrency check on the same rows (a racing certificate job, another
    /// clerk), nothing is saved and <see cref="DomainException"/> Attendance.ResultsRaced is thrown (the page shows it; retry).
    /// </summary>
    public async Task<MarksSaved> SetMarksAsync(int courseId, int sessionId, IReadOnlyDictionary<int, AttendanceMark> marks, AttendanceSource source,
        string? by, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var roll = (await RollAsync(courseId, sessionId, ct)).ToDictionary(r => r.EnrollmentId);
        var existing = await db.Attendance.Where(a => a.SessionId == sessionId).ToDictionaryAsync(a => a.EnrollmentId, ct);
        var changed = 0;
        var touched = new List<int>();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var (enrollmentId, mark) in marks)
        {
            if (!roll.TryGetValue(enrollmentId, out var entry)) continue;
            if (!existing.TryGetValue(enrollmentId, out var record))
            {
                record = new AttendanceRecord { CourseId = courseId, SessionId = sessionId, EnrollmentId = enrollmentId, PersonId = entry.PersonId };
                db.Attendance.Add(record);
            }
            if (!record.Set(mark, source, now, by)) continue;
            changed++;
            touched.Add(enrollmentId);
        }
        try
        {
            await db.SaveChangesAsync(ct);
            var results = await completion.RedecideAsync(courseId, touched, by, ct);
            await certificates.IssueForAsync(results.Where(r => r.Completed).Select(r => r.EnrollmentId).ToList(), ct);
            await tx.CommitAsync(ct);
            return new(changed, results);
        }
        catch (Exception ex) when (ex is DbUpdateConcurrencyException || (ex is DbUpdateException u && UniqueViolation.Is(u)))
        {
            // Something else wrote these results at the same moment (the certificate job certified a trainee this correction
            // also certifies, or another clerk saved the same marks): undo everything, marks included, and let the clerk retry.
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            throw new DomainException("Attendance.ResultsRaced");
        }
    }
}
