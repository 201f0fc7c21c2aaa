using Microsoft.Extensions.Time.Testing;
using TalentHub.UnitTests.Jobs;
using TalentHub.Web.Infrastructure;
using TalentHub.Web.Services.Notifications;

namespace TalentHub.UnitTests.Services.Notifications;

public sealed class FileNotificationSenderTests
{
    [Fact]
    public async Task AResendOfTheSameKey_AlsoAfterARestart_IsNotWrittenTwice_AndEveryLineCarriesItsKey()
    {
        using var before = new TempFolder();
        using var after = new TempFolder();
        var message = new OutgoingNotification("enroll:7", new NotificationRecipient(3, "张明", null, null), "报名成功");
        await new FileNotificationSender(new DataDirectory(before.Path), new FakeTimeProvider()).SendAsync(message, CancellationToken.None);
        // A restarted process knows only the file: the same log in a folder this process has not seen yet.
        File.Copy(before.File("notifications.log"), after.File("notifications.log"));
        var restarted = new FileNotificationSender(new DataDirectory(after.Path), new FakeTimeProvider());

        await restarted.SendAsync(message, CancellationToken.None);
        await restarted.SendAsync(message with { Key = "enroll:8" }, CancellationToken.None);
        await restarted.SendAsync(message, CancellationToken.None);

        var written = await File.ReadAllLinesAsync(after.File("notifications.log"));
        Assert.Equal(2, written.Length);
        Assert.Single(written, l => l.Contains("\tkey:enroll:7\t"));
        Assert.Single(written, l => l.Contains("\tkey:enroll:8\t"));
    }

    [Fact]
    public async Task AKeyAnotherProcessAppendedAfterThisOneReadTheFile_IsNotWrittenAgain()
    {
        using var folder = new TempFolder();
        var sender = new FileNotificationSender(new DataDirectory(folder.Path), new FakeTimeProvider());
        var message = new OutgoingNotification("enroll:1", new NotificationRecipient(3, "张明", null, null), "报名成功");
        await sender.SendAsync(message, CancellationToken.None);
        // Another node on the same folder sends enroll:2 and is killed before its outbox row is marked delivered.
        await File.AppendAllTextAsync(folder.File("notifications.log"), "2027-03-01T00:00:00+00:00\tkey:enroll:2\tperson:3\t报名成功\n");

        await sender.SendAsync(message with { Key = "enroll:2" }, CancellationToken.None);
        await sender.SendAsync(message with { Key = "enroll:3" }, CancellationToken.None);

        var written = await File.ReadAllLinesAsync(folder.File("notifications.log"));
        Assert.Equal(3, written.Length);
        Assert.Single(written, l => l.Contains("\tkey:enroll:2\t"));
    }
}
