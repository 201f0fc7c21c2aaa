using Quartz;
using TalentHub.Web.Services.Training;

namespace TalentHub.Web.Jobs;

/// <summary>Queues a reminder to every confirmed trainee of each session starting within 24 hours (once per session).</summary>
[DisallowConcurrentExecution]
public sealed class SessionRemindersJob(CourseClock courses) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        context.Result = JobResult.Of("RemindersQueued", await courses.QueueSessionRemindersAsync(cancellationToken));
}
