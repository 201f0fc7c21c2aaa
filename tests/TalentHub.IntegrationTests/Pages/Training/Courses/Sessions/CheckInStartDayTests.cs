using Microsoft.EntityFrameworkCore;

namespace TalentHub.IntegrationTests.Pages.Training.Courses.Sessions;

/// <summary>
/// fix37: the trainer could start check-in (make the session's secret, open the projector view) days before the session.
/// It starts on the session's own day (Asia/Shanghai) only: before that the button is disabled with the reason next to it,
/// and a post made anyway (a page left open, a crafted form) makes nothing and comes back with the error where the button is.
/// </summary>
public sealed class CheckInStartDayTests(TalentHubFactory app) : AppTest(app)
{
    private async Task<(TestCourse Course, int SessionId)> SessionInThreeDaysAsync()
    {
        var course = await App.InProgressCourseAsync();
        var sessionId = await App.QueryAsync(async db =>
        {
            var c = await db.Courses.IgnoreQueryFilters().Include(x => x.Sessions).FirstAsync(x => x.Id == course.Id);
            var start = DateTimeOffset.UtcNow.AddDays(3);
            var session = c.AddSession(start, start.AddHours(3), "三天后的课", "王志明", null, DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
            return session.Id;
        });
        return (course, sessionId);
    }

    [Theory]
    [InlineData("", "签到只能在上课当天开始")]
    [InlineData("?culture=en", "Check-in can be started only on the session&#x27;s day")]
    public async Task StartingCheckInDaysAhead_MakesNothing_AndSaysWhyWhereTheButtonIs(string culture, string message)
    {
        var (course, session) = await SessionInThreeDaysAsync();
        var page = $"/Courses/{course.Id}/Sessions/{session}";
        var trainer = await App.LoginAsync("trainer.wang");

        var roll = await trainer.GetStringAsync(page + "/Attendance" + culture);
        var view = await trainer.GetStringAsync(page + "/Code" + culture);
        var post = await trainer.PostFormAsync(page + "/Code" + culture, [], formPage: page + "/Attendance" + culture);
        var html = await post.Content.ReadAsStringAsync();

        Assert.Matches("<button type=\"button\"[^>]*id=\"open-code\" disabled", roll);
        Assert.Contains(message, roll);
        Assert.DoesNotContain("id=\"open-checkin\"", view);
        Assert.Contains(message, view);
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        Assert.Matches("id=\"code-not-today\" role=\"alert\">" + message, html);
        Assert.DoesNotContain("data-code=", html);
        Assert.Null(await App.QueryAsync(db => db.CourseSessions.Where(s => s.Id == session).Select(s => s.CheckInSecret).FirstAsync()));
        Assert.False(await App.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "CourseSession" && a.EntityId == session.ToString() && a.Changes!.Contains("CheckInStarted"))));
    }

    [Fact]
    public async Task OnTheSessionsDay_CheckInStarts()
    {
        var course = await App.InProgressCourseAsync();
        var trainer = await App.LoginAsync("trainer.wang");

        var html = await My.CheckInTests.OpenCodeAsync(trainer, course.Id, course.SessionIds[0]);

        Assert.Matches("data-code=\"\\d{6}\"", html);
    }
}
