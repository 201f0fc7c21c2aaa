using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Quartz;
using TalentHub.UnitTests.Builders;
using TalentHub.Web.Data;
using TalentHub.Web.Domain.Regions;
using TalentHub.Web.Domain.Training;
using TalentHub.Web.Infrastructure;
using TalentHub.Web.Jobs;
using TalentHub.Web.Services.Notifications;
using TalentHub.Web.Services.Training;

namespace TalentHub.UnitTests.Jobs;

/// <summary>
/// The app's own jobs (<see cref="TalentHubJobs.All"/>) after an outage of ten minutes — far beyond the
/// one-minute misfire threshold — on the persistent SQLite job store, with a real stop and restart of the
/// scheduler and a fake clock (Quartz reads the container's <see cref="TimeProvider"/>), so the outage
/// takes no real time and the clock stands still after the restart: every run seen is a catch-up run.
/// </summary>
public sealed class AppJobsAfterOutageTests : IDisposable
{
    /// <summary>Real-time bound for the catch-up runs to be recorded (polled, not slept).</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3); // a bound for a loaded CI machine; met within seconds normally

    /// <summary>00:00:31 UTC = 08:00:31 in Shanghai: CourseLifecycle (every minute) and OutboxDispatch (every 30 s) are next due at 00:01:00, CertificateIssue (every 5 minutes at :30) at 00:05:30.</summary>
    private static readonly DateTimeOffset DownAt = new(2027, 3, 1, 0, 0, 31, TimeSpan.Zero);
    private static readonly TimeSpan Outage = TimeSpan.FromMinutes(10);

    private readonly TempFolder temp = new();
    private readonly FakeTimeProvider clock = new(DownAt);

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task AfterAnOutageLongerThanTheMisfireThreshold_EachOverdueAppJobRunsOnce_AndTheCronTriggersAreReplaced()
    {
        var data = new DataDirectory(temp.Path);
        int courseId;
        await using (var first = Build(data, backupCron: "0 0 3 * * ?"))
        {
            courseId = await SeedCourseOpeningDuringTheOutage(first);
            var scheduler = await first.GetRequiredService<ISchedulerFactory>().GetScheduler();
            await scheduler.Start();
            var lifecycle = await scheduler.GetTrigger(Job("CourseLifecycle").TriggerKey);
            Assert.Equal(new DateTimeOffset(2027, 3, 1, 0, 1, 0, TimeSpan.Zero), lifecycle!.NextFireTimeUtc);
            await scheduler.Shutdown(waitForJobsToComplete: true);
            Assert.Empty(await Runs(first));
        }

        clock.Advance(Outage);
        var restartedAt = clock.GetUtcNow();

        await using var second = Build(data, backupCron: "0 15 4 * * ?");
        var restarted = await second.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await restarted.Start();
        try
        {
            // CourseLifecycle and OutboxDispatch were due 9½ minutes ago (misfired: fire once now);
            // SessionReminders was due at 00:10:00, 31 s ago (inside the threshold: fires as scheduled).
            string[] expected = ["CourseLifecycle", "OutboxDispatch", "SessionReminders"];
            var deadline = DateTime.UtcNow + Patience;
            while (!expected.All((await Runs(second)).Select(r => r.JobName).Contains))
            {
                Assert.True(DateTime.UtcNow < deadline, $"catch-up runs missing after {Patience}; seen: " +
                    string.Join(", ", (await Runs(second)).Select(r => r.JobName)));
                await Task.Delay(50);
            }

            foreach (var name in expected)
            {
                var trigger = await restarted.GetTrigger(Job(name).TriggerKey);
                // Fired once and proceeding on its cron: the next fire time is in the (frozen) future, not in the outage.
                Assert.True(trigger!.NextFireTimeUtc > restartedAt, $"{name} next fire {trigger.NextFireTimeUtc}");
            }
            Assert.Equal(new DateTimeOffset(2027, 3, 1, 0, 11, 0, TimeSpan.Zero),
                (await restarted.GetTrigger(Job("CourseLifecycle").TriggerKey))!.NextFireTimeUtc);

            // The table's triggers replaced the stored ones: the changed backup cron applies, still in Shanghai time.
            var backup = (ICronTrigger)(await restarted.GetTrigger(Job("DatabaseBackup").TriggerKey))!;
            Assert.Equal("0 15 4 * * ?", backup.CronExpressionString);
            Assert.Equal(ShanghaiTime.Zone.Id, backup.TimeZone.Id);
            Assert.Equal(CronTriggerMisfireInstruction.FireAndProceed, backup.MisfireInstruction);
            foreach (var job in TalentHubJobs.All) Assert.Equal(TriggerState.Normal, await restarted.GetTriggerState(job.TriggerKey));
        }
        finally
        {
            await restarted.Shutdown(waitForJobsToComplete: true);
        }

        // Exactly one run each — not one per missed minute — all succeeded at the restart time; no backup was due.
        // (ImportCleanup, every 5 minutes at :45, also misfired during the outage and catches up once.)
        var runs = await Runs(second);
        Assert.Equal(["CertificateIssue", "CourseLifecycle", "ImportCleanup", "OutboxDispatch", "SessionReminders"], runs.Select(r => r.JobName).Order());
        Assert.All(runs, r => Assert.True(r.Succeeded, $"{r.JobName}: {r.Message}"));
        Assert.All(runs, r => Assert.Equal(restartedAt, r.FinishedAt));
        Assert.Equal(JobResult.Of("StatusChanges", 1), runs.Single(r => r.JobName == "CourseLifecycle").Message);

        // The lifecycle catch-up did its work: the window that opened during the outage is open.
        await using var scope = second.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TalentHubDbContext>();
        var course = await db.Courses.IgnoreQueryFilters().AsNoTracking().SingleAsync(c => c.Id == courseId);
        Assert.Equal(CourseStatus.EnrollmentOpen, course.Status);
    }

