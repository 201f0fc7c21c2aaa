using TalentHub.IntegrationTests.Postgres;
using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using TalentHub.Web.Data;
using TalentHub.Web.Data.Cluster;
using TalentHub.Web.Jobs;

namespace TalentHub.IntegrationTests.ScaleOut;

/// <summary>The cluster's scheduler fires each schedule once, and a node with other keys cannot join.</summary>
[Collection(ScaleOutCollection.Name)]
public sealed class ClusterKeysAndJobsTests(TwoNodeCluster cluster)
{
    /// <summary>Notes which node ran which scheduled fire time of which job.</summary>
    private sealed class FireLog(string node, ConcurrentBag<(string Job, DateTimeOffset? Scheduled, string Node)> fires) : IJobListener
    {
        public string Name => "test.fire-log." + node;
        public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken ct = default)
        {
            fires.Add((context.JobDetail.Key.Name, context.ScheduledFireTimeUtc, node));
            return ValueTask.CompletedTask;
        }
        public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken ct = default) => ValueTask.CompletedTask;
        public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken ct = default) =>
            ValueTask.CompletedTask;
    }

    [PostgresFact]
    public async Task AScheduledJob_FiresOncePerScheduleAcrossBothNodes()
    {
        var fires = new ConcurrentBag<(string Job, DateTimeOffset? Scheduled, string Node)>();
        var schedulers = new List<IScheduler>();
        foreach (var node in new[] { cluster.A, cluster.B })
        {
            var scheduler = await node.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
            Assert.True((await scheduler.GetMetadata()).JobStoreClustered);
            scheduler.ListenerManager.AddJobListener(new FireLog(node.Name, fires), GroupMatcher<JobKey>.AnyGroup());
            schedulers.Add(scheduler);
        }
        try
        {
            // OutboxDispatch fires every 2 s on the cluster: watch six of its schedules go by (polled; bounded at 3 min for a loaded CI machine).
            var deadline = DateTime.UtcNow.AddMinutes(3);
            while (Scheduled(fires).Distinct().Count() < 6 && DateTime.UtcNow < deadline) await Task.Delay(250);
        }
        finally
        {
            foreach (var (scheduler, node) in schedulers.Zip(["A", "B"]))
                scheduler.ListenerManager.RemoveJobListener("test.fire-log." + node);
        }

        var scheduled = Scheduled(fires).ToList();
        Assert.True(scheduled.Distinct().Count() >= 6, $"only {scheduled.Distinct().Count()} schedules fired");
        Assert.Equal(scheduled.Distinct().Count(), scheduled.Count);
        Assert.Equal(2, await cluster.Database.ScalarAsync("SELECT count(*) FROM qrtz_scheduler_state"));
    }

    private static IEnumerable<DateTimeOffset?> Scheduled(IEnumerable<(string Job, DateTimeOffset? Scheduled, string Node)> fires) =>
        fires.Where(f => f.Job == TwoNodeCluster.FastJob).Select(f => f.Scheduled);

    [PostgresFact]
    public async Task ANodeWithOtherKeys_IsRefusedAtStart_WritesNothing_AndTheOthersKeepServing()
    {
        var before = await Counts();
        var keys = new Dictionary<string, string?>
        {
            ["TalentHub:PersonalData:EncryptionKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
            ["TalentHub:PersonalData:HashKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
        };
        await using var stranger = new ClusterNode(cluster.Database.ConnectionString, "C", keys);

        var error = Record.Exception(() => stranger.NewClient());

        Assert.NotNull(error);
        var refusal = Assert.IsType<PersonalDataKeyMismatchException>(Innermost(error));
        Assert.Contains("refuses to start", refusal.Message);
        Assert.Contains(refusal.Problems, p => p.StartsWith("hash:", StringComparison.Ordinal));
        Assert.Equal(before, await Counts());
        var client = await cluster.A.LoginAsync("anji.clerk");
        var person = await cluster.A.PersonIdInCountyAsync("330523");
        var page = await client.GetAsync($"/People/{person}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal((HttpStatusCode.OK, "Healthy"), await cluster.B.HealthAfterStartAsync());
    }

    private async Task<string> Counts() => string.Join(",",
        await cluster.Database.ScalarAsync("SELECT count(*) FROM \"People\""),
        await cluster.Database.ScalarAsync("SELECT count(*) FROM \"KeyFingerprints\""),
        await cluster.Database.ScalarAsync("SELECT count(*) FROM \"AspNetRoles\""),
        await cluster.Database.ScalarAsync("SELECT count(*) FROM \"DataProtectionKeys\""),
        await cluster.Database.ScalarAsync("SELECT count(*) FROM \"__EFMigrationsHistory\""));

    private static Exception Innermost(Exception error)
    {
        while (error is not PersonalDataKeyMismatchException && error.InnerException is { } inner) error = inner;
        return error;
    }
}
