using Microsoft.Data.Sqlite;
using Npgsql;
using Quartz;
using TalentHub.Web.Data;
using TalentHub.Web.Infrastructure;

namespace TalentHub.Web.Jobs;

/// <summary>Registers Quartz and the scheduled jobs; every trigger's cron runs in Asia/Shanghai (<see cref="TalentHubJobs.TimeZone"/>).</summary>
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
                    store.UseClustering(c => ConfigureCheckin(c, configuration));
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

    /// <summary>
    /// The cluster check-in (PostgreSQL only), Quartz's defaults unless configured: <c>TalentHub:Jobs:ClusterCheckinSeconds</c>
    /// is how often a node records that it is alive (default 7.5 s), <c>TalentHub:Jobs:ClusterCheckinMisfireSeconds</c> how
    /// long past a missed check-in the other nodes wait before recovering its jobs (default 7.5 s). A node killed mid-job is
    /// taken over after about their sum; shorter values detect it sooner for more database traffic. Tests of a killed node
    /// set both to 1 s so the survivor takes over within seconds instead of a quarter of a minute.
    /// </summary>
    private static void ConfigureCheckin(ClusteringOptions clustering, IConfiguration configuration)
    {
        if (Seconds(configuration, "TalentHub:Jobs:ClusterCheckinSeconds") is { } interval) clustering.CheckinInterval = interval;
        if (Seconds(configuration, "TalentHub:Jobs:ClusterCheckinMisfireSeconds") is { } threshold) clustering.CheckinMisfireThreshold = threshold;
    }

    /// <summary>A positive number of seconds (invariant culture) at <paramref name="key"/>, or null when it is not set.</summary>
    private static TimeSpan? Seconds(IConfiguration configuration, string key) =>
        configuration[key] is not { Length: > 0 } text ? null
        : double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var seconds) && seconds > 0
            ? TimeSpan.FromSeconds(seconds)
            : throw new InvalidOperationException($"Configuration '{key}' = '{text}' is not a positive number of seconds.");

    private static void Register(IQuartzBuilder q, JobDefinition job, IConfiguration configuration)
    {
        var cron = job.Cron(configuration);
        q.AddJob(job.JobType, j => j
            .WithIdentity(job.Key)
            .WithDescription(job.NameKey)
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
