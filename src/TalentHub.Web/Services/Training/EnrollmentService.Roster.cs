using TalentHub.Web.Services.Audit;
using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Data;
using TalentHub.Web.Domain.Notifications;
using TalentHub.Web.Domain.Training;

namespace TalentHub.Web.Services.Training;

/// <summary>How a whole roster was enrolled: places confirmed, places waitlisted, people already on it (skipped).</summary>
public sealed record RosterOutcome(int Confirmed, int Waitlisted, int Skipped);

public sealed partial class EnrollmentService
{
    /// <summary>
    /// Enrolls a checked roster all or nothing, in ONE short transaction (issue 8, item 2 of the imports brief): the
    /// rules were checked just before (as <see cref="EnrollAsync"/> does, outside its transaction); inside it only the
    /// course lock, one look-up of who is on the roster meanwhile (skipped), one seat claim for the whole file (the first
    /// free seats go to the first rows, the rest are waitlisted in file order) and the inserts with one audit row and
    /// one queued notification per place. Any failure rolls everything back: no place, seat, audit row or message.
    /// </summary>
    /// <param name="personIds">The people in file order, each checked by the rules.</param>
    public async Task<RosterOutcome> EnrollRosterAsync(int courseId, IReadOnlyList<int> personIds, string? byUserId, CancellationToken ct = default)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await LockCourseAsync(courseId, ct);
        var onRoster = new HashSet<int>();
        foreach (var chunk in personIds.Chunk(500))
            onRoster.UnionWith(await db.Enrollments.IgnoreQueryFilters([RegionFilter.Name])
                .Where(e => e.CourseId == courseId && chunk.Contains(e.PersonId)
                    && (e.Status == EnrollmentStatus.Confirmed || e.Status == EnrollmentStatus.Waitlisted))
                .Select(e => e.PersonId).ToListAsync(ct));
        var people = personIds.Where(onRoster.Add).ToList();

        var seats = await db.Courses.IgnoreQueryFilters([RegionFilter.Name]).Where(c => c.Id == courseId)
            .Select(c => c.Capacity - c.ConfirmedCount).FirstAsync(ct);
        var confirmed = Math.Clamp(seats, 0, people.Count);
        if (confirmed > 0)
            await db.Courses.IgnoreQueryFilters([RegionFilter.Name]).Where(c => c.Id == courseId)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.ConfirmedCount, c => c.ConfirmedCount + confirmed), ct);
        var now = clock.GetUtcNow();
        var places = people.Select((personId, i) => new Enrollment
        {
            CourseId = courseId, PersonId = personId, EnrolledAt = now, EnrolledByUserId = byUserId,
            Status = i < confirmed ? EnrollmentStatus.Confirmed : EnrollmentStatus.Waitlisted,
        }).ToList();
        db.Enrollments.AddRange(places);
        foreach (var place in places) AuditLog.RecordsCreationOf(place); // one Create row each, written below
        await db.SaveChangesAsync(ct);

        var head = await HeadAsync(courseId, ct);
        foreach (var place in places)
        {
            audit.Record(AuditAction.Create, AuditType, Key(place.Id),
                new AuditNote().With(AuditNoteKeys.Course, courseId).With(AuditNoteKeys.Person, place.PersonId).With(AuditNoteKeys.Status, place.Status)
                    .With(AuditNoteKeys.Via, AuditNoteVia.RosterImport), head.CountyCode);
            await outbox.QueueAsync($"enroll:{place.Id}", place.PersonId,
                place.Status == EnrollmentStatus.Confirmed ? NotificationKind.EnrollmentConfirmed : NotificationKind.Waitlisted, courseId, head.Title, ct: ct);
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new(confirmed, places.Count - confirmed, personIds.Count - people.Count);
    }
}
