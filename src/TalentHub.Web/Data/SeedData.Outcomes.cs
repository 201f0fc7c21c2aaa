using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Domain.Training;
using TalentHub.Web.Services.Training;

namespace TalentHub.Web.Data;

public static partial class SeedData
{
    private static readonly string[] SurveyComments = ["老师讲得很实用，回去就能用上。", "希望多安排现场教学。", "课时有点紧，内容很好。", "组织得很好，感谢！"];

    /// <summary>
    /// Outcomes of the seeded completed courses: attendance for every session (a few absences, some late),
    /// scores, then the real sweep, certificate issue (dated the day the course completed, when the job would have
    /// issued them) and follow-up job; survey answers for most trainees and
    /// half of the due follow-ups recorded (the rest overdue). Only courses without attendance are touched,
    /// and every step it calls is idempotent, so seeding twice changes nothing.
    /// </summary>
    private static async Task SeedOutcomesAsync(IServiceProvider sp, TalentHubDbContext db)
    {
        var completed = await db.Courses.IgnoreQueryFilters([RegionFilter.Name]).Include(c => c.Sessions)
            .Where(c => c.Status == CourseStatus.Completed && !db.Attendance.Any(a => a.CourseId == c.Id)).OrderBy(c => c.Id).ToListAsync();
        foreach (var course in completed)
        {
            course.Assessed = true;
            var enrollments = await db.Enrollments.Where(e => e.CourseId == course.Id && e.Status == EnrollmentStatus.Confirmed).OrderBy(e => e.Id).ToListAsync();
            for (var i = 0; i < enrollments.Count; i++)
            {
                var e = enrollments[i];
                foreach (var (session, n) in course.Sessions.OrderBy(s => s.StartsAt).Select((s, n) => (s, n)))
                {
                    var mark = i % 9 == 8 && n == 0 ? AttendanceMark.Absent : i % 9 == 7 && n == 0 ? AttendanceMark.Excused
                        : i % 5 == 3 && n == 1 ? AttendanceMark.Late : AttendanceMark.Present;
                    var record = new AttendanceRecord { CourseId = course.Id, SessionId = session.Id, EnrollmentId = e.Id, PersonId = e.PersonId };
                    record.Set(mark, AttendanceSource.RollCall, session.StartsAt, course.TrainerUserName);
                    db.Attendance.Add(record);
                }
                e.SetScore(i % 11 == 10 ? 55 : 62 + i * 7 % 37);
            }
            await db.SaveChangesAsync();
        }
        if (completed.Count == 0) return;

        await sp.GetRequiredService<CompletionService>().CompleteDueAsync();
        await sp.GetRequiredService<CertificateService>().IssueDueAsync();
        await sp.GetRequiredService<FollowUpService>().CreateDueAsync();

        var ids = completed.Select(c => c.Id).ToList();
        // The job issued these when the course completed, not at seeding time: dated "now", every seeded certificate
        // would fall outside its completion month and the monthly dispatch report would count none (颁发证书数 0).
        await db.Certificates.IgnoreQueryFilters([RegionFilter.Name]).Where(c => ids.Contains(c.CourseId))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.IssuedAt, c => c.CompletedAt));
        var decided = await db.Enrollments.Where(e => ids.Contains(e.CourseId) && (e.Status == EnrollmentStatus.Completed || e.Status == EnrollmentStatus.NotCompleted))
            .OrderBy(e => e.Id).ToListAsync();
        var answered = (await db.SurveyAnswers.Where(a => ids.Contains(a.CourseId)).Select(a => a.EnrollmentId).ToListAsync()).ToHashSet();
        for (var i = 0; i < decided.Count; i++)
        {
            var e = decided[i];
            if (i % 4 == 3 || answered.Contains(e.Id)) continue;
            var answer = new SurveyAnswer { EnrollmentId = e.Id, CourseId = e.CourseId, PersonId = e.PersonId, AnsweredAt = e.CompletedAt!.Value.AddDays(2) };
            answer.Answer(i % 13 == 12 ? 3 : i % 3 == 0 ? 4 : 5, i % 5 == 0 ? SurveyComments[i % SurveyComments.Length] : null, answer.AnsweredAt);
            db.SurveyAnswers.Add(answer);
        }
        var tasks = await db.FollowUpTasks.IgnoreQueryFilters([RegionFilter.Name]).Where(t => ids.Contains(t.CourseId) && t.RecordedAt == null).OrderBy(t => t.Id).ToListAsync();
        for (var i = 0; i < tasks.Count; i += 2)
            tasks[i].Record(new FollowUpOutcome(i % 10 == 8, i % 6 == 0, i % 6 == 0 ? "家庭农场" : null, false, null, i % 4 == 0,
                i % 10 == 8 ? null : 5 + i % 20, i % 3 == 0, null), "seed", tasks[i].DueAt.AddDays(3));
        await db.SaveChangesAsync();
    }
}
