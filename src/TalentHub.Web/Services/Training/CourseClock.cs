using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Data;
using TalentHub.Web.Domain.Notifications;
using TalentHub.Web.Domain.Training;
using TalentHub.Web.Services.Notifications;

namespace TalentHub.Web.Services.Training;

/// <summary>
/// The time-driven part of the course lifecycle, run by jobs: open and close enrollment windows, start
/// and complete courses, queue the 24-hour session reminders. Idempotent: running it twice changes
/// nothing the second time, and a run after downtime catches up on everything that fell due.
/// </summary>
public sealed class CourseClock(TalentHubDbContext db, Outbox outbox, TimeProvider clock)
{
    private static readonly CourseStatus[] Moving =
        [CourseStatus.Published, CourseStatus.EnrollmentOpen, CourseStatus.EnrollmentClosed, CourseStatus.InProgress];

    /// <returns>How many status changes were made.</returns>
    public async Task<int> AdvanceCoursesAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var courses = await db.Courses.IgnoreQueryFilters([RegionFilter.Name]).Include(c => c.Sessions)
            .Where(c => Moving.Contains(c.Status)).ToListAsync(ct);
        var moves = 0;
        foreach (var course in courses)
            while (course.DueTransition(now) is { } next)
            {
                course.MoveStatus(next, now);
                moves++;
            }
        await db.SaveChangesAsync(ct);
        return moves;
    }

    /// <returns>How many reminders were queued.</returns>
    public async Task<int> QueueSessionRemindersAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var horizon = now.AddHours(24);
        var sessions = await db.CourseSessions
            .Where(s => s.RemindedAt == null && s.StartsAt > now && s.StartsAt <= horizon)
            .Join(db.Courses.IgnoreQueryFilters([RegionFilter.Name]).Where(c => c.Status != CourseStatus.Cancelled && c.Status != CourseStatus.Draft),
                s => s.CourseId, c => c.Id, (s, c) => new { Session = s, c.Title })
            .ToListAsync(ct);
        var courseIds = sessions.Select(s => s.Session.CourseId).Distinct().ToList();
        var confirmed = (await db.Enrollments.AsNoTracking()
                .Where(e => courseIds.Contains(e.CourseId) && e.Status == EnrollmentStatus.Confirmed)
                .Select(e => new { e.Id, e.PersonId, e.CourseId }).ToListAsync(ct))
            .ToLookup(e => e.CourseId);
        var queued = 0;
        foreach (var item in sessions)
        {
            foreach (var person in confirmed[item.Session.CourseId])
            {
                await outbox.QueueAsync($"remind:{item.Session.Id}:{person.Id}", person.PersonId, NotificationKind.SessionReminder,
                    item.Session.CourseId, item.Title, item.Session.Id, ct: ct);
                queued++;
            }
            item.Session.RemindedAt = now;
        }
        await db.SaveChangesAsync(ct);
        return queued;
    }

    /// <summary>Tells everyone with an active place that the course changed or was cancelled.</summary>
    public async Task NotifyEnrolledAsync(int courseId, NotificationKind kind, string changeKey, CancellationToken ct = default)
    {
        var title = await db.Courses.IgnoreQueryFilters([RegionFilter.Name]).Where(c => c.Id == courseId).Select(c => c.Title).FirstAsync(ct);
        var people = await db.Enrollments.AsNoTracking()
            .Where(e => e.CourseId == courseId && (e.Status == EnrollmentStatus.Confirmed || e.Status == EnrollmentStatus.Waitlisted))
            .Select(e => new { e.Id, e.PersonId }).ToListAsync(ct);
        foreach (var person in people)
            await outbox.QueueAsync($"{kind}:{changeKey}:{person.Id}", person.PersonId, kind, courseId, title, ct: ct);
        await db.SaveChangesAsync(ct);
    }
}
