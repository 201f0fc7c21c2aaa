using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Data;
using TalentHub.Web.Domain;
using TalentHub.Web.Domain.Notifications;
using TalentHub.Web.Domain.Training;
using TalentHub.Web.Services.Audit;
using TalentHub.Web.Services.Notifications;

namespace TalentHub.Web.Services.Training;

public sealed record EnrollmentOutcome(bool Enrolled, EnrollmentStatus? Status, IReadOnlyList<EnrollmentRefusal> Refusals, int? EnrollmentId = null);

/// <summary>
/// Enrolls, cancels and promotes. Seats are claimed by a conditional UPDATE at the database
/// (ConfirmedCount &lt; Capacity), so capacity holds under any concurrency on SQLite and PostgreSQL;
/// the waitlist is ordered by arrival (enrollment id).
/// </summary>
public sealed class EnrollmentService(TalentHubDbContext db, EnrollmentFacts facts, Outbox outbox, AuditLog audit, TimeProvider clock)
{
    /// <summary>Checks the rules without changing anything (the catalog page's "can I enroll?").</summary>
    public async Task<IReadOnlyList<EnrollmentRefusal>> CheckAsync(int courseId, int personId, CancellationToken ct = default)
    {
        var (course, person, history, enrolled) = await facts.LoadAsync(courseId, personId, ct);
        return EnrollmentRules.Check(course, person, history, enrolled, clock.GetUtcNow());
    }

