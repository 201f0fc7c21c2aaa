using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Quartz;
using TalentHub.Web.Infrastructure;

namespace TalentHub.UnitTests.Jobs;

/// <summary>
/// A job that fell due while the app was stopped runs as soon as the app starts again. The scheduler runs
/// on a fake clock, so the downtime takes no real time and the run's fire time is exact.
/// </summary>
public sealed class DueWhileDownTests : IDisposable
{
    /// <summary>Real-time bound for the overdue run to be seen (polled, never slept in full).</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3); // a bound for a loaded CI machine; met within seconds normally
    private static readonly ConcurrentDictionary<string, DateTimeOffset> Fired = new();
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task JobDueWhileTheSchedulerWasDown_FiresRightAfterTheNextStart()
    {
        var data = new DataDirectory(temp.Path);
        var clock = new FakeTimeProvider(new DateTimeOffset(2027, 3, 1, 0, 0, 0, TimeSpan.Zero));
        var id = Guid.NewGuid().ToString("N");
        var dueAt = clock.GetUtcNow().AddSeconds(2);

        await using (var first = JobServices.Build(data, clock, ("Quartz:Enabled", "false")))
        {
            // Scheduled into the persistent store by an app that then goes down before the job is due.
            var scheduler = await first.GetRequiredService<ISchedulerFactory>().GetScheduler();
            await scheduler.ScheduleJob(
                JobBuilder.Create<RecordingJob>().WithIdentity(id, "Tests").UsingJobData("id", id).Build(),
                TriggerBuilder.Create().WithIdentity(id, "Tests").StartAt(dueAt)
                    .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow)).Build());
            await scheduler.Shutdown(waitForJobsToComplete: true);
        }
        clock.Advance(TimeSpan.FromSeconds(3));
        Assert.False(Fired.ContainsKey(id));

        await using var second = JobServices.Build(data, clock, ("Quartz:Enabled", "false"));
        var restarted = await second.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var startedAt = clock.GetUtcNow();
        await restarted.Start();
        try
        {
            var deadline = DateTime.UtcNow + Patience;
            while (!Fired.ContainsKey(id) && DateTime.UtcNow < deadline) await Task.Delay(50);
            Assert.True(Fired.TryGetValue(id, out var firedAt), "the overdue job did not run after the restart");
            // Run by the restarted scheduler, at its start (the clock stands still), not while it was down.
            Assert.Equal(startedAt, firedAt);
        }
        finally
        {
            await restarted.Shutdown();
        }
    }

    public sealed class RecordingJob(TimeProvider clock) : IJob
    {
        public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
        {
            Fired[context.MergedJobDataMap.GetString("id")!] = clock.GetUtcNow();
            return ValueTask.CompletedTask;
        }
    }
}
