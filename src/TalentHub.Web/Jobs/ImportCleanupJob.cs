using Quartz;
using TalentHub.Web.Data;
using TalentHub.Web.Services.Spreadsheets;

namespace TalentHub.Web.Jobs;

/// <summary>
/// Removes import batches left pending by a crash or a kill — at once when their owner is provably gone, else once
/// untouched for <c>TalentHub:Import:PendingBatchMinutes</c> (<see cref="ImportBatches.SweepAsync"/>): their rows were never
/// visible, and removing them frees their ID numbers and credit codes (issue 8, item 9). Also prunes create forms' one-time
/// tokens older than <see cref="FormSubmission.RetentionDays"/> (<see cref="FormSubmission.PruneAsync"/>; fix22: they were
/// kept forever). The result counts the batches; the pruned tokens are logged.
/// </summary>
[DisallowConcurrentExecution]
public sealed class ImportCleanupJob(ImportBatches batches, ImportOptions options, TalentHubDbContext db, TimeProvider clock,
    ILogger<ImportCleanupJob> log) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var removed = await batches.SweepAsync(options.PendingBatchAge, cancellationToken);
        var pruned = await FormSubmission.PruneAsync(db, clock.GetUtcNow(), cancellationToken);
        if (pruned > 0) log.LogInformation("Pruned {Count} form submission tokens older than {Days} days", pruned, FormSubmission.RetentionDays);
        context.Result = JobResult.Of("ImportBatchesRemoved", removed);
    }
}
