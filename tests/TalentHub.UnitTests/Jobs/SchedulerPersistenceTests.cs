using Microsoft.Extensions.DependencyInjection;
using Quartz;
using TalentHub.Web.Infrastructure;
using TalentHub.Web.Jobs;

namespace TalentHub.UnitTests.Jobs;

/// <summary>Quartz as the app configures it (<see cref="JobsServiceCollectionExtensions.AddTalentHubJobs"/>), on a real SQLite store.</summary>
public sealed class SchedulerPersistenceTests : IDisposable
{
    private static readonly JobKey ProbeJob = new("Probe", "Tests");
    private static readonly TriggerKey ProbeTrigger = new("Probe", "Tests");
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task JobsAndTriggers_SurviveARestart_AndTheTableReplacesItsSchedules()
    {
        var data = new DataDirectory(temp.Path);
        var fireAt = new DateTimeOffset(DateTime.UtcNow.Year + 1, 6, 1, 0, 0, 0, TimeSpan.Zero);

        await using (var first = Build(data, backupCron: "0 0 3 * * ?"))
        {
            var scheduler = await first.GetRequiredService<ISchedulerFactory>().GetScheduler();
            await scheduler.Start();
            await scheduler.ScheduleJob(
                JobBuilder.Create<NoOpJob>().WithIdentity(ProbeJob).Build(),
                TriggerBuilder.Create().WithIdentity(ProbeTrigger).StartAt(fireAt).Build());
            Assert.Equal("0 0 3 * * ?", await BackupCron(scheduler));
            await scheduler.Shutdown(waitForJobsToComplete: true);
        }
        Assert.True(File.Exists(data.JobDatabase));

        await using (var second = Build(data, backupCron: "0 15 4 * * ?"))
        {
            var scheduler = await second.GetRequiredService<ISchedulerFactory>().GetScheduler();
            await scheduler.Start();
            try
            {
                Assert.True(await scheduler.Exists(ProbeJob));
                var probe = await scheduler.GetTrigger(ProbeTrigger);
                Assert.NotNull(probe);
                Assert.Equal(ProbeJob, probe.JobKey);
                Assert.Equal(fireAt, probe.NextFireTimeUtc);
                Assert.Equal(TriggerState.Normal, await scheduler.GetTriggerState(ProbeTrigger));

                // The table's definitions replace the stored ones, so a changed cron applies on the next start.
                Assert.Equal("0 15 4 * * ?", await BackupCron(scheduler));
                var backup = (ICronTrigger)(await scheduler.GetTrigger(TalentHubJobs.Find("DatabaseBackup")!.TriggerKey))!;
                Assert.Equal(ShanghaiTime.Zone.Id, backup.TimeZone.Id);
                Assert.Equal(CronTriggerMisfireInstruction.FireAndProceed, backup.MisfireInstruction);
            }
            finally
            {
                await scheduler.Shutdown();
            }
        }
    }

    private static async Task<string?> BackupCron(IScheduler scheduler)
    {
        var job = TalentHubJobs.Find("DatabaseBackup")!;
        Assert.True(await scheduler.Exists(job.Key));
        return (await scheduler.GetTrigger(job.TriggerKey) as ICronTrigger)?.CronExpressionString;
    }

    private static ServiceProvider Build(DataDirectory data, string backupCron) =>
        JobServices.Build(data, ("Quartz:Enabled", "false"), ("TalentHub:Backup:Cron", backupCron));

    public sealed class NoOpJob : IJob
    {
        public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;
    }
}
