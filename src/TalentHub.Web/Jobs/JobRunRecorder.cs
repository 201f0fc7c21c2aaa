using Quartz;
using TalentHub.Web.Data;

namespace TalentHub.Web.Jobs;

/// <summary>
/// Writes one <see cref="JobRun"/> per execution of any job: the "last result" on /Admin/Jobs.
/// The message is the job's <c>context.Result</c> when it is a string (jobs keep it short and free of personal
/// data), otherwise the error's type and first line.
/// </summary>
public sealed partial class JobRunRecorder(IServiceScopeFactory scopes, TimeProvider time, ILogger<JobRunRecorder> logger) : IJobListener
{
    public const int MaxMessageLength = 500;

    public string Name => "TalentHub.JobRunRecorder";

    public async ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default)
    {
        var finished = time.GetUtcNow();
        var run = new JobRun
        {
            JobName = context.JobDetail.Key.Name,
            StartedAt = finished - context.JobRunTime,
            FinishedAt = finished,
            Succeeded = jobException is null,
            Message = Describe(context.Result, jobException),
        };
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TalentHubDbContext>();
            db.JobRuns.Add(run);
            // Not the scheduler's token: a run that finished during shutdown is still recorded.
            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch (Exception ex)
        {
            LogNotRecorded(logger, ex, run.JobName);
        }
    }

    /// <summary>
    /// The one-line result kept for /Admin/Jobs: the job's own result text, or for a failure the root cause's type and
    /// first message line (Quartz's wrappers removed; a cancellation as "Jobs.Result.Cancelled"), truncated with "…".
    /// </summary>
    public static string? Describe(object? result, Exception? error)
    {
        if (error is not null)
        {
            // Quartz wraps what the job threw (JobExecutionException around JobExecutionProcessException): report the cause.
            var cause = error;
            while (cause is SchedulerException { InnerException: { } inner }) cause = inner;
            if (cause is OperationCanceledException) return JobResult.Of("Cancelled");
            var firstLine = cause.Message.Split('\n', 2)[0].Trim();
            return Truncate($"{cause.GetType().Name}: {firstLine}");
        }
        return result is string text && !string.IsNullOrWhiteSpace(text) ? Truncate(text.Trim()) : null;
    }

    private static string Truncate(string text) => text.Length <= MaxMessageLength ? text : text[..(MaxMessageLength - 1)] + "…";

    [LoggerMessage(LogLevel.Error, "Could not record the run of job {Job}.")]
    private static partial void LogNotRecorded(ILogger logger, Exception exception, string job);
}
