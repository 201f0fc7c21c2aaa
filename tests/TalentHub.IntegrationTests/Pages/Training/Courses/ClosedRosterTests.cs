using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Data;
using TalentHub.Web.Domain.Notifications;
using TalentHub.Web.Domain.Training;
using TalentHub.Web.Services.Training;

namespace TalentHub.IntegrationTests.Pages.Roster;

/// <summary>Issue 8, item 3: a finished course's roster is read only except an audited correction.</summary>
public sealed class ClosedRosterTests(TalentHubFactory app) : AppTest(app)
{
    [Fact]
    public async Task OnACompletedCourse_CancelChangesNothing_AndACorrectionNeedsAReason_NeverPromotes_NeverNotifies()
    {
        var course = await App.CreateOpenCourseAsync(capacity: 1);
        var attended = await App.CreatePersonAsync();
        var waiting = await App.CreatePersonAsync();
        var place = (await App.EnrollAsync(course, attended.Id)).EnrollmentId!.Value;
        Assert.Equal(EnrollmentStatus.Waitlisted, (await App.EnrollAsync(course, waiting.Id)).Status);
        await App.QueryAsync(db => db.Courses.IgnoreQueryFilters().Where(c => c.Id == course)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, CourseStatus.Completed)));
        var outboxBefore = await App.QueryAsync(db => db.Outbox.CountAsync(n => n.CourseId == course));
        var clerk = await App.LoginAsync("anji.clerk");
        var url = $"/Courses/{course}/Roster";

        var page = await clerk.GetStringAsync(url);
        Assert.Contains("id=\"roster-read-only\"", page);
        Assert.DoesNotContain("handler=Cancel", page);
        var cancel = await clerk.PostFormAsync($"{url}?handler=Cancel", new() { ["enrollmentId"] = place.ToString() }, url);
        Assert.Equal(HttpStatusCode.Redirect, cancel.StatusCode);
        Assert.Equal(EnrollmentStatus.Confirmed, (await App.EnrollmentOfAsync(course, attended.Id))!.Status);

        var noReason = await clerk.PostFormAsync($"{url}?handler=Correct", new() { ["enrollmentId"] = place.ToString(), ["reason"] = " " }, url);
        Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
        Assert.Contains("请填写更正原因", await noReason.Content.ReadAsStringAsync());

        var corrected = await clerk.PostFormAsync($"{url}?handler=Correct", new() { ["enrollmentId"] = place.ToString(), ["reason"] = "签到表核对：未到场" }, url);
        Assert.Equal(HttpStatusCode.Redirect, corrected.StatusCode);
        Assert.Equal(EnrollmentStatus.Cancelled, (await App.EnrollmentOfAsync(course, attended.Id))!.Status);
        Assert.Equal(EnrollmentStatus.Waitlisted, (await App.EnrollmentOfAsync(course, waiting.Id))!.Status);
        Assert.Equal(outboxBefore, await App.QueryAsync(db => db.Outbox.CountAsync(n => n.CourseId == course)));
        Assert.False(await App.QueryAsync(db => db.Outbox.AnyAsync(n => n.PersonId == waiting.Id && n.Kind == NotificationKind.Promoted)));
        Assert.True(await App.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "Enrollment" && a.EntityId == place.ToString()
            && a.CountyCode == "330523000000" && a.Changes!.Contains("签到表核对"))));
    }

    [Fact]
    public async Task ACorrectionOfACertifiedPlace_RevokesItsCertificate_WithTheReason_AndTellsTheTrainee()
    {
        // review34g: a place corrected to cancelled kept its valid certificate: it still verified as valid and counted in the
        // reports (a county showed 152 % certified).
        var course = await App.FinishedCourseAsync(1);
        var farmer = (await App.TraineesAsync(course.Id, 1))[0];
        var place = await App.EnrollmentIdAsync(course.Id, farmer.PersonId);
        await App.MarkAsync(course.Id, course.SessionIds[0], new Dictionary<int, AttendanceMark> { [place] = AttendanceMark.Present });
        await App.CompleteAsync(course.Id);
        await App.RunAsync<CertificateService, int>(s => s.IssueDueAsync());
        var clerk = await App.LoginAsync("anji.clerk");
        var url = $"/Courses/{course.Id}/Roster";

        var corrected = await clerk.PostFormAsync($"{url}?handler=Correct", new() { ["enrollmentId"] = place.ToString(), ["reason"] = "误录入：本人未参加" }, url);

        Assert.Equal(HttpStatusCode.Redirect, corrected.StatusCode);
        Assert.Equal(EnrollmentStatus.Cancelled, (await App.EnrollmentOfAsync(course.Id, farmer.PersonId))!.Status);
        var certificate = await App.QueryAsync(db => db.Certificates.SingleAsync(c => c.EnrollmentId == place));
        Assert.NotNull(certificate.RevokedAt);
        Assert.Equal(("误录入：本人未参加", "anji.clerk"), (certificate.RevokedReason, certificate.RevokedBy));
        Assert.Contains("id=\"verify-revoked\"", await App.CreateClient().GetStringAsync("/Verify/" + certificate.Number));
        var told = await App.QueryAsync(db => db.Outbox.SingleAsync(n => n.PersonId == farmer.PersonId && n.Kind == NotificationKind.CertificateRevoked));
        Assert.Equal(certificate.Number, told.About);
        Assert.True(await App.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == nameof(Certificate) && a.UserName == "anji.clerk"
            && a.Changes!.Contains("RevokedReason"))));
    }
}
