using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using TalentHub.UnitTests.Builders;
using TalentHub.UnitTests.Jobs;
using TalentHub.Web.Infrastructure;
using TalentHub.Web.Services.Notifications;
using TalentHub.Web.Services.Training;

namespace TalentHub.UnitTests.Services.Notifications;

/// <summary>
/// Issue 8, item 7: the process dies after the outside sender took a message and before the outbox row was marked
/// delivered; the next run sends it again. The file sender writes that key once only; SMTP sends the resend with
/// the same Message-ID, so mail systems and readers recognise it. (README "Notifications".)
/// </summary>
public sealed class CrashResendTests
{
    private sealed class CrashBeforeMark : SaveChangesInterceptor
    {
        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
            CancellationToken cancellationToken = default) => throw new ProcessKilled();
    }

    private sealed class ProcessKilled : Exception;

    private static async Task<TestDatabase> OneNotificationAsync()
    {
        var database = await TestDatabase.CreateAsync();
        var t0 = database.Clock.GetUtcNow();
        await using var db = database.NewContext();
        var course = await db.PublishedCourseAsync(t0.AddHours(-1), t0.AddDays(1), t0.AddDays(2), capacity: 5);
        await database.CourseClock(db).AdvanceCoursesAsync();
        var person = (await db.PeopleAsync(1)).Single();
        await db.People.Where(p => p.Id == person).ExecuteUpdateAsync(s => s.SetProperty(p => p.Email, "zhang@example.org"));
        await database.Enrollment(db).EnrollAsync(course.Id, person, null);
        Assert.Equal(1, await db.Outbox.CountAsync(n => n.DeliveredAt == null));
        return database;
    }

    private static async Task CrashThenResendAsync(TestDatabase database, INotificationSender beforeCrash, INotificationSender afterRestart)
    {
        await using (var crashing = database.NewContext(new CrashBeforeMark()))
            await Assert.ThrowsAsync<ProcessKilled>(() => database.Dispatcher(crashing, beforeCrash).DispatchAsync());
        await using var db = database.NewContext();
        Assert.Equal(1, await db.Outbox.CountAsync(n => n.DeliveredAt == null));
        Assert.Equal(1, await database.Dispatcher(db, afterRestart).DispatchAsync());
        Assert.Equal(0, await db.Outbox.CountAsync(n => n.DeliveredAt == null));
    }

    [Fact]
    public async Task TheFileSender_WritesAKeyOnce_WhenTheDispatchIsRepeatedAfterACrash()
    {
        await using var database = await OneNotificationAsync();
        using var before = new TempFolder();
        using var after = new TempFolder();
        var crashed = new FileNotificationSender(new DataDirectory(before.Path), database.Clock);

        await CrashThenResendAsync(database, crashed, new LogCopiedOnRestart(before, after, database.Clock));

        Assert.Single(await File.ReadAllLinesAsync(before.File("notifications.log")));
        var lines = await File.ReadAllLinesAsync(after.File("notifications.log"));
        Assert.Single(lines);
        Assert.Contains("\tkey:", lines[0]);
    }

    [Fact]
    public async Task TheSmtpSender_ResendsWithTheSameMessageId_AfterACrash()
    {
        await using var database = await OneNotificationAsync();
        using var first = new SmtpNotificationSenderTests.TinySmtpServer();
        using var second = new SmtpNotificationSenderTests.TinySmtpServer();
        SmtpNotificationSender To(SmtpNotificationSenderTests.TinySmtpServer server) => new(
            new SmtpOptions { Host = "127.0.0.1", Port = server.Port, From = "bureau@example.org" }, NullLogger<SmtpNotificationSender>.Instance);

        await CrashThenResendAsync(database, To(first), To(second));

        var ids = new[] { await first.Session, await second.Session }
            .Select(s => s.Split('\n').Single(l => l.StartsWith("Message-ID:", StringComparison.OrdinalIgnoreCase)).Trim()).ToList();
        Assert.Equal(ids[0], ids[1]);
        Assert.Contains("@example.org>", ids[0]);
    }

    /// <summary>The restarted process: a file sender on a copy of the log written before the crash, in a folder this process has not seen.</summary>
    private sealed class LogCopiedOnRestart(TempFolder before, TempFolder after, TimeProvider clock) : INotificationSender
    {
        private FileNotificationSender? _sender;
        public string Channel => "file";

        public Task SendAsync(OutgoingNotification message, CancellationToken ct)
        {
            if (_sender is null)
            {
                File.Copy(before.File("notifications.log"), after.File("notifications.log"));
                _sender = new FileNotificationSender(new DataDirectory(after.Path), clock);
            }
            return _sender.SendAsync(message, ct);
        }
    }
}
