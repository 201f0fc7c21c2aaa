using Quartz;
using TalentHub.Web.Services;

namespace TalentHub.Web.Jobs;

/// <summary>
/// After a personal-data key rotation (README "Rotating personal-data keys"), re-encrypts rows written with older
/// key versions under the current one, in resumable batches (<see cref="PersonalDataRotation"/>). With nothing
/// left to rewrite a run changes nothing. Runs on one node at a time across the cluster.
/// </summary>
[DisallowConcurrentExecution]
public sealed class PersonalDataRotationJob(PersonalDataRotation rotation) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        context.Result = JobResult.Of("ReEncrypted", await rotation.RunAsync(ct: cancellationToken));
}
