using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Domain.Notifications;
using TalentHub.Web.Domain.Training;
using TalentHub.Web.Services.Training;

namespace TalentHub.IntegrationTests.Pages.Training.Courses.Sessions;

/// <summary>
/// PRODUCT.md §5 Completion: a mark corrected on a Completed course (paper sheets entered after the last session)
/// re-decides the trainees it touches with the sweep's rule, through the real roll-call form.
/// </summary>
public sealed class AttendanceCorrectionTests(TalentHubFactory app) : AppTest(app)
{
    private static string Url(TestCourse c, int session) => $"/Courses/{c.Id}/Sessions/{c.SessionIds[session]}/Attendance";

    [Fact]
    public async Task AbsentSavedAfterCompletion_MakesTheTraineeNotCompleted_AndRevokesTheCertificate()
    {
        var (course, id, personId) = await DecidedAsync(AttendanceMark.Present);
        await App.RunAsync<CertificateService, int>(s => s.IssueDueAsync());
        Assert.Equal(EnrollmentStatus.Completed, await StatusAsync(id));
        var clerk = await App.LoginAsync("anji.clerk");

        var response = await clerk.PostFormAsync(Url(course, 0) + "?handler=Save", new() { [$"Marks[{id}]"] = "Absent" }, Url(course, 0));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var enrollment = await App.QueryAsync(db => db.Enrollments.FirstAsync(e => e.Id == id));
        Assert.Equal(EnrollmentStatus.NotCompleted, enrollment.Status);
        Assert.Equal(nameof(NotCompletedReason.Attendance), enrollment.OutcomeReason);
        var certificate = await App.QueryAsync(db => db.Certificates.FirstAsync(c => c.EnrollmentId == id));
        Assert.NotNull(certificate.RevokedAt);
        Assert.Equal(CompletionService.AttendanceCorrected, certificate.RevokedReason);
        Assert.Equal("anji.clerk", certificate.RevokedBy);
        Assert.Contains("id=\"verify-revoked\"", await App.CreateClient().GetStringAsync("/Verify/" + certificate.Number));
        Assert.True(await App.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == nameof(Certificate) && a.UserName == "anji.clerk"
            && a.Changes!.Contains("RevokedReason"))));
        Assert.True(await App.QueryAsync(db => db.Outbox.AnyAsync(n => n.PersonId == personId && n.Kind == NotificationKind.NotCompleted
            && n.Key.StartsWith($"outcome:{id}:corrected:"))));
        var name = await App.QueryAsync(db => db.People.Where(p => p.Id == personId).Select(p => p.Name).FirstAsync());
        Assert.Contains($"1 人结业结果已变更：{name} → 未结业（出勤学时不足）", await clerk.GetStringAsync(Url(course, 0)));
    }

    [Fact]
    public async Task PresentSavedAfterCompletion_MakesTheTraineeCompleted_AndIssuesACertificate()
    {
        var (course, id, personId) = await DecidedAsync(AttendanceMark.Absent);
        Assert.Equal(EnrollmentStatus.NotCompleted, await StatusAsync(id));
        var officer = await App.LoginAsync("anji.officer");

        var response = await officer.PostFormAsync(Url(course, 1) + "?handler=Save", new() { [$"Marks[{id}]"] = "Present" }, Url(course, 1));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var enrollment = await App.QueryAsync(db => db.Enrollments.FirstAsync(e => e.Id == id));
        Assert.Equal(EnrollmentStatus.Completed, enrollment.Status);
        Assert.Null(enrollment.OutcomeReason);
        var certificate = await App.QueryAsync(db => db.Certificates.FirstAsync(c => c.EnrollmentId == id));
        Assert.Null(certificate.RevokedAt);
        Assert.True(await App.QueryAsync(db => db.Outbox.AnyAsync(n => n.PersonId == personId && n.Kind == NotificationKind.Completed
            && n.Key.StartsWith($"outcome:{id}:corrected:"))));
        Assert.True(await App.QueryAsync(db => db.Outbox.AnyAsync(n => n.Key == $"certificate:{id}")));
        var name = await App.QueryAsync(db => db.People.Where(p => p.Id == personId).Select(p => p.Name).FirstAsync());
        Assert.Contains($"1 人结业结果已变更：{name} → 已结业", await officer.GetStringAsync(Url(course, 1)));
    }

    /// <summary>A two-session course, completed and swept, whose one trainee was Present at the first and <paramref name="second"/> at the last.</summary>
    private async Task<(TestCourse Course, int EnrollmentId, int PersonId)> DecidedAsync(AttendanceMark second)
    {
        var course = await App.FinishedCourseAsync(2);
        var trainee = (await App.TraineesAsync(course.Id, 1))[0];
        var id = await App.EnrollmentIdAsync(course.Id, trainee.PersonId);
        await App.MarkAsync(course.Id, course.SessionIds[0], new Dictionary<int, AttendanceMark> { [id] = AttendanceMark.Present });
        await App.MarkAsync(course.Id, course.SessionIds[1], new Dictionary<int, AttendanceMark> { [id] = second });
        await App.CompleteAsync(course.Id);
        return (course, id, trainee.PersonId);
    }

    private Task<EnrollmentStatus> StatusAsync(int id) =>
        App.QueryAsync(db => db.Enrollments.Where(e => e.Id == id).Select(e => e.Status).FirstAsync());
}
