using TalentHub.Web.Domain.Notifications;

namespace TalentHub.IntegrationTests.Pages.Notifications;

/// <summary>
/// The unread badge (issue 12: written by <c>UnreadMessages</c> instead of a Blazor component) keeps its markup: the
/// menu's and the phone toggler's badge, the count, 99+ above 99, the spoken text in both languages, nothing at zero.
/// </summary>
public sealed class UnreadBadgeTests(TalentHubFactory app) : AppTest(app)
{
    private Task AddUnreadAsync(int personId, int count) => App.QueryAsync(async db =>
    {
        var now = DateTimeOffset.UtcNow;
        for (var i = 0; i < count; i++)
        {
            var notification = new Notification
            {
                Key = $"unread-badge-{personId}-{Guid.NewGuid():N}", PersonId = personId, Kind = NotificationKind.EnrollmentConfirmed,
                Subject = "badge", CreatedAt = now, DeliveredAt = now,
            };
            db.Outbox.Add(notification);
            await db.SaveChangesAsync();
            db.Messages.Add(new Message { NotificationId = notification.Id, PersonId = personId, Kind = notification.Kind, Subject = "badge", CreatedAt = now });
        }
        await db.SaveChangesAsync();
        return 0;
    });

    [Fact]
    public async Task TheBadge_ShowsNothingAtZero_TheCountWithItsWords_And99PlusAbove99()
    {
        var farmer = (await App.NewFarmersAsync(1))[0];
        var client = await App.LoginAsync(farmer);

        var none = await client.GetStringAsync("/My/Enrollments");
        await AddUnreadAsync(farmer.PersonId, 1);
        var one = await client.GetStringAsync("/My/Enrollments");
        var oneEnglish = await client.GetStringAsync("/My/Enrollments?culture=en");
        await AddUnreadAsync(farmer.PersonId, 100);
        var many = await client.GetStringAsync("/My/Enrollments?culture=zh-CN");

        Assert.DoesNotContain("unread-count", none);
        Assert.DoesNotContain("unread-toggler", none);
        Assert.Contains("<span class=\"badge rounded-pill text-bg-danger\" id=\"unread-count\" data-count=\"1\">1<span class=\"visually-hidden\"> 1 条未读消息</span></span>", one);
        Assert.Contains("<span class=\"badge rounded-pill text-bg-danger\" id=\"unread-toggler\" data-count=\"1\">1<span class=\"visually-hidden\"> 1 条未读消息</span></span>", one);
        Assert.Contains("id=\"unread-count\" data-count=\"1\">1<span class=\"visually-hidden\"> 1 unread message</span>", oneEnglish);
        Assert.Contains("id=\"unread-count\" data-count=\"101\">99+<span class=\"visually-hidden\"> 101 条未读消息</span>", many);
        Assert.Contains("id=\"unread-toggler\" data-count=\"101\">99+", many);
    }
}
