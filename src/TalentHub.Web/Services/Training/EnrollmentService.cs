using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Data;
using TalentHub.Web.Domain;
using TalentHub.Web.Domain.Notifications;
using TalentHub.Web.Domain.Training;
using TalentHub.Web.Services.Audit;
using TalentHub.Web.Services.Notifications;

namespace TalentHub.Web.Services.Training;

/// <summary>What an enrollment attempt did; <see cref="BlockingCourse"/> names the course behind a repeat-rule refusal.</summary>
public sealed record EnrollmentOutcome(bool Enrolled, EnrollmentStatus? Status, IReadOnlyList<EnrollmentRefusal> Refusals,
    int? EnrollmentId = null, string? BlockingCourse = null);

/// <summary>The refusals of a check, and the title of the course that makes the repeat rule refuse (if it does).</summary>
public sealed record EnrollmentVerdict(IReadOnlyList<EnrollmentRefusal> Refusals, string? BlockingCourse);

/// <summary>
/// Enrolls, cancels, promotes, corrects and ends places. Seats are claimed by a conditional UPDATE at the database
/// (ConfirmedCount &lt; Capacity), so capacity holds under any concurrency on SQLite and PostgreSQL;
/// the waitlist is ordered by arrival (enrollment id). Every creation and status change of a place is
/// audited with the course's county (issue 8, item 4).
/// </summary>
public sealed partial class EnrollmentService(TalentHubDbContext db, EnrollmentFacts facts, Outbox outbox, AuditLog audit, TimeProvider clock,
    WriteTurns turns)
{
    private const string AuditType = nameof(Enrollment);

    /// <summary>Checks the rules without changing anything (the catalog page's "can I enroll?").</summary>
    public async Task<IReadOnlyList<EnrollmentRefusal>> CheckAsync(int courseId, int personId, CancellationToken ct = default) =>
        (await ExplainAsync(courseId, personId, ct)).Refusals;

    /// <summary>Like <see cref="CheckAsync"/>, and names the course that makes the repeat rule refuse.</summary>
    public async Task<EnrollmentVerdict> ExplainAsync(int courseId, int personId, CancellationToken ct = default)
    {
        var (course, person, history, enrolled) = await facts.LoadAsync(courseId, personId, ct);
        return new(EnrollmentRules.Check(course, person, history, enrolled, clock.GetUtcNow()),
            EnrollmentRules.RepeatRuleBlocker(course, history)?.Title);
    }

    /// <summary>
    /// Checks many courses for one person with the same rules as <see cref="EnrollAsync"/> (the catalog's
    /// "courses you may join"); <paramref name="courses"/> pairs each course with its first session start (UTC).
    /// </summary>
    public async Task<IReadOnlyDictionary<int, IReadOnlyList<EnrollmentRefusal>>> CheckManyAsync(
        int personId, IReadOnlyList<(Course Course, DateTimeOffset? FirstSession)> courses, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var subsidised = await facts.SubsidisedProgramsAsync(ct);
        var (person, history, active) = await facts.LoadPersonAsync(personId, subsidised, ct);
        return courses.ToDictionary(c => c.Course.Id, c => EnrollmentRules.Check(
            EnrollmentFacts.FactsOf(c.Course, c.FirstSession, subsidised), person, history, active.Contains(c.Course.Id), now));
    }

    /// <param name="overrideReason">Staff only: a written reason that lifts eligibility refusals (never the repeat rule).</param>
    public async Task<EnrollmentOutcome> EnrollAsync(int courseId, int personId, string? byUserId, string? overrideReason = null, CancellationToken ct = default)
    {
        var (course, person, history, enrolled) = await facts.LoadAsync(courseId, personId, ct);
        var refusals = EnrollmentRules.Check(course, person, history, enrolled, clock.GetUtcNow());
        var overriding = !string.IsNullOrWhiteSpace(overrideReason);
        var blocking = refusals.Where(r => !(overriding && EnrollmentRules.IsOverridable(r))).ToList();
        if (blocking.Count > 0) return new(false, null, blocking, BlockingCourse: EnrollmentRules.RepeatRuleBlocker(course, history)?.Title);

        // Inside a caller's transaction a savepoint undoes just this row.
        var ambient = db.Database.CurrentTransaction;
        using var writerTurn = ambient is null ? await turns.TakeAsync(db, ct) : null;
        await using var own = ambient is null ? await db.Database.BeginTransactionAsync(ct) : null;
        if (ambient is not null) await ambient.CreateSavepointAsync("enroll", ct);
        await LockCourseAsync(courseId, ct);
        // Stamped after the lock, so the recorded times follow the waitlist (arrival) order.
        var now = clock.GetUtcNow();
        var claimed = await ClaimSeatAsync(courseId, ct);
        var enrollment = new Enrollment
        {
            CourseId = courseId, PersonId = personId, EnrolledAt = now, EnrolledByUserId = byUserId,
            Status = claimed ? EnrollmentStatus.Confirmed : EnrollmentStatus.Waitlisted,
            OverrideReason = refusals.Count > 0 ? overrideReason!.Trim() : null,
        };
        db.Enrollments.Add(enrollment);
        AuditLog.RecordsCreationOf(enrollment); // the Create row with course, person and status is written below
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            // The partial unique index caught a double click or a parallel enrollment of the same person.
            if (own is not null) await own.RollbackAsync(ct);
            else await ambient!.RollbackToSavepointAsync("enroll", ct);
            db.Entry(enrollment).State = EntityState.Detached;
            return new(false, null, [EnrollmentRefusal.AlreadyEnrolled]);
        }
        var head = await HeadAsync(courseId, ct);
        audit.Record(AuditAction.Create, AuditType, Key(enrollment.Id),
            new AuditNote().With(AuditNoteKeys.Course, courseId).With(AuditNoteKeys.Person, personId).With(AuditNoteKeys.Status, enrollment.Status)
                .WithAll(AuditNoteKeys.Override, enrollment.OverrideReason is null ? [] : refusals).With(AuditNoteKeys.Reason, enrollment.OverrideReason),
            head.CountyCode);
        await outbox.QueueAsync($"enroll:{enrollment.Id}", personId,
            claimed ? NotificationKind.EnrollmentConfirmed : NotificationKind.Waitlisted, courseId, head.Title, ct: ct);
        await db.SaveChangesAsync(ct);
        if (own is not null) await own.CommitAsync(ct);
        return new(true, enrollment.Status, refusals, enrollment.Id);
    }

    /// <summary>
    /// Cancels an active place while the course is planned or running. A freed seat goes at once to the
    /// first on the waitlist, but only before the course starts (<see cref="CourseLifecycle.AllowsPromotion"/>).
    /// False when the place is not active or the course is closed (use <see cref="CorrectAsync"/> there).
    /// </summary>
    public async Task<bool> CancelAsync(int enrollmentId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        using var writerTurn = await turns.TakeAsync(db, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var enrollment = await db.Enrollments.AsNoTracking().FirstOrDefaultAsync(e => e.Id == enrollmentId, ct);
        if (enrollment is null || !enrollment.IsActive) return false;
        var head = await HeadAsync(enrollment.CourseId, ct);
        if (!CourseLifecycle.AllowsWithdrawal(head.Status)) return false;
        if (!await EndAsync(enrollment, EnrollmentStatus.Cancelled, now, null, ct)) return false;
        await outbox.QueueAsync($"cancel:{enrollmentId}", enrollment.PersonId, NotificationKind.EnrollmentCancelled,
            enrollment.CourseId, head.Title, ct: ct);
        audit.Record(AuditAction.StatusChange, AuditType, Key(enrollmentId), StatusNote(enrollment.Status, EnrollmentStatus.Cancelled), head.CountyCode);
        await db.SaveChangesAsync(ct);
        await PromoteWaitlistAsync(enrollment.CourseId, ct);
        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>
    /// A correction on a closed (completed or archived) roster: the place is marked cancelled with the written
    /// reason, its seat is released, and nobody is promoted. A completed place's valid certificate is revoked with the same
    /// reason and the trainee is told (<see cref="NotificationKind.CertificateRevoked"/>): a cancelled place must not keep a
    /// certificate that verifies as valid and counts in the reports (review34g saw a county at 152 % certified). Audited
    /// with the reason (the certificate's revocation by the audit interceptor). A revocation by an officer at the same
    /// moment is kept: the correction is tried once more and then leaves that certificate as it is.
    /// </summary>
    /// <param name="by">The user name recorded as having revoked the certificate.</param>
    /// <returns>False when the place is already cancelled or the course allows no correction.</returns>
    /// <exception cref="DomainException">Roster.CorrectionReasonRequired for a blank reason.</exception>
    public async Task<bool> CorrectAsync(int enrollmentId, string reason, string? by, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainException("Roster.CorrectionReasonRequired", "reason");
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await CorrectOnceAsync(enrollmentId, reason.Trim(), by, ct);
            }
            catch (DbUpdateException ex) when (attempt == 1 && (ex is DbUpdateConcurrencyException || UniqueViolation.Is(ex)))
            {
                db.ChangeTracker.Clear(); // an officer revoked the certificate meanwhile (RevokedAt, the notice's key): read again
            }
        }
    }

    private async Task<bool> CorrectOnceAsync(int enrollmentId, string text, string? by, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var enrollment = await db.Enrollments.AsNoTracking().FirstOrDefaultAsync(e => e.Id == enrollmentId, ct);
        if (enrollment is null || enrollment.Status is EnrollmentStatus.Cancelled or EnrollmentStatus.CourseCancelled) return false;
        var head = await HeadAsync(enrollment.CourseId, ct);
        if (!CourseLifecycle.AllowsCorrection(head.Status)) return false;
        var stored = text.Length <= 200 ? text : text[..200];
        if (!await EndAsync(enrollment, EnrollmentStatus.Cancelled, now, stored, ct)) return false;
        audit.Record(AuditAction.StatusChange, AuditType, Key(enrollmentId),
            StatusNote(enrollment.Status, EnrollmentStatus.Cancelled, AuditNoteVia.Correction).With(AuditNoteKeys.Reason, text), head.CountyCode);
        if (await db.Certificates.FirstOrDefaultAsync(c => c.EnrollmentId == enrollmentId && c.RevokedAt == null, ct) is { } certificate)
        {
            certificate.RevokeForRosterCorrection(stored, by, now);
            await outbox.QueueCertificateRevokedAsync(certificate, head.Title, ct);
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>
    /// Cancels a course and, in the same transaction, ends every active place with
    /// <see cref="EnrollmentStatus.CourseCancelled"/>, frees all seats, audits each place and tells each person.
    /// The course is the caller's tracked entity (its Version guards a stale edit: <see cref="DbUpdateConcurrencyException"/>).
    /// </summary>
    /// <returns>How many places were ended.</returns>
    public async Task<int> CancelCourseAsync(Course course, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        course.MoveStatus(CourseStatus.Cancelled, now);
        await db.SaveChangesAsync(ct);
        var places = await db.Enrollments.AsNoTracking()
            .Where(e => e.CourseId == course.Id && (e.Status == EnrollmentStatus.Confirmed || e.Status == EnrollmentStatus.Waitlisted))
            .Select(e => new { e.Id, e.PersonId, e.Status }).ToListAsync(ct);
        await db.Enrollments
            .Where(e => e.CourseId == course.Id && (e.Status == EnrollmentStatus.Confirmed || e.Status == EnrollmentStatus.Waitlisted))
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, EnrollmentStatus.CourseCancelled).SetProperty(e => e.CancelledAt, now), ct);
        await db.Courses.IgnoreQueryFilters([RegionFilter.Name]).Where(c => c.Id == course.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.ConfirmedCount, 0), ct);
        foreach (var place in places)
        {
            audit.Record(AuditAction.StatusChange, AuditType, Key(place.Id), StatusNote(place.Status, EnrollmentStatus.CourseCancelled), course.CountyCode);
            await outbox.QueueAsync($"{NotificationKind.CourseCancelled}:cancel:{place.Id}", place.PersonId, NotificationKind.CourseCancelled,
                course.Id, course.Title, ct: ct);
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        await db.Entry(course).ReloadAsync(ct);
        return places.Count;
    }

    /// <summary>
    /// Fills free seats from the waitlist in arrival order, only while the course has not started. Safe to
    /// call any time (e.g. after a capacity rise). A waitlisted person whom the repeat rule now refuses (they took a
    /// place on another subsidised course while waiting; a waitlisted place is not training) is passed over and
    /// stays waitlisted: the rule has no override (PRODUCT.md §5).
    /// </summary>
    public async Task<int> PromoteWaitlistAsync(int courseId, CancellationToken ct = default)
    {
        var head = await HeadAsync(courseId, ct);
        if (!CourseLifecycle.AllowsPromotion(head.Status)) return 0;
        var now = clock.GetUtcNow();
        var promoted = 0;
        var passedOver = 0;
        while (true)
        {
            var next = await db.Enrollments.AsNoTracking()
                .Where(e => e.CourseId == courseId && e.Status == EnrollmentStatus.Waitlisted && e.Id > passedOver)
                .OrderBy(e => e.Id).Select(e => new { e.Id, e.PersonId }).FirstOrDefaultAsync(ct);
            if (next is null || !await ClaimSeatAsync(courseId, ct)) return promoted;
            if (await BreaksRepeatRuleAsync(courseId, next.PersonId, ct))
            {
                await ReleaseSeatAsync(courseId, ct);
                passedOver = next.Id;
                continue;
            }
            var moved = await db.Enrollments.Where(e => e.Id == next.Id && e.Status == EnrollmentStatus.Waitlisted)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, EnrollmentStatus.Confirmed).SetProperty(e => e.PromotedAt, now), ct);
            if (moved == 0)
            {
                await ReleaseSeatAsync(courseId, ct);
                continue;
            }
            promoted++;
            audit.Record(AuditAction.StatusChange, AuditType, Key(next.Id), StatusNote(EnrollmentStatus.Waitlisted, EnrollmentStatus.Confirmed, AuditNoteVia.Promoted), head.CountyCode);
            await outbox.QueueAsync($"promote:{next.Id}", next.PersonId, NotificationKind.Promoted, courseId, head.Title, ct: ct);
            await db.SaveChangesAsync(ct);
        }
    }

    /// <summary>
    /// Of the given waitlisted places, those whose person the repeat rule now refuses (so <see cref="PromoteWaitlistAsync"/>
    /// passes them over when a seat frees): enrollment id → title of the subsidised course whose place blocks them. Places
    /// not passed over are absent. Shown to the farmer and on the roster so nobody waits for a seat that cannot come (review16).
    /// </summary>
    public async Task<IReadOnlyDictionary<int, string>> PassedOverAsync(
        IEnumerable<(int EnrollmentId, int CourseId, int PersonId)> waitlisted, CancellationToken ct = default)
    {
        var blocked = new Dictionary<int, string>();
        // The programmes, each course and each person's history are read once: the roster is one course and many
        // people, a farmer's page one person and many courses.
        var subsidised = await facts.SubsidisedProgramsAsync(ct);
        var courses = new Dictionary<int, CourseFacts>();
        var histories = new Dictionary<int, IReadOnlyList<PastTraining>>();
        foreach (var (enrollmentId, courseId, personId) in waitlisted)
        {
            if (!courses.TryGetValue(courseId, out var course))
                courses[courseId] = course = await facts.LoadCourseAsync(courseId, subsidised, ct);
            if (!histories.TryGetValue(personId, out var history))
                histories[personId] = history = await facts.HistoryAsync(personId, subsidised, ct);
            if (EnrollmentRules.RepeatRuleBlocker(course, history)?.Title is { } title) blocked[enrollmentId] = title;
        }
        return blocked;
    }

    private async Task<bool> BreaksRepeatRuleAsync(int courseId, int personId, CancellationToken ct)
    {
        var (course, _, history, _) = await facts.LoadAsync(courseId, personId, ct);
        return EnrollmentRules.BreaksRepeatRule(course, history);
    }

    /// <summary>Moves one place from its current status to <paramref name="to"/> (conditional, so a double submit ends it once) and releases its seat.</summary>
    private async Task<bool> EndAsync(Enrollment place, EnrollmentStatus to, DateTimeOffset now, string? reason, CancellationToken ct)
    {
        var changed = await db.Enrollments
            .Where(e => e.Id == place.Id && e.Status == place.Status)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, to).SetProperty(e => e.CancelledAt, now)
                .SetProperty(e => e.OutcomeReason, e => reason ?? e.OutcomeReason), ct);
        if (changed == 0) return false;
        if (place.Status == EnrollmentStatus.Confirmed) await ReleaseSeatAsync(place.CourseId, ct);
        return true;
    }

    private sealed record CourseHead(string Title, string CountyCode, CourseStatus Status);

    private async Task<CourseHead> HeadAsync(int courseId, CancellationToken ct) =>
        await db.Courses.IgnoreQueryFilters([RegionFilter.Name]).AsNoTracking().Where(c => c.Id == courseId)
            .Select(c => new CourseHead(c.Title, c.CountyCode, c.Status)).FirstAsync(ct);

    private static string Key(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The audit note of a place's status change, with why when the action does not say.</summary>
    private static AuditNote StatusNote(EnrollmentStatus before, EnrollmentStatus after, AuditNoteVia? via = null) =>
        new AuditNote().With(AuditNoteKeys.Before, before).With(AuditNoteKeys.Status, after).With(AuditNoteKeys.Via, via);

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
}
