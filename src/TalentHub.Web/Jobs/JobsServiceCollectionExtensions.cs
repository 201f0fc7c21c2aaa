using Microsoft.Data.Sqlite;
using Npgsql;
using Quartz;
using TalentHub.Web.Data;
using TalentHub.Web.Infrastructure;

namespace TalentHub.Web.Jobs;

public static class JobsServiceCollectionExtensions
{
    public const string SchedulerName = "TalentHub";

    /// <summary>False when configuration says <c>Quartz:Enabled=false</c>: the scheduler is built but never started.</summary>
    public static bool IsEnabled(IConfiguration configuration) =>
        !string.Equals(configuration["Quartz:Enabled"], "false", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Quartz with its persistent store (its own SQLite file, or PostgreSQL clustered), every job of
    /// <see cref="TalentHubJobs.All"/>, the run recorder and the "scheduler" health check.
    /// </summary>
    public static IServiceCollection AddTalentHubJobs(this IServiceCollection services, IConfiguration configuration, DataDirectory data)
    {
        var postgres = configuration.UsesPostgres();
        services.AddSingleton<JobRunRecorder>();
        services.AddSingleton<BackupAge>();
        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(o => o.InstanceName = SchedulerName);
            q.UsePersistentStore(store =>
            {
                if (postgres)
                {
                    var cs = configuration.GetConnectionString("Postgres")
                        ?? throw new InvalidOperationException("ConnectionStrings:Postgres is required when Database:Provider=Postgres.");
                    store.UsePostgres(NpgsqlFactory.Instance, cs);
                    store.UseClustering();
                }
                else
                {
                    store.UseSqlite(DataServiceCollectionExtensions.SqliteConnectionString(data.JobDatabase));
                }
                store.UseSystemTextJsonSerializer();
                store.ProvisionSchema();
                // A trigger more than a minute overdue (the app was down) is a misfire; cron triggers then fire once now.
                store.ConfigureStore(o => o.MisfireThreshold = TimeSpan.FromMinutes(1));
            });
            q.AddJobListener<JobRunRecorder>(sp => sp.GetRequiredService<JobRunRecorder>(), [GroupMatcher<JobKey>.AnyGroup()]);
            foreach (var job in TalentHubJobs.All) Register(q, job, configuration);
        });
        services.Configure<QuartzOptions>(o =>
        {
            // Definitions from the table replace the stored ones on every start, so cron changes apply...
            o.Scheduling.OverwriteExistingData = true;
            // ...while the replaced trigger hands over its last fire time, so a run missed while down still fires.
            o.Scheduling.ScheduleTriggerRelativeToReplacedTrigger = true;
        });
        if (IsEnabled(configuration))
            services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        services.AddHealthChecks().AddCheck<SchedulerHealthCheck>("scheduler").AddCheck<BackupHealthCheck>("backup");
        return services;
    }


    private static void Register(IQuartzBuilder q, JobDefinition job, IConfiguration configuration)
    {
        var cron = job.Cron(configuration);
        q.AddJob(job.JobType, j => j
            .WithIdentity(job.Key)
            .WithDescription(job.DescriptionKey)
            // A node killed mid-run: another node of the cluster runs the job again (every job is idempotent).
            .RequestRecovery()
            .StoreDurably());
        q.AddTrigger(t => t
            .WithIdentity(job.TriggerKey)
            .ForJob(job.Key)
            .WithSchedule(CronScheduleBuilder.Create(cron)
                .InTimeZone(TalentHubJobs.TimeZone)
                .WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));
    }
}
