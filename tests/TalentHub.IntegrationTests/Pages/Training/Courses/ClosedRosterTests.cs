using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Data;
using TalentHub.Web.Domain.Notifications;
using TalentHub.Web.Domain.Training;

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
}
