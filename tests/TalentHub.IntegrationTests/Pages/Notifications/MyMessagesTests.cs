using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TalentHub.IntegrationTests.Pages.Training.Courses;
using TalentHub.Web.Data;
using TalentHub.Web.Domain.Notifications;
using TalentHub.Web.Services.Training;
using TalentHub.Web.Services.Notifications;
using TalentHub.Web.Pages.Notifications;

namespace TalentHub.IntegrationTests.Pages.Notifications;

public sealed class MyMessagesTests(TalentHubFactory app) : AppTest(app)
{
    private const string Farmer = "13800000012";

    private async Task DispatchUntilDeliveredAsync(int personId, int courseId)
    {
        for (var i = 0; i < 50; i++)
        {
            using var scope = App.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<TalentHubDbContext>();
            if (await db.Messages.AnyAsync(m => m.PersonId == personId && m.CourseId == courseId)) return;
            if (await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().DispatchAsync() == 0) return;
        }
    }

    [Fact]
    public async Task Messages_ShowADispatchedMessage_AndOpeningThePageClearsTheUnreadCount()
    {
        var (personId, village) = await App.FarmerPersonAsync(Farmer);
        var course = await App.CreateOpenCourseAsync(village);
        await App.EnrollAsync(course, personId);
        await DispatchUntilDeliveredAsync(personId, course);
        var title = await App.QueryAsync(db => db.Courses.Where(c => c.Id == course).Select(c => c.Title).FirstAsync());
        var client = await App.LoginAsync(Farmer);

        var before = await client.GetStringAsync("/My/Enrollments");
        var messages = await client.GetStringAsync("/My/Messages");
        var after = await client.GetStringAsync("/My/Enrollments");
        var english = await client.GetStringAsync("/My/Messages?culture=en");

        Assert.Contains("id=\"unread-count\"", before);
        Assert.Contains($"报名成功：您已获得“{title}”的名额", messages);
        Assert.Contains("data-unread=\"true\"", messages);
        Assert.DoesNotContain("id=\"unread-count\"", messages);
        Assert.DoesNotContain("id=\"unread-count\"", after);
        Assert.Contains(title, english);
        Assert.DoesNotContain("data-unread=\"true\"", english);
        Assert.True(await App.QueryAsync(db => db.Messages.AllAsync(m => m.PersonId != personId || m.ReadAt != null)));
    }

    [Fact]
    public async Task MarkAllRead_ClearsTheUnreadMessages()
    {
        var (personId, village) = await App.FarmerPersonAsync(Farmer);
        var course = await App.CreateOpenCourseAsync(village);
        await App.EnrollAsync(course, personId);
        await DispatchUntilDeliveredAsync(personId, course);
        var client = await App.LoginAsync(Farmer);
        var token = FormClient.TokenOf(await client.GetStringAsync("/My/Enrollments"));

        var response = await client.PostAsync("/My/Messages?handler=ReadAll",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True(await App.QueryAsync(db => db.Messages.AllAsync(m => m.PersonId != personId || m.ReadAt != null)));
    }
    /// <summary>A message for <paramref name="personId"/> delivered now, as the dispatcher would (a fresh notification id).</summary>
    private Task<long> DeliverAsync(int personId) => App.QueryAsync(async db =>
    {
        var message = new Message
        {
            NotificationId = -Random.Shared.NextInt64(1, long.MaxValue), PersonId = personId, Kind = NotificationKind.EnrollmentConfirmed,
            Subject = "迟到的消息", CreatedAt = DateTimeOffset.UtcNow,
        };
        db.Messages.Add(message);
        await db.SaveChangesAsync();
        return message.Id;
    });

    [Fact]
    public async Task OpeningThePage_MarksReadOnlyWhatExistedWhenTheListWasRead_AMessageArrivingMeanwhileStaysNew()
    {
        var (personId, _) = await App.FarmerPersonAsync(Farmer);
        var seen = await DeliverAsync(personId);
        var client = await App.LoginAsync(Farmer);
        long late = 0;
        // fix34f: the message arrives after the list was read and before the page marks the shown ones read.
        App.RivalCommand.Arm("UPDATE \"Messages\"", async () => late = await DeliverAsync(personId));
        try
        {
            await client.GetStringAsync("/My/Messages");
            Assert.True(App.RivalCommand.Ran, "the late message was not delivered before the page marked messages read");
        }
        finally { App.RivalCommand.Disarm(); }

        Assert.NotNull(await App.QueryAsync(db => db.Messages.Where(m => m.Id == seen).Select(m => m.ReadAt).SingleAsync()));
        Assert.Null(await App.QueryAsync(db => db.Messages.Where(m => m.Id == late).Select(m => m.ReadAt).SingleAsync()));
        Assert.Contains("id=\"unread-count\"", await client.GetStringAsync("/My/Enrollments"));
        Assert.Contains("data-unread=\"true\"", await client.GetStringAsync("/My/Messages"));
    }

    [Fact]
    public async Task MarkAllRead_LeavesUnreadAMessageThatArrivedAfterThePageWasShown()
    {
        var (personId, _) = await App.FarmerPersonAsync(Farmer);
        var client = await App.LoginAsync(Farmer);
        var seen = await DeliverAsync(personId);
        var page = await client.GetStringAsync("/My/Messages");
        var late = await DeliverAsync(personId);

        var response = await client.PostAsync("/My/Messages?handler=ReadAll", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = FormClient.TokenOf(page),
            ["upTo"] = System.Text.RegularExpressions.Regex.Match(page, "name=\"upTo\" value=\"([0-9]+)\"").Groups[1].Value,
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.NotNull(await App.QueryAsync(db => db.Messages.Where(m => m.Id == seen).Select(m => m.ReadAt).SingleAsync()));
        Assert.Null(await App.QueryAsync(db => db.Messages.Where(m => m.Id == late).Select(m => m.ReadAt).SingleAsync()));
    }

    [Fact]
    public async Task OpeningThePage_MarksReadOnlyTheMessagesItShows_ThoseOnTheNextPageStayNew()
    {
        // rev36: opening page 1 marked every message read, so the unread ones on page 2 never showed as new and the badge
        // said none were left though the reader had not seen them.
        var (personId, _) = await App.FarmerPersonAsync(Farmer);
        var client = await App.LoginAsync(Farmer);
        await client.GetStringAsync("/My/Messages"); // whatever was there before is read
        var delivered = new List<long>();
        for (var i = 0; i < MessagesPageModel.PageSize + 3; i++) delivered.Add(await DeliverAsync(personId));
        var older = delivered.Take(3).ToList();

        var first = await client.GetStringAsync("/My/Messages");
        var unreadLeft = await App.QueryAsync(db => db.Messages.Where(m => m.PersonId == personId && m.ReadAt == null).Select(m => m.Id).ToListAsync());
        var badge = await client.GetStringAsync("/My/Enrollments");
        var second = await client.GetStringAsync("/My/Messages?page=2");

        Assert.Equal(MessagesPageModel.PageSize, System.Text.RegularExpressions.Regex.Matches(first, "data-unread=\"true\"").Count);
        Assert.Equal(older.Order(), unreadLeft.Order());
        Assert.Contains("id=\"unread-count\" data-count=\"3\"", badge);
        foreach (var id in older) Assert.Contains($"data-message=\"{id}\" data-unread=\"true\"", second);
        Assert.True(await App.QueryAsync(db => db.Messages.AllAsync(m => m.PersonId != personId || m.ReadAt != null)));
    }
}
