using Quartz;
using TalentHub.Web.Data;
using TalentHub.Web.Services.Spreadsheets;

namespace TalentHub.Web.Jobs;

/// <summary>
/// Removes import batches left pending by a crash or a kill (untouched for <c>TalentHub:Import:PendingBatchMinutes</c>):
/// their rows were never visible, and removing them frees their ID numbers and credit codes (issue 8, item 9).
/// </summary>
[DisallowConcurrentExecution]
public sealed class ImportCleanupJob(ImportBatches batches, ImportOptions options) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        context.Result = JobResult.Of("ImportBatchesRemoved", await batches.DiscardAbandonedAsync(options.PendingBatchAge, cancellationToken));
}
