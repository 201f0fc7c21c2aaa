using Quartz;
using TalentHub.Web.Domain.Reports;
using TalentHub.Web.Services.Reports;

namespace TalentHub.Web.Jobs;

/// <summary>Nightly: writes every county's year-to-date indicators for the Shanghai day that just ended (idempotent).</summary>
[DisallowConcurrentExecution]
public sealed class IndicatorSnapshotJob(ReportsService reports, TimeProvider clock) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var yesterday = ReportPeriod.DayOf(clock.GetUtcNow()).AddDays(-1);
        context.Result = JobResult.Of("SnapshotRows", await reports.WriteSnapshotAsync(yesterday, cancellationToken));
    }
}
