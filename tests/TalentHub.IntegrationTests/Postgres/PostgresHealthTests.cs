using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Quartz;
using TalentHub.Web.Jobs;

namespace TalentHub.IntegrationTests.Postgres;

/// <summary>The database and the clustered Quartz scheduler both live on PostgreSQL, and both are healthy.</summary>
public sealed class PostgresHealthTests(PostgresFactory app) : PostgresTest(app)
{
    [PostgresFact]
    public async Task HealthEndpoint_OnPostgres_ReportsHealthy()
    {
        Assert.Equal((HttpStatusCode.OK, "Healthy"), await App.HealthAfterStartAsync());
    }

    [PostgresFact]
    public async Task TheScheduler_RunsClustered_WithItsJobStoreInTheAppsPostgresDatabase()
    {
        App.NewClient().Dispose();
        var scheduler = await App.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var meta = await scheduler.GetMetadata();
        var jobs = await scheduler.GetJobKeys(GroupMatcher<JobKey>.GroupEquals(TalentHubJobs.Group));

        Assert.Equal(SchedulerStatus.Running, scheduler.Status);
        Assert.True(meta.JobStorePersistent);
        Assert.True(meta.JobStoreClustered);
        Assert.Equal(TalentHubJobs.All.Select(j => j.Name).Order(), jobs.Select(k => k.Name).Order());
        Assert.Equal(TalentHubJobs.All.Count, await CountAsync("SELECT count(*) FROM qrtz_job_details WHERE job_group = @group"));
        Assert.Equal(1, await CountAsync("SELECT count(*) FROM qrtz_scheduler_state WHERE sched_name = @name"));
    }

    [PostgresFact]
    public async Task EveryScheduledJob_RunsOnPostgres_AndRecordsASuccessfulRun()
    {
        App.NewClient().Dispose();
        var scheduler = await App.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var since = DateTimeOffset.UtcNow.AddSeconds(-1);

        foreach (var job in TalentHubJobs.All) await scheduler.TriggerJob(job.Key);

        var deadline = DateTime.UtcNow.AddMinutes(3); // polled; a bound for a loaded CI machine
        List<(string JobName, bool Succeeded, string? Message)> runs;
        while (true)
        {
            runs = (await App.QueryAsync(db => db.JobRuns.AsNoTracking().Where(r => r.StartedAt >= since)
                .Select(r => new { r.JobName, r.Succeeded, r.Message }).ToListAsync()))
                .Select(r => (r.JobName, r.Succeeded, r.Message)).ToList();
            if (TalentHubJobs.All.All(j => runs.Any(r => r.JobName == j.Name)) || DateTime.UtcNow > deadline) break;
            await Task.Delay(250);
        }
        Assert.All(TalentHubJobs.All, job =>
        {
            var mine = runs.Where(r => r.JobName == job.Name).ToList();
            Assert.True(mine.Count > 0, $"{job.Name} did not run within 3 minutes");
            Assert.All(mine, r => Assert.True(r.Succeeded, $"{job.Name}: {r.Message}"));
        });
    }

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(App.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("group", TalentHubJobs.Group);
        command.Parameters.AddWithValue("name", JobsServiceCollectionExtensions.SchedulerName);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
