using Microsoft.Extensions.Options;
using Quartz;
using TalentHub.Web.Data;
using TalentHub.Web.Infrastructure;

namespace TalentHub.Web.Jobs;

/// <summary>Nightly online backup of the SQLite database into the data directory's backups folder.</summary>
[DisallowConcurrentExecution]
public sealed partial class DatabaseBackupJob(
    DataDirectory data,
    IConfiguration configuration,
    IOptionsMonitor<TalentHubOptions> options,
    TimeProvider time,
    ILogger<DatabaseBackupJob> logger) : IJob
{
    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        if (configuration.UsesPostgres())
        {
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

    [LoggerMessage(LogLevel.Information, "Database backup skipped: on PostgreSQL, backups are the database's job (pg_dump, WAL archiving).")]
    private static partial void LogPostgres(ILogger logger);

    [LoggerMessage(LogLevel.Information, "Database backup written to {File}; keeping the newest {Keep}.")]
    private static partial void LogWritten(ILogger logger, string file, int keep);
}
