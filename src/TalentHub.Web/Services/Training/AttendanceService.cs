using TalentHub.Web.Domain.Common;
using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Data;
using TalentHub.Web.Domain;
using TalentHub.Web.Domain.Training;

namespace TalentHub.Web.Services.Training;

/// <summary>A trainee on a session's roll: their enrollment and current mark (null when none was taken).</summary>
public sealed record RollEntry(int EnrollmentId, int PersonId, string Name, string IdNumber, AttendanceMark? Mark, AttendanceSource? Source, DateTimeOffset? MarkedAt);

/// <summary>
/// What saving marks did: how many marks changed, whose completion result the correction changed, and the trainees whose mark
/// was kept because someone changed it after the page was loaded and the user changed that row too (<see cref="StaleRowOutcome.Conflict"/>;
/// each with the mark, source and time stored now).
/// </summary>
public sealed record MarksSaved(int Changed, IReadOnlyList<CompletionService.Redecision> Results, IReadOnlyList<RollEntry> Kept);

/// <summary>
/// Takes attendance for a session from the roll call or the sign-in sheet: sets the marks given and
/// keeps the others; every changed mark is audited by the interceptor (who, when, before/after). On a Completed
/// course the trainees whose marks changed are re-decided in the same transaction (<see cref="CompletionService.RedecideAsync"/>,
/// certificates for new completions by <see cref="CertificateService.IssueForAsync"/>, one revoked for an earlier correction
/// reinstated); a racing writer fails the whole save with Attendance.ResultsRaced (roll call, all present and sign-in sheet alike).
/// A page loaded earlier posts what each row showed (<see cref="ShownRow"/>): a mark changed since is not overwritten
/// (<see cref="ChangedMeanwhile"/>), and <see cref="AttendanceRecord.MarkedAt"/> is the record's concurrency token, so a mark
/// written between this save's read and its write fails the save (Attendance.MarksRaced) instead of being lost.
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
    /// new certificates commit together or not at all. Returns how many marks changed, the results that changed, and the rows
    /// kept because they were changed meanwhile.
    /// <paramref name="shown"/> (enrollment id → what the page showed for the row; null or a missing row: no check, as for an
    /// older form) decides per row by <see cref="ChangedMeanwhile.Decide"/> against the mark stored now: a row changed since the
    /// page was loaded keeps its stored mark (listed in <see cref="MarksSaved.Kept"/> when the user had changed it too); the
    /// other rows are saved.
    /// When a concurrent writer wins a unique index or concurrency check on the same rows, nothing is saved and
    /// <see cref="DomainException"/> is thrown: Attendance.MarksRaced when a mark changed between this save's read and its write
    /// (another clerk), Attendance.ResultsRaced otherwise (a racing certificate job); the page shows it with the marks as they are now.
    /// </summary>
    public async Task<MarksSaved> SetMarksAsync(int courseId, int sessionId, IReadOnlyDictionary<int, AttendanceMark> marks, AttendanceSource source,
        string? by, IReadOnlyDictionary<int, ShownRow>? shown = null, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var roll = (await RollAsync(courseId, sessionId, ct)).ToDictionary(r => r.EnrollmentId);
        var existing = await db.Attendance.Where(a => a.SessionId == sessionId).ToDictionaryAsync(a => a.EnrollmentId, ct);
        var changed = 0;
        var touched = new List<int>();
        var kept = new List<RollEntry>();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var (enrollmentId, mark) in marks)
        {
            if (!roll.TryGetValue(enrollmentId, out var entry)) continue;
            existing.TryGetValue(enrollmentId, out var record);
            var row = shown is not null && shown.TryGetValue(enrollmentId, out var r) ? r : (ShownRow?)null;
            var verdict = ChangedMeanwhile.Decide(row, MarkStamp.Of(record?.Mark, record?.MarkedAt), mark);
            if (verdict == StaleRowOutcome.Conflict) kept.Add(entry with { Mark = record?.Mark, Source = record?.Source, MarkedAt = record?.MarkedAt });
            if (verdict != StaleRowOutcome.Write) continue;
            if (record is null)
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
            return new(changed, results, kept);
        }
        catch (Exception ex) when (ex is DbUpdateConcurrencyException || (ex is DbUpdateException u && UniqueViolation.Is(u)))
        {
            // Something else wrote these results at the same moment (the certificate job certified a trainee this correction
            // also certifies, or another clerk saved the same marks): undo everything, marks included, and let the clerk retry.
            // A mark changed between this save's read and its write (MarkedAt is the concurrency token) is said as such.
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            var marksRaced = ex is DbUpdateConcurrencyException c && c.Entries.Any(e => e.Entity is AttendanceRecord);
            throw new DomainException(marksRaced ? "Attendance.MarksRaced" : "Attendance.ResultsRaced");
        }
    }
}
