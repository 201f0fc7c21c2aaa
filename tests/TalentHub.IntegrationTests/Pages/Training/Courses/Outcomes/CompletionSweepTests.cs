using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Domain.Notifications;
using TalentHub.Web.Domain.People;
using TalentHub.Web.Domain.Training;
using TalentHub.Web.Services.Training;

namespace TalentHub.IntegrationTests.Pages.Training.Courses.Outcomes;

public sealed class CompletionSweepTests(TalentHubFactory app) : AppTest(app)
{
    [Fact]
    public async Task Sweep_CompletesTheCourse_DecidesEachTraineeByTheRule_AndTwiceChangesNothing()
    {
        var program = await App.QueryAsync(db => db.Programs.Where(p => p.RepeatRuleApplies).Select(p => p.Id).FirstAsync());
        var course = await App.FinishedCourseAsync(5, programId: program);
        var trainees = await App.TraineesAsync(course.Id, 3);
        var ids = new List<int>();
        foreach (var t in trainees) ids.Add(await App.EnrollmentIdAsync(course.Id, t.PersonId));
        // All five sessions; 4 of 5 = exactly 80 % (Late counts); 3 of 5 + 1 excused = 60 %.
        int[] attended = [5, 4, 3];
        for (var s = 0; s < 5; s++)
            await App.MarkAsync(course.Id, course.SessionIds[s], Enumerable.Range(0, 3).ToDictionary(i => ids[i],
                i => s < attended[i] ? (s == 0 ? AttendanceMark.Late : AttendanceMark.Present) : s == 3 ? AttendanceMark.Excused : AttendanceMark.Absent));

        await SweepAsync();
        var first = await StateAsync(course.Id);
        await SweepAsync();
        var second = await StateAsync(course.Id);

        Assert.Equal(CourseStatus.Completed, await App.QueryAsync(db => db.Courses.Where(c => c.Id == course.Id).Select(c => c.Status).FirstAsync()));
        Assert.Equal([EnrollmentStatus.Completed, EnrollmentStatus.Completed, EnrollmentStatus.NotCompleted], first.Statuses);
        Assert.Equal([null, null, nameof(NotCompletedReason.Attendance)], first.Reasons);
        Assert.Equal(first.Statuses, second.Statuses);
        Assert.Equal(first.Notifications, second.Notifications);
        Assert.Equal(6, first.Notifications); // the result and the survey, once each
        foreach (var (t, completed) in trainees.Zip([true, true, false]))
            Assert.Equal(completed, await App.QueryAsync(db => db.People.Where(p => p.Id == t.PersonId)
                .SelectMany(p => p.Categories).AnyAsync(c => c.Category == TalentCategory.HighQualityFarmer)));
    }

    /// <summary>PRODUCT.md §5: completing a subsidised programme's course makes the person 高素质农民, whether or not the
    /// programme applies the repeat rule (the switch is about counting courses, not about who is trained).</summary>
    [Fact]
    public async Task Completion_InAProgrammeWithoutTheRepeatRule_StillMakesTheTraineeAHighQualityFarmer()
    {
        var program = await App.CreateProgramAsync(repeatRule: false);
        var course = await App.FinishedCourseAsync(2, programId: program);
        var trainee = (await App.TraineesAsync(course.Id, 1))[0];
        var id = await App.EnrollmentIdAsync(course.Id, trainee.PersonId);
        foreach (var s in course.SessionIds) await App.MarkAsync(course.Id, s, new Dictionary<int, AttendanceMark> { [id] = AttendanceMark.Present });

        await App.RunAsync<CompletionService, int>(c => c.CompleteCourseAsync(course.Id));

        Assert.Equal(EnrollmentStatus.Completed, await App.QueryAsync(db => db.Enrollments.Where(e => e.Id == id).Select(e => e.Status).FirstAsync()));
        Assert.True(await App.QueryAsync(db => db.People.Where(p => p.Id == trainee.PersonId)
            .SelectMany(p => p.Categories).AnyAsync(c => c.Category == TalentCategory.HighQualityFarmer)));
    }

    [Fact]
    public async Task Sweep_AfterDowntime_DecidesCoursesThatCompletedMeanwhile_WithoutAProgramNoCategory()
    {
        var course = await App.FinishedCourseAsync(2);
        var trainee = (await App.TraineesAsync(course.Id, 1))[0];
        var id = await App.EnrollmentIdAsync(course.Id, trainee.PersonId);
        foreach (var s in course.SessionIds) await App.MarkAsync(course.Id, s, new Dictionary<int, AttendanceMark> { [id] = AttendanceMark.Present });
        // The clock moved the course but the app stopped before deciding its trainees. (The shared app's own
        // scheduler may decide them first; either way the outcome below must hold.)
        await App.RunAsync<CourseClock, int>(c => c.AdvanceCoursesAsync());

        await App.RunAsync<CompletionService, int>(c => c.CompleteDueAsync());

        var enrollment = await App.QueryAsync(db => db.Enrollments.FirstAsync(e => e.Id == id));
        Assert.Equal(EnrollmentStatus.Completed, enrollment.Status);
        var lastEnd = await App.QueryAsync(db => db.CourseSessions.Where(s => s.CourseId == course.Id).MaxAsync(s => s.EndsAt));
        Assert.Equal(lastEnd, enrollment.CompletedAt);
        Assert.False(await App.QueryAsync(db => db.People.Where(p => p.Id == trainee.PersonId)
            .SelectMany(p => p.Categories).AnyAsync(c => c.Category == TalentCategory.HighQualityFarmer)));
    }

