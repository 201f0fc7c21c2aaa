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
    public void EveryJob_HasAValidDefaultCron(string name)
    {
        var job = TalentHubJobs.Find(name)!;

        Assert.Equal(job.DefaultCron, job.Cron(new ConfigurationBuilder().Build()));
    }

    /// <summary>
    /// admin30: /Admin/Jobs showed each job's key (e.g. <c>OutboxDispatch</c>) under its name. Every job of the table has
    /// a name and a description in both languages, neither of them a resource key or the job's key.
    /// </summary>
    [Fact]
    public void EveryJob_HasANameAndADescription_InBothLanguages_NeitherAKey()
    {
        var resources = new ResourceManager("TalentHub.Web.Resources.SharedResource", typeof(SharedResource).Assembly);
        foreach (var job in TalentHubJobs.All)
        {
            Assert.Equal($"Jobs.{job.Name}", job.NameKey);
            foreach (var culture in new[] { "zh-CN", "en" })
            {
                var displayName = resources.GetString(job.NameKey, CultureInfo.GetCultureInfo(culture));
                var description = resources.GetString(job.DescriptionKey, CultureInfo.GetCultureInfo(culture));
                foreach (var text in new[] { displayName, description })
                {
                    Assert.False(string.IsNullOrWhiteSpace(text), $"{job.Name} in {culture}");
                    Assert.DoesNotContain(job.Name, text!, StringComparison.OrdinalIgnoreCase);
                    Assert.DoesNotContain("Jobs.", text!, StringComparison.Ordinal);
                }
                Assert.NotEqual(displayName, description);
            }
        }
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
