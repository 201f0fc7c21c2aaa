using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Data;
using TalentHub.Web.Domain;
using TalentHub.Web.Services.Notifications;
using TalentHub.Web.Domain.Notifications;
using TalentHub.Web.Domain.Training;
using TalentHub.Web.Infrastructure;

namespace TalentHub.Web.Services.Training;

/// <summary>
/// Issues a certificate for every Completed trainee. The serial comes from the per-county-and-year
/// counter row, incremented by an atomic UPDATE in the same transaction as the certificate insert:
/// the row lock (PostgreSQL) or the write lock (SQLite) orders concurrent issuers, and when two
/// issuers race for the same trainee the loser's insert hits the filtered unique index (one valid certificate per enrollment) and
/// its whole transaction — counter increment included — rolls back, so serials stay gapless.
/// </summary>
public sealed class CertificateService(TalentHubDbContext db, Outbox outbox, TimeProvider clock)
{
    /// <summary>The filter this service lifts: jobs run outside any request, and a subquery needs the names as an array.</summary>
    private static readonly string[] RegionScope = [RegionFilter.Name];

    /// <summary>A trainee found due for a certificate (Completed, none held) when the due list was read.</summary>
    internal sealed record Due(int EnrollmentId, int PersonId, int CourseId, string Title, string RegionCode, string CountyCode,
        decimal Hours, DateTimeOffset CompletedAt);

    /// <summary>
    /// Issues a certificate to every Completed trainee who holds none (the Quartz <c>CertificateIssueJob</c>). Each issue re-checks,
    /// in its own transaction, that the trainee is still Completed and uncertified, so a correction committed after the due list
    /// was read is not overridden.
    /// </summary>
    /// <returns>How many certificates this run issued.</returns>
    public async Task<int> IssueDueAsync(CancellationToken ct = default) => await IssueAsync(await DueAsync(db.Enrollments, ct), ct);

    /// <summary>
    /// Issues certificates, as the job does, to those of <paramref name="enrollmentIds"/> who are Completed and hold none
    /// (a revoked one counts: a correction reinstates one revoked for a correction, <see cref="CompletionService.RedecideAsync"/>,
    /// and only an officer's reissue replaces one an officer revoked, <see cref="ReissueAsync"/>). Joins the caller's transaction when one is open, so a duplicate (a racing
    /// job) then fails the whole unit of work instead of being skipped (<see cref="AttendanceService.SetMarksAsync"/> rolls back
    /// and reports it). Returns how many were issued.
    /// </summary>
    public async Task<int> IssueForAsync(IReadOnlyCollection<int> enrollmentIds, CancellationToken ct = default) =>
        enrollmentIds.Count == 0 ? 0 : await IssueAsync(await DueAsync(db.Enrollments.Where(e => enrollmentIds.Contains(e.Id)), ct), ct);

    /// <summary>Those of <paramref name="enrollments"/> who are Completed and hold no certificate, in enrollment order (read without a transaction).</summary>
    internal Task<List<Due>> DueAsync(IQueryable<Enrollment> enrollments, CancellationToken ct = default) =>
        enrollments.AsNoTracking()
            .Where(e => e.Status == EnrollmentStatus.Completed && !db.Certificates.IgnoreQueryFilters(RegionScope).Any(c => c.EnrollmentId == e.Id))
            .OrderBy(e => e.Id)
            .Join(db.Courses.IgnoreQueryFilters([RegionFilter.Name]), e => e.CourseId, c => c.Id, (e, c) => new Due(e.Id, e.PersonId, c.Id, c.Title,
                c.RegionCode, c.CountyCode, c.TotalHours, e.CompletedAt ?? c.UpdatedAt))
            .ToListAsync(ct);

    /// <summary>Issues to each of <paramref name="due"/> still due when its own transaction re-checks; returns how many were issued.</summary>
    internal async Task<int> IssueAsync(IReadOnlyList<Due> due, CancellationToken ct = default)
    {
        var issued = 0;
        foreach (var item in due)
            if (await IssueAsync(item, ct) is not null) issued++;
        return issued;
    }

