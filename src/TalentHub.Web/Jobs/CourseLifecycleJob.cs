using Quartz;
using TalentHub.Web.Services.Training;

namespace TalentHub.Web.Jobs;

/// <summary>Opens and closes enrollment windows and starts and completes courses whose time has come.</summary>
[DisallowConcurrentExecution]
public sealed class CourseLifecycleJob(CourseClock courses) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        context.Result = JobResult.Of("StatusChanges", await courses.AdvanceCoursesAsync(cancellationToken));
}
