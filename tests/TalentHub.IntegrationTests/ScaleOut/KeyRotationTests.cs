using TalentHub.IntegrationTests.Postgres;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using TalentHub.Web.Data;
using TalentHub.Web.Data.Cluster;
using TalentHub.Web.Jobs;
using TalentHub.Web.Infrastructure.Security;
using TalentHub.Web.Services;
using static TalentHub.IntegrationTests.Pages.People.PeopleTestData;

namespace TalentHub.IntegrationTests.ScaleOut;

/// <summary>
/// A personal-data key rotation on a running two-node cluster, as the README's operations section has it:
/// stage the new key on every node, make it current node by node, let the job re-encrypt the old rows.
/// At every step at least one node serves, and people are found by ID number on either node.
/// </summary>
[Collection(ScaleOutCollection.Name)]
public sealed class KeyRotationTests
{
    private const string NewKey = "dGFsZW50aHViLXJvdGF0ZWQta2V5LXZlcnNpb24tMiE=";

    private static Dictionary<string, string?> Keys(bool staged, int current) => staged
        ? new() { ["TalentHub:PersonalData:EncryptionKeys:2"] = NewKey, ["TalentHub:PersonalData:CurrentVersion"] = current.ToString() }
        : new();

    /// <summary>Version 1 retired (its setting emptied): the new key alone, as version 2.</summary>
    private static readonly Dictionary<string, string?> Retired = new()
    {
        ["TalentHub:PersonalData:EncryptionKey"] = "",
        ["TalentHub:PersonalData:EncryptionKeys:2"] = NewKey,
    };

    /// <summary>Identity tokens (authenticator secrets, recovery codes) not yet under version 2.</summary>
    private const string OldSecrets = "SELECT count(*) FROM \"AspNetUserTokens\" WHERE \"Value\" NOT LIKE 'v2:%'";

    /// <summary>Key-ring keys still wrapped under version 1 (as the rotation reads the stored XML).</summary>
    private static Task<int> OldRingAsync(ClusterNode node) => node.QueryAsync(async db =>
        (await db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync()).SelectMany(KeyRingRewrap.Versions).Count(v => v == 1));

    private static Exception? Innermost(Exception? error)
    {
        while (error is not null and not PersonalDataKeyStillInUseException && error.InnerException is { } inner) error = inner;
        return error;
    }

    private static async Task<ClusterNode> StartAsync(ClusterDatabase database, string name, Dictionary<string, string?> keys)
    {
        var node = new ClusterNode(database.ConnectionString, name, keys);
        node.NewClient().Dispose();
        return node;
    }

