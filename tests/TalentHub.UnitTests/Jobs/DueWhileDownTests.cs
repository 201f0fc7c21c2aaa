using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using TalentHub.Web.Infrastructure;

namespace TalentHub.UnitTests.Jobs;

/// <summary>A job that fell due while the app was stopped runs as soon as the app starts again.</summary>
public sealed class DueWhileDownTests : IDisposable
{
    private static readonly ConcurrentDictionary<string, DateTimeOffset> Fired = new();
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task JobDueWhileTheSchedulerWasDown_FiresRightAfterTheNextStart()
    {
        var data = new DataDirectory(temp.Path);
        var id = Guid.NewGuid().ToString("N");
        var dueAt = DateTimeOffset.UtcNow.AddSeconds(2);

        await using (var first = JobServices.Build(data, ("Quartz:Enabled", "false")))
        {
            // Scheduled into the persistent store by an app that then goes down before the job is due.
            var scheduler = await first.GetRequiredService<ISchedulerFactory>().GetScheduler();
            await scheduler.ScheduleJob(
                JobBuilder.Create<RecordingJob>().WithIdentity(id, "Tests").UsingJobData("id", id).Build(),
                TriggerBuilder.Create().WithIdentity(id, "Tests").StartAt(dueAt)
                    .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow)).Build());
            await scheduler.Shutdown(waitForJobsToComplete: true);
        }
        var wait = dueAt - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(1);
        if (wait > TimeSpan.Zero) await Task.Delay(wait);
        Assert.False(Fired.ContainsKey(id));

        await using var second = JobServices.Build(data, ("Quartz:Enabled", "false"));
        var restarted = await second.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var startedAt = DateTimeOffset.UtcNow;
        await restarted.Start();
        try
        {
            for (var i = 0; i < 100 && !Fired.ContainsKey(id); i++) await Task.Delay(100);
            Assert.True(Fired.TryGetValue(id, out var firedAt), "the overdue job did not run after the restart");
            Assert.True(firedAt >= startedAt);
        }
        finally
        {
            await restarted.Shutdown();
        }
    }

    public sealed class RecordingJob : IJob
    {
        public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
        {
            Fired[context.MergedJobDataMap.GetString("id")!] = DateTimeOffset.UtcNow;
            return ValueTask.CompletedTask;
        }
    }
}
