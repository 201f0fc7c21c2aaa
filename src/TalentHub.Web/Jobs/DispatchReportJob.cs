using Quartz;
using TalentHub.Web.Domain.Reports;
using TalentHub.Web.Services.Reports;

namespace TalentHub.Web.Jobs;

/// <summary>On the 1st of each month: issues the dispatch report of the month before (an issued report is left as it is).</summary>
[DisallowConcurrentExecution]
public sealed class DispatchReportJob(DispatchService dispatch, TimeProvider clock) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var last = ReportPeriod.DayOf(clock.GetUtcNow()).AddMonths(-1);
        var report = await dispatch.IssueAsync(last.Year, last.Month, null, regenerate: false, cancellationToken);
        context.Result = report.Month;
    }
}
