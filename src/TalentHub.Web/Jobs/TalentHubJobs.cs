using Quartz;
using TalentHub.Web.Infrastructure;

namespace TalentHub.Web.Jobs;

/// <summary>One scheduled job: its key, its class, the resource keys of its name and description and where its cron comes from.</summary>
/// <param name="Name">The job's (and its trigger's) key name in group <see cref="TalentHubJobs.Group"/>; also <c>JobRun.JobName</c>.</param>
/// <param name="JobType">The <see cref="IJob"/> class.</param>
/// <param name="NameKey">Resource key of the job's display name ("Jobs.&lt;Name&gt;"); its description is <see cref="DescriptionKey"/>.</param>
/// <param name="CronKey">Configuration key holding the Quartz cron expression (seconds first, Asia/Shanghai).</param>
/// <param name="DefaultCron">Used when <paramref name="CronKey"/> is not configured.</param>
public sealed record JobDefinition(string Name, Type JobType, string NameKey, string CronKey, string DefaultCron)
{
    /// <summary>Resource key of the one-sentence description of what the job does ("Jobs.&lt;Name&gt;.Description").</summary>
    public string DescriptionKey => NameKey + ".Description";

    public JobKey Key => new(Name, TalentHubJobs.Group);
    public TriggerKey TriggerKey => new(Name, TalentHubJobs.Group);

    /// <summary>The configured cron, or the default; an invalid expression fails start-up with the key to fix.</summary>
    public string Cron(IConfiguration configuration)
    {
        var cron = configuration[CronKey];
        cron = string.IsNullOrWhiteSpace(cron) ? DefaultCron : cron.Trim();
        return CronExpression.TryParse(cron, out _)
            ? cron
            : throw new InvalidOperationException($"Configuration '{CronKey}' = '{cron}' is not a valid Quartz cron expression.");
    }
}

/// <summary>
/// THE table of every scheduled job and its schedule. To add a job: write <c>&lt;Name&gt;Job : IJob</c> in this folder,
/// add one row here and the "Jobs.&lt;Name&gt;" and "Jobs.&lt;Name&gt;.Description" resource strings (both languages). Registration, the persistent store, the run log
/// (<c>JobRuns</c>) and the /Admin/Jobs console all read this table.
/// Cron expressions are Quartz's (seconds minutes hours day-of-month month day-of-week) in China Standard Time.
/// </summary>
public static class TalentHubJobs
{
    public const string Group = "TalentHub";

    public static readonly IReadOnlyList<JobDefinition> All =
    [
        Job<DatabaseBackupJob>("DatabaseBackup", "Jobs.DatabaseBackup",
            $"{TalentHubOptions.Section}:Backup:Cron", new TalentHubOptions.BackupOptions().Cron),
        Job<CourseLifecycleJob>("CourseLifecycle", "Jobs.CourseLifecycle", "TalentHub:Jobs:CourseLifecycleCron", "0 * * * * ?"),
        Job<SessionRemindersJob>("SessionReminders", "Jobs.SessionReminders", "TalentHub:Jobs:SessionRemindersCron", "0 */10 * * * ?"),
        Job<CertificateIssueJob>("CertificateIssue", "Jobs.CertificateIssue", "TalentHub:Jobs:CertificateIssueCron", "30 */5 * * * ?"),
        Job<FollowUpTasksJob>("FollowUpTasks", "Jobs.FollowUpTasks", "TalentHub:Jobs:FollowUpTasksCron", "0 15 1 * * ?"),
        Job<IndicatorSnapshotJob>("IndicatorSnapshot", "Jobs.IndicatorSnapshot", "TalentHub:Jobs:IndicatorSnapshotCron", "0 20 0 * * ?"),
        Job<DispatchReportJob>("DispatchReport", "Jobs.DispatchReport", "TalentHub:Jobs:DispatchReportCron", "0 0 6 1 * ?"),
        Job<OutboxDispatchJob>("OutboxDispatch", "Jobs.OutboxDispatch", "TalentHub:Jobs:OutboxDispatchCron", "*/30 * * * * ?"),
        Job<ImportCleanupJob>("ImportCleanup", "Jobs.ImportCleanup", "TalentHub:Jobs:ImportCleanupCron", "45 */5 * * * ?"),
        Job<PersonalDataRotationJob>("PersonalDataRotation", "Jobs.PersonalDataRotation", "TalentHub:Jobs:PersonalDataRotationCron", "0 12/15 * * * ?"),
    ];

    public static TimeZoneInfo TimeZone => ShanghaiTime.Zone;

    /// <summary>The job with this exact (case-sensitive) name, or null: /Admin/Jobs answers 404 for an unknown name.</summary>
    public static JobDefinition? Find(string? name) =>
        All.FirstOrDefault(j => string.Equals(j.Name, name, StringComparison.Ordinal));

    private static JobDefinition Job<TJob>(string name, string nameKey, string cronKey, string defaultCron)
        where TJob : IJob => new(name, typeof(TJob), nameKey, cronKey, defaultCron);
}
