using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Data;
using TalentHub.Web.Domain.Training;

namespace TalentHub.Web.Services.Training;

/// <summary>
/// Creates the follow-up tasks (跟踪服务) that have fallen due: one per completed trainee at 3, 6 and
/// 12 months after completion, owned by the course's county. Idempotent (unique per enrollment and
/// milestone) and catch-up-safe: a run after downtime creates every task that fell due meanwhile.
/// </summary>
public sealed class FollowUpService(TalentHubDbContext db, TimeProvider clock)
{
    /// <summary>The filter this service lifts: jobs run outside any request, and a subquery needs the names as an array.</summary>
    private static readonly string[] RegionScope = [RegionFilter.Name];

    /// <returns>How many tasks were created.</returns>
    public async Task<int> CreateDueAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        // The earliest milestone is 3 months: anyone completed later than that cannot be due yet.
        var latest = now.AddMonths(-FollowUpTask.Milestones.Min());
        var completed = await db.Enrollments.AsNoTracking()
            .Where(e => e.Status == EnrollmentStatus.Completed && e.CompletedAt != null && e.CompletedAt <= latest)
            .Join(db.Courses.IgnoreQueryFilters([RegionFilter.Name]), e => e.CourseId, c => c.Id, (e, c) => new
            {
                e.Id, e.PersonId, e.CourseId, CompletedAt = e.CompletedAt!.Value, c.RegionCode, c.CountyCode,
                Has = db.FollowUpTasks.IgnoreQueryFilters(RegionScope).Where(t => t.EnrollmentId == e.Id).Select(t => t.Months).ToList(),
            }).ToListAsync(ct);
        var created = 0;
        foreach (var e in completed)
            foreach (var months in FollowUpTask.Milestones.Where(m => !e.Has.Contains(m)))
            {
                var due = FollowUpTask.DueFrom(e.CompletedAt, months);
                if (due > now) continue;
                db.FollowUpTasks.Add(new FollowUpTask
                {
                    EnrollmentId = e.Id, PersonId = e.PersonId, CourseId = e.CourseId, RegionCode = e.RegionCode, CountyCode = e.CountyCode,
                    Months = months, DueAt = due, CreatedAt = now,
                });
                created++;
            }
        await db.SaveChangesAsync(ct);
        return created;
    }
}
