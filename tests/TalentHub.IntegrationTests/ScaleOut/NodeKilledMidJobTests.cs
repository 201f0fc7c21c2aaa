using System.Runtime.InteropServices;
using Xunit.Abstractions;
using Microsoft.EntityFrameworkCore;
using TalentHub.Benchmarks.Http;
using TalentHub.IntegrationTests.Postgres;

namespace TalentHub.IntegrationTests.ScaleOut;

/// <summary>
/// Issue 15 item 4: a node killed (SIGKILL) in the middle of a job has its work picked up by another node of the
/// cluster, without double effects. Node A is the real app as a child process (<c>dotnet TalentHub.Web.dll</c>) on
/// the test PostgreSQL; B an in-process host started after A died, on the same database and data folder (so both
/// write one notifications.log, as nodes on shared storage would).
/// </summary>
[Collection(ScaleOutCollection.Name)]
public sealed class NodeKilledMidJobTests(ITestOutputHelper output)
{
    private const int Messages = 1500;
    private const string KeyPrefix = "killed-node:";
    /// <summary>Both nodes' cluster check-in interval and misfire threshold (seconds): the take-over comes after about their sum.</summary>
    private const string CheckinSeconds = "1";
    private const string Admin = "killed.admin";

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int signal);

    private const int SigStop = 19;
    private const int SigCont = 18;

    [PostgresFact]
    public async Task ANodeKilledMidDispatch_HasItsWorkFinishedByAnother_EachMessageWrittenOnce()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        void Phase(string what) => output.WriteLine($"{clock.Elapsed.TotalSeconds,6:0.0} s  {what}");
        using var database = new ClusterDatabase();
        var shared = Path.Combine(Path.GetTempPath(), "talenthub-killed-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(shared);
        var log = Path.Combine(shared, "notifications.log");
        try
        {
            // 1. Node A (a child process) migrates, creates its first admin, and dispatches the outbox every second.
            var a = await ServerProcess.StartAsync(WebDll(), Path.GetDirectoryName(WebDll())!, new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["Database__Provider"] = "Postgres",
                ["ConnectionStrings__Postgres"] = database.ConnectionString,
                ["TalentHub__DataDirectory"] = shared,
                // No demo data: seeding it on PostgreSQL took A 130 s to start on a loaded machine (12 s without). The
                // messages go to the first admin, the one account an empty database gets.
                ["TalentHub__SeedDemoData"] = "false",
                ["TalentHub__Admin__UserName"] = Admin,
                ["TalentHub__Admin__Password"] = "Qz8#mountain-river-tea-7421",
                ["TalentHub__PersonalData__EncryptionKey"] = TalentHubFactory.TestEncryptionKey,
                ["TalentHub__PersonalData__HashKey"] = TalentHubFactory.TestHashKey,
                ["TalentHub__Jobs__OutboxDispatchCron"] = "* * * * * ?",
                // Check in every second, so B may write A off 1 s after its last check-in (Quartz's defaults: 7.5 s + 7.5 s).
                ["TalentHub__Jobs__ClusterCheckinSeconds"] = CheckinSeconds,
                ["TalentHub__Jobs__ClusterCheckinMisfireSeconds"] = CheckinSeconds,
                ["Logging__LogLevel__Default"] = "Warning",
            }, "/Identity/Account/Login");
            Phase($"node A answers (started in {a.Startup.TotalSeconds:0.0} s)");
            var killedMidJob = false;
            try
            {
                await database.ScalarAsync(
                    "INSERT INTO \"Outbox\" (\"Key\", \"PersonId\", \"UserId\", \"Kind\", \"CreatedAt\", \"Attempts\") " +
                    $"SELECT '{KeyPrefix}' || g, NULL, (SELECT \"Id\" FROM \"AspNetUsers\" WHERE \"UserName\" = '{Admin}'), 'EnrollmentConfirmed', now(), 0 " +
                    $"FROM generate_series(1, {Messages}) g RETURNING 0");
                // 2. Once A has written a good part, freeze it; kill it only while it holds the running job.
                for (var attempt = 0; attempt < 2000 && !killedMidJob; attempt++)
                {
                    await Task.Delay(20);
                    if (Written(log).Count < Messages / 5) continue;
                    Assert.Equal(0, kill(a.Id, SigStop));
                    if (await database.ScalarAsync("SELECT count(*) FROM qrtz_fired_triggers WHERE job_name = 'OutboxDispatch' AND state = 'EXECUTING'") > 0)
                    {
                        System.Diagnostics.Process.GetProcessById(a.Id).Kill(); // SIGKILL
                        killedMidJob = true;
                    }
                    else Assert.Equal(0, kill(a.Id, SigCont));
                }
            }
            finally
            {
                await a.DisposeAsync();
            }
            Assert.True(killedMidJob, "node A was never caught running the dispatch");
            var writtenByA = Written(log).Count;
            var leftByA = await Undelivered(database);
            Phase($"node A killed mid-dispatch after writing {writtenByA}");

            // 3. Node B starts on the same database and folder: Quartz recovers A's job, the schedule carries on.
            await using var b = new ClusterNode(database.ConnectionString, "B", new Dictionary<string, string?>
            {
                ["TalentHub:DataDirectory"] = shared,
                ["TalentHub:SeedDemoData"] = "false",
                ["TalentHub:Jobs:OutboxDispatchCron"] = "* * * * * ?",
                ["TalentHub:Jobs:ClusterCheckinSeconds"] = CheckinSeconds,
                ["TalentHub:Jobs:ClusterCheckinMisfireSeconds"] = CheckinSeconds,
            });
            b.NewClient().Dispose();
            Phase("node B answers");
            for (var i = 0; i < 600 && await Undelivered(database) > 0; i++) await Task.Delay(200);
            Phase($"node B finished the outbox ({await Undelivered(database)} left)");

            Assert.InRange(writtenByA, Messages / 5, Messages - 1);
            Assert.True(leftByA > 0, "A finished everything before it was killed");
            Assert.Equal(0, await Undelivered(database));
            var keys = Written(log);
            Assert.Equal(Messages, keys.Count);
            Assert.Equal(Messages, keys.Distinct().Count());
            Assert.Equal(Messages, await database.ScalarAsync("SELECT count(*) FROM \"Messages\" m JOIN \"Outbox\" o ON o.\"Id\" = m.\"NotificationId\" " +
                $"WHERE o.\"Key\" LIKE '{KeyPrefix}%'"));
            // The dead node left the cluster; every recorded run of the job succeeded (A's killed run recorded nothing).
            Assert.Equal(1, await database.ScalarAsync("SELECT count(*) FROM qrtz_scheduler_state"));
            Assert.Equal(1000, await database.ScalarAsync("SELECT checkin_interval FROM qrtz_scheduler_state")); // B took the setting (ms)
            Assert.Equal(0, await database.ScalarAsync("SELECT count(*) FROM \"JobRuns\" WHERE \"JobName\" = 'OutboxDispatch' AND NOT \"Succeeded\""));
            Assert.True(await database.ScalarAsync("SELECT count(*) FROM \"JobRuns\" WHERE \"JobName\" = 'OutboxDispatch' AND \"Succeeded\"") > 0);
        }
        finally
        {
            Directory.Delete(shared, recursive: true);
        }
    }

    private static Task<long> Undelivered(ClusterDatabase database) =>
        database.ScalarAsync($"SELECT count(*) FROM \"Outbox\" WHERE \"DeliveredAt\" IS NULL AND \"Key\" LIKE '{KeyPrefix}%'");

    /// <summary>The test's outbox keys in the file sender's log, one per line written.</summary>
    private static List<string> Written(string log)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (!File.Exists(log)) return [];
            try
            {
                // The sender holds the file's lock for each append (milliseconds): read between two.
                using var stream = new FileStream(log, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
                using var reader = new StreamReader(stream);
                return reader.ReadToEnd().Split('\n').Select(l => l.Split('\t'))
                    .Where(f => f.Length > 1 && f[1].StartsWith("key:" + KeyPrefix, StringComparison.Ordinal)).Select(f => f[1][4..]).ToList();
            }
            catch (IOException) when (attempt < 500)
            {
                Thread.Sleep(5);
            }
        }
    }

    /// <summary>The built app next to the tests in the repository (src/TalentHub.Web/bin/{configuration}/net10.0).</summary>
    private static string WebDll()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "TalentHub.sln"))) dir = dir.Parent;
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name; // bin/{configuration}/net10.0
        return Path.Combine(dir!.FullName, "src", "TalentHub.Web", "bin", configuration, "net10.0", "TalentHub.Web.dll");
    }
}
