using Quartz;
using TalentHub.Web.Services.Training;

namespace TalentHub.Web.Jobs;

/// <summary>Creates the follow-up tasks due 3, 6 and 12 months after each completion.</summary>
[DisallowConcurrentExecution]
public sealed class FollowUpTasksJob(FollowUpService followUps) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        context.Result = JobResult.Of("FollowUpsCreated", await followUps.CreateDueAsync(cancellationToken));
}