    /// <summary>
    /// Reissues (补发) <paramref name="revoked"/>, a certificate an officer revoked, as a new certificate with the next serial of its
    /// (county, year) counter and today's issue date (<see cref="Certificate.Reissue"/>), in one transaction with the counter
    /// increment, and tells the trainee (<see cref="NotificationKind.CertificateReissued"/>, key per new number). The
    /// enrollment row is locked first (a no-op UPDATE, as the issuer does), then the rule is checked against what is committed:
    /// <see cref="Certificate.EnsureReissuable"/>'s <see cref="DomainException"/> keys, then Certificate.AlreadyReissued when a
    /// newer (or another valid) certificate of the enrollment exists. Two officers at once: the second waits for the lock and is refused, and
    /// should it get past, the filtered unique index (one valid certificate per enrollment) refuses its insert: rolled back,
    /// serial included, and Certificate.AlreadyReissued. The caller has checked role and region. Returns the new certificate.
    /// </summary>
    public async Task<Certificate> ReissueAsync(Certificate revoked, string courseTitle, CancellationToken ct = default)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Enrollments.IgnoreQueryFilters(RegionScope).Where(e => e.Id == revoked.EnrollmentId)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, e => e.Status), ct);
        var status = await db.Enrollments.IgnoreQueryFilters(RegionScope).Where(e => e.Id == revoked.EnrollmentId).Select(e => e.Status).SingleAsync(ct);
        // The caller read the certificate before the lock: judge its revocation as committed now.
        if (db.Entry(revoked).State != EntityState.Detached) await db.Entry(revoked).ReloadAsync(ct);
        revoked.EnsureReissuable(status);
        if (await db.Certificates.IgnoreQueryFilters(RegionScope).AnyAsync(c => c.EnrollmentId == revoked.EnrollmentId && c.Id != revoked.Id
                && (c.Id > revoked.Id || c.RevokedAt == null), ct))
            throw new DomainException("Certificate.AlreadyReissued");
        var serial = await NextSerialAsync(revoked.CountyCode, revoked.Year, ct);
        var certificate = revoked.Reissue(status, serial, clock.GetUtcNow());
        db.Certificates.Add(certificate);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            throw new DomainException("Certificate.AlreadyReissued");
        }
        await outbox.QueueAsync($"certificate:{certificate.Number}:reissued", certificate.PersonId, NotificationKind.CertificateReissued,
            certificate.CourseId, courseTitle, about: certificate.Number, ct: ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return certificate;
    }

    /// <summary>Increments the (county, year) counter in the open transaction and returns the serial it now holds (from 1).</summary>
    private async Task<int> NextSerialAsync(string county, int year, CancellationToken ct)
    {
        // Provider-neutral SQL: both SQLite (3.24+) and PostgreSQL accept ON CONFLICT DO NOTHING.
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"INSERT INTO \"CertificateCounters\" (\"CountyCode\", \"Year\", \"LastSerial\") VALUES ({county}, {year}, 0) ON CONFLICT DO NOTHING", ct);
        await db.CertificateCounters.Where(c => c.CountyCode == county && c.Year == year)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.LastSerial, c => c.LastSerial + 1), ct);
        return await db.CertificateCounters.Where(c => c.CountyCode == county && c.Year == year).Select(c => c.LastSerial).SingleAsync(ct);
    }

    private async Task<Certificate?> IssueAsync(Due item, CancellationToken ct)
    {
        var year = item.CompletedAt.ToShanghai().Year;
        var county = item.CountyCode;
        var own = db.Database.CurrentTransaction is null;
        await using var tx = own ? await db.Database.BeginTransactionAsync(ct) : null;
        // The due list was read before this transaction: a correction may have made the trainee NotCompleted (or another issuer
        // certified them) since. Re-check in the transaction with a no-op UPDATE of the enrollment row, which on PostgreSQL
        // (READ COMMITTED) locks the row — a correction that already changed it makes this wait and re-read its status, and a
        // correction coming later waits for this commit — and on SQLite takes the write lock; 0 rows means skip.
        var stillDue = await db.Enrollments.IgnoreQueryFilters(RegionScope)
            .Where(e => e.Id == item.EnrollmentId && e.Status == EnrollmentStatus.Completed
                && !db.Certificates.IgnoreQueryFilters(RegionScope).Any(c => c.EnrollmentId == e.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, e => e.Status), ct);
        if (stillDue == 0) return null;
        var serial = await NextSerialAsync(county, year, ct);
        var certificate = new Certificate
        {
            Number = CertificateNumber.Format(year, county, serial), Year = year, Serial = serial,
            EnrollmentId = item.EnrollmentId, CourseId = item.CourseId, PersonId = item.PersonId,
            RegionCode = item.RegionCode, CountyCode = county, Hours = item.Hours, CompletedAt = item.CompletedAt, IssuedAt = clock.GetUtcNow(),
        };
        db.Certificates.Add(certificate);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (tx is not null && UniqueViolation.Is(ex))
        {
            // Another issuer certified this trainee first: undo our serial with the rest.
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return null;
        }
        await outbox.QueueAsync($"certificate:{item.EnrollmentId}", item.PersonId, NotificationKind.CertificateIssued, item.CourseId, item.Title, ct: ct);
        await db.SaveChangesAsync(ct);
        if (tx is not null) await tx.CommitAsync(ct);
        return certificate;
    }
}
