using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Domain.Training;
using TalentHub.Web.Services.Training;

namespace TalentHub.IntegrationTests.Pages.People;

public sealed class PersonStoryTests(TalentHubFactory app) : AppTest(app)
{
    [Fact]
    public async Task PersonPage_ShowsAttendanceScoreCompletionCertificateAndFollowUps()
    {
        var course = await App.FinishedCourseAsync(2, assessed: true, endedDaysAgo: 100);
        var farmer = (await App.TraineesAsync(course.Id, 1))[0];
        var enrollment = await App.EnrollmentIdAsync(course.Id, farmer.PersonId);
        await App.MarkAsync(course.Id, course.SessionIds[0], new Dictionary<int, AttendanceMark> { [enrollment] = AttendanceMark.Present });
        await App.MarkAsync(course.Id, course.SessionIds[1], new Dictionary<int, AttendanceMark> { [enrollment] = AttendanceMark.Late });
        await App.QueryAsync(async db =>
        {
            (await db.Enrollments.FirstAsync(e => e.Id == enrollment)).SetScore(86);
            return await db.SaveChangesAsync();
        });
        await App.CompleteAsync(course.Id);
        await App.RunAsync<CertificateService, int>(s => s.IssueDueAsync());
        await App.RunAsync<FollowUpService, int>(s => s.CreateDueAsync());
        var number = await App.QueryAsync(db => db.Certificates.Where(c => c.EnrollmentId == enrollment).Select(c => c.Number).SingleAsync());
        var officer = await App.LoginAsync("anji.officer");

        var html = await officer.GetStringAsync($"/People/{farmer.PersonId}");
        var mine = await (await App.LoginAsync(farmer)).GetStringAsync("/My/Enrollments");

        Assert.Contains($"data-attendance=\"{enrollment}\">100%", html);
        Assert.Contains(">86<", html);
        Assert.Contains($"href=\"/Verify/{number}\"", html);
        Assert.Contains("结业后3个月：待跟踪", html);
        Assert.Contains("出勤率 100%", mine);
        Assert.Contains("成绩 86 分", mine);
        Assert.Contains("/My/Certificates/", mine);
    }
}
