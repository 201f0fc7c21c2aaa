using System.Globalization;
using System.Resources;
using Microsoft.Extensions.Configuration;
using Quartz;
using TalentHub.Web;
using TalentHub.Web.Jobs;

namespace TalentHub.UnitTests.Jobs;

public sealed class TalentHubJobsTests
{
    public static TheoryData<string> JobNames => new(TalentHubJobs.All.Select(j => j.Name));

    [Fact]
    public void Table_HasUniqueNames_AndOnlyJobClasses()
    {
        Assert.NotEmpty(TalentHubJobs.All);
        Assert.Equal(TalentHubJobs.All.Count, TalentHubJobs.All.Select(j => j.Name).Distinct().Count());
        Assert.All(TalentHubJobs.All, j => Assert.True(typeof(IJob).IsAssignableFrom(j.JobType), j.Name));
    }

    [Theory]
    [MemberData(nameof(JobNames))]
    public void EveryJob_HasAValidDefaultCron_AndANameInBothLanguages(string name)
    {
        var job = TalentHubJobs.Find(name)!;
        var resources = new ResourceManager("TalentHub.Web.Resources.SharedResource", typeof(SharedResource).Assembly);

        Assert.Equal(job.DefaultCron, job.Cron(new ConfigurationBuilder().Build()));
        Assert.StartsWith("Jobs.", job.DescriptionKey, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(resources.GetString(job.DescriptionKey, CultureInfo.GetCultureInfo("zh-CN"))));
        Assert.False(string.IsNullOrEmpty(resources.GetString(job.DescriptionKey, CultureInfo.GetCultureInfo("en"))));
    }

    [Fact]
    public void BackupCron_ComesFromConfiguration()
    {
        var job = TalentHubJobs.Find("DatabaseBackup")!;
        var configuration = JobServices.Configuration(("TalentHub:Backup:Cron", "0 15 4 * * ?"));

        Assert.Equal("0 15 4 * * ?", job.Cron(configuration));
        Assert.Equal("0 30 2 * * ?", job.DefaultCron);
        Assert.True(job.JobType.IsDefined(typeof(DisallowConcurrentExecutionAttribute), inherit: true));
    }

    [Fact]
    public void InvalidCron_FailsNamingTheConfigurationKey()
    {
        var job = TalentHubJobs.Find("DatabaseBackup")!;

        var error = Assert.Throws<InvalidOperationException>(() => job.Cron(JobServices.Configuration(("TalentHub:Backup:Cron", "every night"))));

        Assert.Contains("TalentHub:Backup:Cron", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Find_UnknownName_ReturnsNull()
    {
        Assert.Null(TalentHubJobs.Find("NoSuchJob"));
        Assert.Null(TalentHubJobs.Find(null));
        Assert.Null(TalentHubJobs.Find("databasebackup"));
    }
}