    private static JobDefinition Job(string name) => TalentHubJobs.Find(name)!;

    /// <summary>A published course whose enrollment window opens five minutes into the outage.</summary>
    private async Task<int> SeedCourseOpeningDuringTheOutage(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TalentHubDbContext>();
        await db.Database.EnsureCreatedAsync();
        db.Regions.AddRange(
            new Region { Code = "330500000000", Name = "湖州市", NameEn = "Huzhou", Level = RegionLevel.City },
            new Region { Code = "330523000000", Name = "安吉县", NameEn = "Anji", Level = RegionLevel.County, ParentCode = "330500000000" },
            new Region { Code = "330523108000", Name = "天荒坪镇", NameEn = "Tianhuangping", Level = RegionLevel.Township, ParentCode = "330523000000" },
            new Region { Code = "330523108204", Name = "余村", NameEn = "Yucun", Level = RegionLevel.Village, ParentCode = "330523108000" });
        await db.SaveChangesAsync();
        var course = await db.PublishedCourseAsync(DownAt.AddMinutes(5), DownAt.AddDays(2), DownAt.AddDays(3));
        Assert.Equal(CourseStatus.Published, course.Status);
        return course.Id;
    }

    private static async Task<List<JobRun>> Runs(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<TalentHubDbContext>().JobRuns.AsNoTracking().ToListAsync();
    }

    /// <summary>The app's data, training, notification and job services on <see cref="clock"/>, without a host.</summary>
    private ServiceProvider Build(DataDirectory data, string backupCron)
    {
        var configuration = JobServices.Configuration(("Quartz:Enabled", "false"), ("TalentHub:Backup:Cron", backupCron));
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(configuration);
        services.Configure<TalentHubOptions>(configuration.GetSection(TalentHubOptions.Section));
        services.AddTalentHubData(configuration, data);
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.AddTraining();
        services.AddNotifications(configuration);
        services.AddTalentHubJobs(configuration, data);
        services.AddSingleton<TimeProvider>(clock);
        return services.BuildServiceProvider();
    }
}
