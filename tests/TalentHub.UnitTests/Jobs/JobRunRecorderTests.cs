using Quartz;
using TalentHub.Web.Jobs;

namespace TalentHub.UnitTests.Jobs;

public sealed class JobRunRecorderTests
{
    [Fact]
    public void Describe_Success_UsesTheJobsResult()
    {
        Assert.Equal("talenthub-20250301-183005.db", JobRunRecorder.Describe(" talenthub-20250301-183005.db ", null));
        Assert.Null(JobRunRecorder.Describe(null, null));
        Assert.Null(JobRunRecorder.Describe(42, null));
    }

    [Fact]
    public void Describe_Failure_GivesTheCauseTypeAndFirstLine()
    {
        var error = new JobExecutionException(new SchedulerException("Job threw an unhandled exception.",
            new InvalidDataException("Backup failed the integrity check\nrow 3 missing")));

        Assert.Equal("InvalidDataException: Backup failed the integrity check", JobRunRecorder.Describe("ignored", error));
        Assert.Equal(JobResult.Of("Cancelled"), JobRunRecorder.Describe(null, new JobExecutionException(new OperationCanceledException())));
    }

    [Fact]
    public void Describe_KeepsMessagesShort()
    {
        var message = JobRunRecorder.Describe(new string('x', 5000), null)!;

        Assert.Equal(JobRunRecorder.MaxMessageLength, message.Length);
    }
}
