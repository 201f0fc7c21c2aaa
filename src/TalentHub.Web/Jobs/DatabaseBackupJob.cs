using Microsoft.Extensions.Options;
using Quartz;
using TalentHub.Web.Data;
using TalentHub.Web.Infrastructure;

namespace TalentHub.Web.Jobs;

/// <summary>
/// Nightly online backup of the SQLite database into the data directory's backups folder. On PostgreSQL the
/// database is dumped by the operator's pg_dump (README "Backups"): the job then checks the last dump's age
/// and fails, visibly on /Admin/Jobs, when it is missing or too old.
/// </summary>
[DisallowConcurrentExecution]
public sealed partial class DatabaseBackupJob(
    DataDirectory data,
    IConfiguration configuration,
    IOptionsMonitor<TalentHubOptions> options,
    TimeProvider time,
    BackupAge backupAge,
    ILogger<DatabaseBackupJob> logger) : IJob
{
    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        if (configuration.UsesPostgres())
        {
            if (backupAge.Problem() is { } problem) throw new InvalidOperationException(problem);
            LogPostgres(logger);
            context.Result = JobResult.Of("PostgresBackup");
            return ValueTask.CompletedTask;
        }

        var keep = options.CurrentValue.Backup.Keep;
        var file = SqliteBackup.Run(data.AppDatabase, data.Backups, keep, time.GetUtcNow(), cancellationToken);
        var name = Path.GetFileName(file);
        LogWritten(logger, name, keep);
        context.Result = name;
        return ValueTask.CompletedTask;
    }

    [LoggerMessage(LogLevel.Information, "On PostgreSQL the operator's pg_dump backs up the database; its last backup is recent.")]
    private static partial void LogPostgres(ILogger logger);

    [LoggerMessage(LogLevel.Information, "Database backup written to {File}; keeping the newest {Keep}.")]
    private static partial void LogWritten(ILogger logger, string file, int keep);
}