    [PostgresFact]
    public async Task ARotation_WithTheClusterServing_ReEncryptsOldRows_AndLookupsWorkThroughout()
    {
        using var database = new ClusterDatabase();
        // 1. Old key everywhere, new key staged on B (not yet used for writing).
        var a = await StartAsync(database, "A1", Keys(staged: false, 1));
        var b = await StartAsync(database, "B1", Keys(staged: true, 1));
        try
        {
            var old = await CreateAsync(b, "旧密钥");
            // 2. A restarts with the new key current; B still writes with the old one. Both read both.
            await a.DisposeAsync();
            a = await StartAsync(database, "A2", Keys(staged: true, 2));
            var fresh = await CreateAsync(a, "新密钥");
            Assert.StartsWith("v1:", await StoredIdAsync(database, old.Name));
            Assert.StartsWith("v2:", await StoredIdAsync(database, fresh.Name));
            await AssertFoundAsync(b, fresh);
            await AssertFoundAsync(a, old);
            // A staff member signed in (password + TOTP) through A before the job.
            var jar = new CookieContainer();
            await a.LoginAsync("anji.clerk", client: a.NewClient(jar));
            // 3. B restarts with the new key current; the job re-encrypts every old row on whichever node runs it.
            await b.DisposeAsync();
            b = await StartAsync(database, "B2", Keys(staged: true, 2));
            var outdated = await database.ScalarAsync("SELECT count(*) FROM \"People\" WHERE \"IdNumber\" LIKE 'v1:%'");
            var secretsBefore = await database.ScalarAsync(OldSecrets);
            var ringBefore = await OldRingAsync(b);
            // Retiring version 1 now is refused at start: rows, secrets and the key ring still use it.
            await using (var early = new ClusterNode(database.ConnectionString, "R1", Retired))
            {
                var stillInUse = Assert.IsType<PersonalDataKeyStillInUseException>(Innermost(Record.Exception(() => early.NewClient())));
                Assert.Contains(stillInUse.Uses, u => u.StartsWith("AspNetUserTokens: ", StringComparison.Ordinal));
                Assert.Contains(stillInUse.Uses, u => u.StartsWith("People: ", StringComparison.Ordinal));
            }
            await RunRotationJobAsync(b);

            Assert.True(outdated > 300, $"{outdated} rows under the old key before the job");
            Assert.Equal(0, await database.ScalarAsync("SELECT count(*) FROM \"People\" WHERE \"IdNumber\" NOT LIKE 'v2:%' " +
                "OR \"Mobile\" NOT LIKE 'v2:%' OR \"Email\" NOT LIKE 'v2:%'"));
            Assert.Equal(0, await a.QueryAsync(db => new PersonalDataRotation(db, db.Protector).CountOutdatedAsync()));
            await AssertFoundAsync(a, old);
            await AssertFoundAsync(b, fresh);
            Assert.True(secretsBefore > 0 && ringBefore > 0, $"{secretsBefore} secrets, {ringBefore} ring keys under the old key");
            Assert.Equal(0, await database.ScalarAsync(OldSecrets));
            Assert.Equal(0, await OldRingAsync(a));
            // 4. Version 1 retired: a node with the new key only starts, the session signed in on A before the
            //    job still holds on it, and staff sign in with their authenticator on it and on A.
            await using (var retired = await StartAsync(database, "R2", Retired))
            {
                Assert.Equal(HttpStatusCode.OK, (await retired.NewClient(jar).GetAsync("/People")).StatusCode);
                await AssertFoundAsync(retired, old);
                await AssertFoundAsync(retired, fresh);
            }
            // A node that never got the new key is refused: it could not read what the others now write.
            await using var behind = new ClusterNode(database.ConnectionString, "C", Keys(staged: false, 1));
            var refusal = Record.Exception(() => behind.NewClient());
            Assert.Contains("encryption:v2", refusal?.ToString() ?? "");
        }
        finally
        {
            await a.DisposeAsync();
            await b.DisposeAsync();
        }
    }

    private static async Task<(string Name, string IdNumber)> CreateAsync(ClusterNode node, string prefix)
    {
        var client = await node.LoginAsync("anji.clerk");
        var (name, id) = (NewName(prefix), NewIdNumber(YuCun).Value);
        var response = await client.PostFormAsync("/People/Create", CreateForm(name, id, NewMobile()));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return (name, id);
    }

    /// <summary>The registry search by ID number (a keyed-hash lookup) finds the person, and their page decrypts.</summary>
    private static async Task AssertFoundAsync(ClusterNode node, (string Name, string IdNumber) person)
    {
        var client = await node.LoginAsync("anji.clerk");
        var list = await client.GetStringAsync("/People?Q=" + person.IdNumber);
        Assert.Contains(person.Name, list);
        var id = await node.QueryAsync(db => db.People.Where(p => p.Name == person.Name).Select(p => p.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/People/{id}")).StatusCode);
    }

    private static async Task<string> StoredIdAsync(ClusterDatabase database, string name)
    {
        await using var connection = new Npgsql.NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("SELECT \"IdNumber\" FROM \"People\" WHERE \"Name\" = @name", connection);
        command.Parameters.AddWithValue("name", name);
        return (string)(await command.ExecuteScalarAsync())!;
    }

    private static async Task RunRotationJobAsync(ClusterNode node)
    {
        var since = DateTimeOffset.UtcNow.AddSeconds(-1);
        var scheduler = await node.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await scheduler.TriggerJob(TalentHubJobs.Find("PersonalDataRotation")!.Key);
        var deadline = DateTime.UtcNow.AddMinutes(3); // polled; a bound for a loaded CI machine
        JobRun? run = null;
        while (run is null && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250);
            run = await node.QueryAsync(db => db.JobRuns.AsNoTracking()
                .FirstOrDefaultAsync(r => r.JobName == "PersonalDataRotation" && r.StartedAt >= since));
        }
        Assert.NotNull(run);
        Assert.True(run.Succeeded, run.Message);
    }
}
