using Quartz;
using TalentHub.Web.Services.Training;

namespace TalentHub.Web.Jobs;

/// <summary>Issues a numbered certificate (结业证书) to every Completed trainee who has none yet.</summary>
[DisallowConcurrentExecution]
public sealed class CertificateIssueJob(CertificateService certificates) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        context.Result = JobResult.Of("CertificatesIssued", await certificates.IssueDueAsync(cancellationToken));
}
