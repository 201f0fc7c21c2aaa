using Microsoft.Extensions.Diagnostics.HealthChecks;
using Quartz;

namespace TalentHub.Web.Jobs;

/// <summary>
/// "scheduler": Healthy while the Quartz scheduler runs (or is disabled by configuration); Degraded (still 200 on
/// /healthz) while it is created or in standby, which is how every node starts: Quartz's hosted service starts the
/// scheduler only after the application has started, on the thread pool, so the first requests can come before it
/// runs (on a clustered PostgreSQL node it also checks in and recovers first). A starting node serves pages, so a load
/// balancer keeps routing to it. Unhealthy (503) when the scheduler is shutting down, shut down or unavailable.
/// </summary>
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
            return status switch
            {
                SchedulerStatus.Running => HealthCheckResult.Healthy($"Scheduler {scheduler.SchedulerName} is running."),
                SchedulerStatus.Created or SchedulerStatus.Standby => HealthCheckResult.Degraded($"Scheduler {scheduler.SchedulerName} is {status} (starting)."),
                _ => HealthCheckResult.Unhealthy($"Scheduler {scheduler.SchedulerName} is {status}."),
            };
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("Scheduler unavailable.", ex);
        }
    }
}
