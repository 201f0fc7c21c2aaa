using Quartz;
using TalentHub.Web.Data;
using TalentHub.Web.Services.Spreadsheets;

namespace TalentHub.Web.Jobs;

/// <summary>
/// Removes import batches left pending by a crash or a kill — at once when their owner is provably gone, else once
/// untouched for <c>TalentHub:Import:PendingBatchMinutes</c> (<see cref="ImportBatches.SweepAsync"/>): their rows were never
/// visible, and removing them frees their ID numbers and credit codes (issue 8, item 9).
/// </summary>
[DisallowConcurrentExecution]
public sealed class ImportCleanupJob(ImportBatches batches, ImportOptions options) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        context.Result = JobResult.Of("ImportBatchesRemoved", await batches.SweepAsync(options.PendingBatchAge, cancellationToken));
}