    [Fact]
    public async Task AssessedCourse_WithoutAScore_IsNotCompleted_WithTheReason()
    {
        // Ended more than the 7-day grace for missing scores ago.
        var course = await App.FinishedCourseAsync(1, assessed: true, endedDaysAgo: 8);
        var trainees = await App.TraineesAsync(course.Id, 2);
        var scored = await App.EnrollmentIdAsync(course.Id, trainees[0].PersonId);
        var unscored = await App.EnrollmentIdAsync(course.Id, trainees[1].PersonId);
        await App.MarkAsync(course.Id, course.SessionIds[0], new Dictionary<int, AttendanceMark> { [scored] = AttendanceMark.Present, [unscored] = AttendanceMark.Present });
        await App.QueryAsync(async db =>
        {
            (await db.Enrollments.FirstAsync(e => e.Id == scored)).SetScore(75);
            return await db.SaveChangesAsync();
        });

        await SweepAsync();

        var state = await StateAsync(course.Id);
        Assert.Equal([EnrollmentStatus.Completed, EnrollmentStatus.NotCompleted], state.Statuses);
        Assert.Equal([null, nameof(NotCompletedReason.NoScore)], state.Reasons);
    }

    [Fact]
    public async Task AssessedCourse_WithAMissingScore_WaitsForTheGraceBeforeDeciding()
    {
        var course = await App.FinishedCourseAsync(1, assessed: true);
        var trainee = (await App.TraineesAsync(course.Id, 1))[0];
        var id = await App.EnrollmentIdAsync(course.Id, trainee.PersonId);

        await SweepAsync();
        Assert.Equal(EnrollmentStatus.Confirmed, await App.QueryAsync(db => db.Enrollments.Where(e => e.Id == id).Select(e => e.Status).FirstAsync()));

        await App.QueryAsync(async db =>
        {
            (await db.Enrollments.FirstAsync(e => e.Id == id)).SetScore(40);
            return await db.SaveChangesAsync();
        });
        await SweepAsync();
        Assert.Equal(EnrollmentStatus.NotCompleted, await App.QueryAsync(db => db.Enrollments.Where(e => e.Id == id).Select(e => e.Status).FirstAsync()));
    }

    [Fact]
    public async Task AtRiskWarning_IsQueuedOncePerLevel()
    {
        var course = await App.InProgressCourseAsync(pastSessions: 3);
        var trainee = (await App.TraineesAsync(course.Id, 1))[0];
        var id = await App.EnrollmentIdAsync(course.Id, trainee.PersonId);
        // 4 sessions; the first absent leaves 75 % at best: already impossible at 80 %.
        await App.MarkAsync(course.Id, course.SessionIds[0], new Dictionary<int, AttendanceMark> { [id] = AttendanceMark.Absent });

        await App.RunAsync<CompletionService, int>(c => c.WarnAtRiskAsync());
        await App.RunAsync<CompletionService, int>(c => c.WarnAtRiskAsync());

        var kinds = await App.QueryAsync(db => db.Outbox.Where(n => n.PersonId == trainee.PersonId).Select(n => n.Kind).ToListAsync());
        Assert.Equal([NotificationKind.CompletionImpossible], kinds);
    }

    private async Task SweepAsync()
    {
        await App.RunAsync<CourseClock, int>(c => c.AdvanceCoursesAsync());
        await App.RunAsync<CompletionService, int>(c => c.CompleteDueAsync());
    }

    private sealed record State(List<EnrollmentStatus> Statuses, List<string?> Reasons, int Notifications);

    private Task<State> StateAsync(int courseId) => App.QueryAsync(async db =>
    {
        var rows = await db.Enrollments.Where(e => e.CourseId == courseId).OrderBy(e => e.Id).ToListAsync();
        var people = rows.Select(r => (int?)r.PersonId).ToList();
        var notes = await db.Outbox.CountAsync(n => n.CourseId == courseId && people.Contains(n.PersonId)
            && (n.Kind == NotificationKind.Completed || n.Kind == NotificationKind.NotCompleted || n.Kind == NotificationKind.SurveyInvite));
        return new State(rows.Select(r => r.Status).ToList(), rows.Select(r => r.OutcomeReason).ToList(), notes);
    });
}
