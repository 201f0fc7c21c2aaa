using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TalentHub.IntegrationTests.Pages.People;
using TalentHub.Web.Data;
using TalentHub.Web.Domain.Common;
using TalentHub.Web.Services.Spreadsheets;

namespace TalentHub.IntegrationTests.Postgres;

/// <summary>Review 5 leftover on PostgreSQL, where uploads are rows every node shares: one confirm per preview.</summary>
public sealed class PostgresDoubleConfirmTests(PostgresFactory app) : PostgresTest(app)
{
    [PostgresFact]
    public async Task APeopleImport_ConfirmedTwice_ImportsAndAuditsOnce_AndTheSecondSaysSo()
    {
        var prefix = "双" + Guid.NewGuid().ToString("N")[..4];
        var ids = Enumerable.Range(0, 2).Select(i => IdNumber.Create("330523", new DateOnly(1917, 5, 1).AddDays(i), 501 + i * 2, Sex.Male).Value).ToList();
        var csv = "姓名,身份证号,所在村（社区）,人才类别\r\n" + string.Concat(ids.Select((id, i) => $"{prefix}{i},{id},余村,高素质农民\r\n"));
        var client = await App.LoginAsync("anji.clerk");
        (await client.GetAsync("/People/Import?culture=en")).EnsureSuccessStatusCode();
        var file = DoubleConfirmTests.FileName("pg");
        var (_, html) = await client.ValidateAsync("/People/Import", Encoding.UTF8.GetBytes(csv), file);
        var token = ImportClient.TokenOf(html);
        Task<HttpResponseMessage> Confirm() => client.PostFormAsync("/People/Import?handler=Confirm", new() { ["Token"] = token }, formPage: "/People/Import");

        Assert.Equal(HttpStatusCode.Redirect, (await Confirm()).StatusCode);
        var second = await Confirm();

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains(DoubleConfirmTests.AlreadyConfirmed("en"), WebUtility.HtmlDecode(await second.Content.ReadAsStringAsync()));
        Assert.Equal(1, await App.QueryAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.Import && a.Changes!.Contains(file))));
        Assert.Equal(2, await App.QueryAsync(db => db.People.IgnoreQueryFilters([RegionFilter.Name]).CountAsync(p => p.Name.StartsWith(prefix))));
    }

    [PostgresFact]
    public async Task AnUpload_IsClaimedOnce_GivenBackWhole_AndRemembersItsConfirm()
    {
        App.NewClient().Dispose();
        var store = App.Services.GetRequiredService<IUploadStore>();
        var token = store.Save([1, 2, 3], "claim.csv", "user-a", "people");

        Assert.False(store.TryClaim(token, "user-b", "people"));
        Assert.False(store.TryClaim(token, "user-a", "entities"));
        Assert.True(store.TryClaim(token, "user-a", "people"));
        Assert.False(store.TryClaim(token, "user-a", "people"));
        Assert.Null(store.Load(token, "user-a", "people"));
        Assert.Equal(UploadState.Confirming, store.StateOf(token, "user-a", "people"));
        store.Release(token, "user-a", "people");
        Assert.Equal(UploadState.Open, store.StateOf(token, "user-a", "people"));
        Assert.Equal([1, 2, 3], store.Load(token, "user-a", "people")!.Bytes);
        Assert.True(store.TryClaim(token, "user-a", "people"));
        store.MarkConfirmed(token, "user-a", "people");
        Assert.Null(store.Load(token, "user-a", "people"));
        Assert.Equal(UploadState.Confirmed, store.StateOf(token, "user-a", "people"));
        Assert.Equal(UploadState.Missing, store.StateOf(token, "user-b", "people"));
    }

    [PostgresFact]
    public async Task AConfirmKilledAfterItsClaim_IsReportedAsInterrupted_AndOneRunningOnAnotherNodeAsBeingConfirmed()
    {
        var prefix = "断" + Guid.NewGuid().ToString("N")[..4];
        var csv = "姓名,身份证号,所在村（社区）,人才类别\r\n" + $"{prefix}0,{IdNumber.Create("330523", new DateOnly(1918, 3, 1).AddDays(Random.Shared.Next(0, 300)), 601 + Random.Shared.Next(0, 100) * 2, Sex.Male).Value},余村,高素质农民\r\n";
        var client = await App.LoginAsync("anji.clerk");
        (await client.GetAsync("/People/Import?culture=en")).EnsureSuccessStatusCode();
        var (_, html) = await client.ValidateAsync("/People/Import", Encoding.UTF8.GetBytes(csv), DoubleConfirmTests.FileName("pgkill"));
        var token = ImportClient.TokenOf(html);
        async Task<string> Confirm() => WebUtility.HtmlDecode(await (await client.PostFormAsync("/People/Import?handler=Confirm",
            new() { ["Token"] = token }, formPage: "/People/Import")).Content.ReadAsStringAsync());
        // A node claimed it and holds the claim: another node's confirm hears that it is running.
        var connectionString = await App.QueryAsync(db => Task.FromResult(db.Database.GetConnectionString()!));
        // Unpooled: closing it ends the session, as the death of its node does.
        await using (var node = new Npgsql.NpgsqlConnection(new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString))
        {
            await node.OpenAsync();
            await using var claim = new Npgsql.NpgsqlCommand(
                "UPDATE \"PendingUploads\" SET \"Kind\" = 'claimed:people' WHERE \"Token\" = @t; " +
                $"SELECT pg_advisory_lock({0x5448_5550}, {unchecked((int)uint.Parse(token[..8], System.Globalization.NumberStyles.HexNumber))})", node);
            claim.Parameters.AddWithValue("t", token);
            await claim.ExecuteNonQueryAsync();

            Assert.Contains("This import is being confirmed in another tab or window", await Confirm());
        }
        // That node was killed: its session, and with it the claim's lock, is gone; nothing was committed.
        await WaitUntilNoClaimLockAsync(connectionString, unchecked((int)uint.Parse(token[..8], System.Globalization.NumberStyles.HexNumber)));
        var retry = await Confirm();

        Assert.Contains("The confirm of this import was interrupted", retry);
        Assert.DoesNotContain(DoubleConfirmTests.AlreadyConfirmed("en"), retry);
        Assert.Equal(0, await App.QueryAsync(db => db.People.IgnoreQueryFilters([RegionFilter.Name]).CountAsync(p => p.Name.StartsWith(prefix))));
    }

    /// <summary>Waits (bounded) until the server has ended the closed session and dropped its advisory locks.</summary>
    private static async Task WaitUntilNoClaimLockAsync(string connectionString, int key)
    {
        await using var connection = new Npgsql.NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var locks = new Npgsql.NpgsqlCommand($"SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND classid = {0x5448_5550}::oid AND objid = {(uint)key}::oid", connection);
        for (var i = 0; i < 200 && (long)(await locks.ExecuteScalarAsync())! > 0; i++) await Task.Delay(50);
    }
}
