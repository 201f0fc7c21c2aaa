using Quartz;
using TalentHub.Web.Services.Training;
using TalentHub.Web.Services.Notifications;

namespace TalentHub.Web.Jobs;

/// <summary>Delivers queued notifications (in-app message + the configured sender).</summary>
[DisallowConcurrentExecution]
public sealed class OutboxDispatchJob(OutboxDispatcher dispatcher) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        context.Result = JobResult.Of("Delivered", await dispatcher.DispatchAsync(ct: cancellationToken));
}
