using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Domain.Notifications;
using TalentHub.Web.Domain.Training;
using TalentHub.Web.Services.Notifications;
using TalentHub.Web.Services.Training;

namespace TalentHub.IntegrationTests.Pages.Notifications;

/// <summary>Issue 11 item 2: at-risk warnings reach the trainee and the course's staff once, in-app for staff at /Messages.</summary>
public sealed class StaffMessagesTests(TalentHubFactory app) : AppTest(app)
{
    [Fact]
    public async Task AtRiskSweepTwice_TellsEachTraineeAndEachStaffMemberOnce_AndStaffReadItAtMessages()
    {
        var course = await App.InProgressCourseAsync(pastSessions: 3);
        var trainees = await App.TraineesAsync(course.Id, 2);
        var ids = new List<int>();
        foreach (var t in trainees) ids.Add(await App.EnrollmentIdAsync(course.Id, t.PersonId));
        await App.MarkAsync(course.Id, course.SessionIds[0], ids.ToDictionary(id => id, _ => AttendanceMark.Absent));
        var name = await App.QueryAsync(db => db.People.Where(p => p.Id == trainees[0].PersonId).Select(p => p.Name).FirstAsync());

        await App.RunAsync<CompletionService, int>(c => c.WarnAtRiskAsync());
        await App.RunAsync<CompletionService, int>(c => c.WarnAtRiskAsync());
        for (var i = 0; i < 50 && await App.QueryAsync(db => db.Outbox.AnyAsync(n => n.CourseId == course.Id && n.DeliveredAt == null)); i++)
            await App.RunAsync<OutboxDispatcher, int>(d => d.DispatchAsync());

        var people = trainees.Select(t => (int?)t.PersonId).ToList();
        var toTrainees = await App.QueryAsync(db => db.Messages.Where(m => m.CourseId == course.Id && people.Contains(m.PersonId))
            .Select(m => m.PersonId).ToListAsync());
        var staffIds = await App.QueryAsync(db => db.Users.Where(u => new[] { "trainer.wang", "anji.officer", "anji.clerk", "wuxing.officer" }
            .Contains(u.UserName!)).ToDictionaryAsync(u => u.UserName!, u => u.Id));
        var toStaff = await App.QueryAsync(db => db.Messages.Where(m => m.CourseId == course.Id && m.UserId != null)
            .Select(m => new { m.UserId, m.Kind, m.About }).ToListAsync());
        Assert.Equal(people.Order(), toTrainees.Order());
        foreach (var staff in new[] { "trainer.wang", "anji.officer", "anji.clerk" })
        {
            var mine = toStaff.Where(m => m.UserId == staffIds[staff]).ToList();
            Assert.Equal(2, mine.Count);
            Assert.All(mine, m => Assert.Equal(NotificationKind.TraineeCompletionImpossible, m.Kind));
        }
        Assert.DoesNotContain(toStaff, m => m.UserId == staffIds["wuxing.officer"]);
        Assert.Equal(toStaff.Count, toStaff.Select(m => (m.UserId, m.About)).Distinct().Count());

        var clerk = await App.LoginAsync("anji.clerk");
        var home = await clerk.GetStringAsync("/");
        var page = await clerk.GetStringAsync("/Messages");
        var again = await clerk.GetStringAsync("/Messages");
        Assert.Contains("href=\"/Messages\"", home);
        Assert.Contains("id=\"unread-count\"", home);
        Assert.Contains($"学员 {name} 在“{course.Title}”的缺勤已达到无法结业的程度", page);
        Assert.Contains($"href=\"/Courses/{course.Id}/Outcomes\"", page);
        Assert.DoesNotContain("data-unread=\"true\"", again);
    }

    [Fact]
    public async Task StaffMessages_AreNotAFarmersPage_AndFarmersMessagesAreNotStaffs()
    {
        var farmer = (await App.NewFarmersAsync(1))[0];
        var farmerClient = await App.LoginAsync(farmer);
        var clerk = await App.LoginAsync("anji.clerk");

        Assert.NotEqual(System.Net.HttpStatusCode.OK, (await farmerClient.GetAsync("/Messages")).StatusCode);
        Assert.NotEqual(System.Net.HttpStatusCode.OK, (await clerk.GetAsync("/My/Messages")).StatusCode);
    }
}
