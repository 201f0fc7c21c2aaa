using Quartz;
using TalentHub.Web.Services.Training;

namespace TalentHub.Web.Jobs;

/// <summary>
/// Opens and closes enrollment windows, starts and completes courses whose time has come, decides
/// each trainee of a completed course (Completed / NotCompleted) and warns at-risk trainees once.
/// </summary>
[DisallowConcurrentExecution]
public sealed class CourseLifecycleJob(CourseClock courses, CompletionService completion) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var moves = await courses.AdvanceCoursesAsync(cancellationToken);
        var decided = await completion.CompleteDueAsync(cancellationToken);
        await completion.WarnAtRiskAsync(cancellationToken);
        context.Result = JobResult.Of("StatusChanges", moves + decided);
    }
}
