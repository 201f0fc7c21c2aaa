using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using TalentHub.Web.Data;
using TalentHub.Web.Infrastructure;
using TalentHub.Web.Jobs;

namespace TalentHub.UnitTests.Jobs;

/// <summary>Runs jobs on the real scheduler and reads back what <see cref="JobRunRecorder"/> wrote to the app database.</summary>
public sealed class JobRunRecordingTests : IAsyncLifetime
{
    /// <summary>Real-time bound for a run to be recorded on a loaded machine (polled, never slept in full).</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3); // a bound for a loaded CI machine; met within seconds normally
    private readonly TempFolder temp = new();
    private ServiceProvider services = null!;
    private IScheduler scheduler = null!;
    private DataDirectory data = null!;

    public async Task InitializeAsync()
    {
        data = new DataDirectory(temp.Path);
        var configuration = JobServices.Configuration(("Quartz:Enabled", "false"), ("TalentHub:Backup:Keep", "2"));
        var collection = new ServiceCollection();
        collection.AddLogging();
        collection.AddSingleton(configuration);
        collection.Configure<TalentHubOptions>(configuration.GetSection(TalentHubOptions.Section));
        collection.AddTalentHubData(configuration, data);
        collection.AddTalentHubJobs(configuration, data);
        services = collection.BuildServiceProvider();
        await using (var scope = services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<TalentHubDbContext>().Database.EnsureCreatedAsync();
        scheduler = await services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await scheduler.Start();
    }

    public async Task DisposeAsync()
    {
        await scheduler.Shutdown(waitForJobsToComplete: true);
        await services.DisposeAsync();
        temp.Dispose();
    }

    [Fact]
    public async Task RunningTheBackupJob_WritesABackup_AndRecordsItsSuccess()
    {
        await scheduler.TriggerJob(TalentHubJobs.Find("DatabaseBackup")!.Key);

        var run = await WaitForRun("DatabaseBackup");

        Assert.True(run.Succeeded);
        var file = Assert.Single(SqliteBackup.List(data.Backups));
        Assert.Equal(Path.GetFileName(file), run.Message);
        Assert.Equal("ok", SqliteBackup.IntegrityCheck(file));
        Assert.True(run.StartedAt <= run.FinishedAt, $"started {run.StartedAt:O} after it finished {run.FinishedAt:O}");
    }

    [Fact]
    public async Task AFailingJob_IsRecordedAsFailed_WithAShortMessage()
    {
        var key = new JobKey("Failing", "Tests");
        await scheduler.ScheduleJob(
            JobBuilder.Create<FailingJob>().WithIdentity(key).Build(),
            TriggerBuilder.Create().WithIdentity("Failing", "Tests").StartNow().Build());

        var run = await WaitForRun("Failing");

        Assert.False(run.Succeeded);
        Assert.Equal("InvalidOperationException: The job failed on purpose.", run.Message);
    }

    private async Task<JobRun> WaitForRun(string jobName)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            await using (var scope = services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<TalentHubDbContext>();
                if (await db.JobRuns.AsNoTracking().FirstOrDefaultAsync(r => r.JobName == jobName) is { } run) return run;
            }
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"No run of {jobName} was recorded.");
            await Task.Delay(50);
        }
    }

    public sealed class FailingJob : IJob
    {
        public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("The job failed on purpose.\nSecond line with details.");
    }
}
