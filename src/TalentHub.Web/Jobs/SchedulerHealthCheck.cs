using Microsoft.Extensions.Diagnostics.HealthChecks;
using Quartz;

namespace TalentHub.Web.Jobs;

/// <summary>"scheduler": Unhealthy unless the Quartz scheduler is running (healthy when disabled by configuration).</summary>
public sealed class SchedulerHealthCheck(ISchedulerFactory factory, IConfiguration configuration) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!JobsServiceCollectionExtensions.IsEnabled(configuration))
            return HealthCheckResult.Healthy("Scheduler disabled by configuration (Quartz:Enabled=false).");
        try
        {
            var scheduler = await factory.GetScheduler(cancellationToken);
            var status = scheduler.Status;
            return status == SchedulerStatus.Running
                ? HealthCheckResult.Healthy($"Scheduler {scheduler.SchedulerName} is running.")
                : HealthCheckResult.Unhealthy($"Scheduler {scheduler.SchedulerName} is {status}.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("Scheduler unavailable.", ex);
        }
    }
}