    /// <param name="overrideReason">Staff only: a written reason that lifts eligibility refusals (never the repeat rule).</param>
    public async Task<EnrollmentOutcome> EnrollAsync(int courseId, int personId, string? byUserId, string? overrideReason = null, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var (course, person, history, enrolled) = await facts.LoadAsync(courseId, personId, ct);
        var refusals = EnrollmentRules.Check(course, person, history, enrolled, now);
        var overriding = !string.IsNullOrWhiteSpace(overrideReason);
        var blocking = refusals.Where(r => !(overriding && EnrollmentRules.IsOverridable(r))).ToList();
        if (blocking.Count > 0) return new(false, null, blocking);

        // Inside a caller's transaction (a roster import is one transaction) a savepoint undoes just this row.
        var ambient = db.Database.CurrentTransaction;
        await using var own = ambient is null ? await db.Database.BeginTransactionAsync(ct) : null;
        if (ambient is not null) await ambient.CreateSavepointAsync("enroll", ct);
        await LockCourseAsync(courseId, ct);
        var claimed = await ClaimSeatAsync(courseId, ct);
        var enrollment = new Enrollment
        {
            CourseId = courseId, PersonId = personId, EnrolledAt = now, EnrolledByUserId = byUserId,
            Status = claimed ? EnrollmentStatus.Confirmed : EnrollmentStatus.Waitlisted,
            OverrideReason = refusals.Count > 0 ? overrideReason!.Trim() : null,
        };
        db.Enrollments.Add(enrollment);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The partial unique index caught a double click or a parallel enrollment of the same person.
            if (own is not null) await own.RollbackAsync(ct);
            else await ambient!.RollbackToSavepointAsync("enroll", ct);
            db.Entry(enrollment).State = EntityState.Detached;
            return new(false, null, [EnrollmentRefusal.AlreadyEnrolled]);
        }
        if (enrollment.OverrideReason is not null)
            audit.Record(AuditAction.Update, "Enrollment", enrollment.Id.ToString(),
                $"override: {string.Join(",", refusals)}; reason: {enrollment.OverrideReason}");
        await outbox.QueueAsync($"enroll:{enrollment.Id}", personId,
            claimed ? NotificationKind.EnrollmentConfirmed : NotificationKind.Waitlisted, courseId, await TitleAsync(courseId, ct), ct: ct);
        await db.SaveChangesAsync(ct);
        if (own is not null) await own.CommitAsync(ct);
        return new(true, enrollment.Status, refusals, enrollment.Id);
    }

    /// <summary>Cancels an active enrollment; a freed seat goes at once to the first on the waitlist.</summary>
    public async Task<bool> CancelAsync(int enrollmentId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var enrollment = await db.Enrollments.FirstOrDefaultAsync(e => e.Id == enrollmentId, ct);
        if (enrollment is null || !enrollment.IsActive) return false;
        var wasConfirmed = enrollment.Status == EnrollmentStatus.Confirmed;
        // Conditional, so two cancellations of the same place free one seat only.
        var changed = await db.Enrollments
            .Where(e => e.Id == enrollmentId && e.Status == enrollment.Status)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, EnrollmentStatus.Cancelled).SetProperty(e => e.CancelledAt, now), ct);
        if (changed == 0) return false;
        if (wasConfirmed)
            await db.Courses.IgnoreQueryFilters([RegionFilter.Name]).Where(c => c.Id == enrollment.CourseId && c.ConfirmedCount > 0)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.ConfirmedCount, c => c.ConfirmedCount - 1), ct);
        await outbox.QueueAsync($"cancel:{enrollmentId}", enrollment.PersonId, NotificationKind.EnrollmentCancelled,
            enrollment.CourseId, await TitleAsync(enrollment.CourseId, ct), ct: ct);
        audit.Record(AuditAction.StatusChange, "Enrollment", enrollmentId.ToString(), "cancelled");
        await db.SaveChangesAsync(ct);
        await PromoteWaitlistAsync(enrollment.CourseId, ct);
        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>Fills free seats from the waitlist in arrival order. Safe to call any time (e.g. after a capacity rise).</summary>
    public async Task<int> PromoteWaitlistAsync(int courseId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var promoted = 0;
        while (true)
        {
            var next = await db.Enrollments.AsNoTracking()
                .Where(e => e.CourseId == courseId && e.Status == EnrollmentStatus.Waitlisted)
                .OrderBy(e => e.Id).Select(e => new { e.Id, e.PersonId }).FirstOrDefaultAsync(ct);
            if (next is null || !await ClaimSeatAsync(courseId, ct)) return promoted;
            var moved = await db.Enrollments.Where(e => e.Id == next.Id && e.Status == EnrollmentStatus.Waitlisted)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, EnrollmentStatus.Confirmed).SetProperty(e => e.PromotedAt, now), ct);
            if (moved == 0)
            {
                await ReleaseSeatAsync(courseId, ct);
                continue;
            }
            promoted++;
            await outbox.QueueAsync($"promote:{next.Id}", next.PersonId, NotificationKind.Promoted, courseId, await TitleAsync(courseId, ct), ct: ct);
            await db.SaveChangesAsync(ct);
        }
    }

    /// <summary>
    /// Takes the course row's write lock for the rest of the transaction (a no-op UPDATE), so enrollments
    /// of one course are written one after another and ids follow arrival order on PostgreSQL too;
    /// SQLite already serialises writers.
    /// </summary>
    private Task LockCourseAsync(int courseId, CancellationToken ct) =>
        db.Courses.IgnoreQueryFilters([RegionFilter.Name]).Where(c => c.Id == courseId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.ConfirmedCount, c => c.ConfirmedCount), ct);

    private async Task<bool> ClaimSeatAsync(int courseId, CancellationToken ct) =>
        await db.Courses.IgnoreQueryFilters([RegionFilter.Name])
            .Where(c => c.Id == courseId && c.ConfirmedCount < c.Capacity)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.ConfirmedCount, c => c.ConfirmedCount + 1), ct) == 1;

    private Task ReleaseSeatAsync(int courseId, CancellationToken ct) =>
        db.Courses.IgnoreQueryFilters([RegionFilter.Name]).Where(c => c.Id == courseId && c.ConfirmedCount > 0)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.ConfirmedCount, c => c.ConfirmedCount - 1), ct);

    private Task<string?> TitleAsync(int courseId, CancellationToken ct) =>
        db.Courses.IgnoreQueryFilters([RegionFilter.Name]).Where(c => c.Id == courseId).Select(c => (string?)c.Title).FirstOrDefaultAsync(ct);
}
