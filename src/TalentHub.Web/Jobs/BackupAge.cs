using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using TalentHub.Web.Data;
using TalentHub.Web.Infrastructure;

namespace TalentHub.Web.Jobs;

/// <summary>
/// On PostgreSQL the app does not back itself up: the operator's pg_dump (README "Backups") writes or touches
/// <c>TalentHub:Backup:Marker</c> after each good dump, and this reads how old that is.
/// </summary>
public sealed class BackupAge(IOptionsMonitor<TalentHubOptions> options, TimeProvider clock)
{
    /// <summary>Null when the last backup is recent enough; otherwise why not (no marker configured, none written, too old).</summary>
    public string? Problem()
    {
        var backup = options.CurrentValue.Backup;
        if (string.IsNullOrWhiteSpace(backup.Marker))
            return "TalentHub:Backup:Marker is not configured: nothing tells when pg_dump last succeeded.";
        if (!File.Exists(backup.Marker)) return $"No backup marker at {backup.Marker}: pg_dump has not succeeded yet.";
        var age = clock.GetUtcNow() - File.GetLastWriteTimeUtc(backup.Marker);
        return age.TotalHours > backup.MaxAgeHours
            ? $"The last pg_dump backup is {age.TotalHours:F0} h old (more than {backup.MaxAgeHours} h)."
            : null;
    }
}

/// <summary>"backup": on PostgreSQL, Degraded when the last pg_dump is missing or older than MaxAgeHours; on SQLite the job backs up.</summary>
public sealed class BackupHealthCheck(IConfiguration configuration, BackupAge age) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(!configuration.UsesPostgres() ? HealthCheckResult.Healthy("SQLite is backed up by the DatabaseBackup job.")
            : age.Problem() is { } problem ? HealthCheckResult.Degraded(problem)
            : HealthCheckResult.Healthy("The last pg_dump backup is recent."));
}
