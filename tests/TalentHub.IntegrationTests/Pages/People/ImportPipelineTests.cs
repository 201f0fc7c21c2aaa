using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Data;
using TalentHub.Web.Domain.Common;
using TalentHub.Web.Domain.People;

namespace TalentHub.IntegrationTests.Pages.People;

/// <summary>
/// Issue 12, perf6a: a confirm computes the next chunk's values on another thread while it writes the current one. A
/// failure or a cancel on that thread, or a failed write, leaves nothing visible and no pending rows, and stops it.
/// </summary>
public sealed class ImportPipelineTests(ImportBatchFactory app) : IClassFixture<ImportBatchFactory>
{
    private const string Page = "/People/Import";
    private static int _block;

    private static List<string> NewIds(int count)
    {
        var block = Interlocked.Increment(ref _block);
        return Enumerable.Range(0, count).Select(i => IdNumber.Create("330523", new DateOnly(1931, 1, 1).AddDays(block * 40 + i), 103, Sex.Female).Value).ToList();
    }

    private static string NewPrefix(string word) => word + Guid.NewGuid().ToString("N")[..6];

    private static byte[] Csv(string prefix, IReadOnlyList<string> ids) => Encoding.UTF8.GetBytes(
        "姓名,身份证号,所在村（社区）,人才类别\r\n" + string.Concat(ids.Select((id, i) => $"{prefix}{i},{id},余村,高素质农民\r\n")));

    /// <summary>Rows stored at all (pending or not), audit rows too, and pending batches.</summary>
    private async Task<(int People, int Audits, int Batches)> LeftAsync(string prefix)
    {
        var text = JsonSerializer.Serialize(prefix).Trim('"');
        return (await app.QueryAsync(db => db.People.IgnoreQueryFilters().CountAsync(p => p.Name.StartsWith(prefix))),
            await app.QueryAsync(db => db.AuditEntries.IgnoreQueryFilters().CountAsync(a => a.EntityType == nameof(Person) && a.Changes!.Contains(text))),
            await app.QueryAsync(db => db.ImportBatches.CountAsync()));
    }

    [Fact]
    public async Task AFailureOnThePreparingThread_AfterTwoChunksWereWritten_LeavesNothing_AndSaysSo()
    {
        var prefix = NewPrefix("预败");
        var client = await app.LoginAsync("anji.clerk");
        var (_, html) = await client.ValidateAsync(Page, Csv(prefix, NewIds(8)), "eight.csv");
        var written = 0;
        // The fourth chunk's values fail (an I/O failure) once two chunks are committed under the pending batch.
        app.Script.Reset((_, w, _) => { written = w; return Task.CompletedTask; },
            async (_, prepared, ct) =>
            {
                if (prepared < 8) return;
                while (written < 4) await Task.Delay(10, ct);
                throw new IOException("simulated failure on the preparing thread");
            });

        var response = await client.PostFormAsync(Page + "?handler=Confirm", new() { ["Token"] = ImportClient.TokenOf(html) }, formPage: Page);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("导入没有完成，没有写入任何记录", await response.Content.ReadAsStringAsync());
        Assert.False(await app.Script.Ended.Task);
        Assert.True(written >= 4, "the failure came before two chunks were written");
        Assert.Equal((0, 0, 0), await LeftAsync(prefix));
    }

    [Fact]
    public async Task AClientGone_WhileThePreparingThreadWorks_LeavesNothing()
    {
        var prefix = NewPrefix("预断");
        var client = await app.LoginAsync("anji.clerk");
        var (_, html) = await client.ValidateAsync(Page, Csv(prefix, NewIds(8)), "eight.csv");
        using var gone = new CancellationTokenSource();
        var aborted = false;
        var written = 0;
        app.Script.Reset((_, w, _) => { written = w; return Task.CompletedTask; },
            async (_, prepared, ct) =>
            {
                if (prepared < 8) return;
                while (written < 2) await Task.Delay(10, ct);
                await gone.CancelAsync();
                try { await Task.Delay(Timeout.Infinite, ct).WaitAsync(TimeSpan.FromMinutes(1)); }
                catch (OperationCanceledException) { aborted = true; throw; }
            });
        var form = await client.GetStringAsync(Page);
        var fields = new Dictionary<string, string> { ["Token"] = ImportClient.TokenOf(html), ["__RequestVerificationToken"] = FormClient.TokenOf(form) };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.PostAsync(Page + "?handler=Confirm", new FormUrlEncodedContent(fields), gone.Token));

        Assert.False(await app.Script.Ended.Task);
        Assert.True(aborted, "the preparing thread's token was not cancelled when the client went away");
        Assert.Equal((0, 0, 0), await LeftAsync(prefix));
    }

    /// <summary>A failed write stops the preparing thread, which never ran more than two chunks ahead (memory stays bounded).</summary>
    [Fact]
    public async Task AFailedWrite_StopsThePreparingThread_WhichStaysAtMostTwoChunksAhead()
    {
        var prefix = NewPrefix("预停");
        var client = await app.LoginAsync("anji.clerk");
        var (_, html) = await client.ValidateAsync(Page, Csv(prefix, NewIds(12)), "twelve.csv");
        var prepared = new List<int>();
        app.Script.Reset((_, w, _) => w >= 2 ? throw new Microsoft.Data.Sqlite.SqliteException("simulated failure after one chunk", 10) : Task.CompletedTask,
            (_, p, _) =>
            {
                lock (prepared) prepared.Add(p);
                return Task.CompletedTask;
            });

        var response = await client.PostFormAsync(Page + "?handler=Confirm", new() { ["Token"] = ImportClient.TokenOf(html) }, formPage: Page);

        Assert.Contains("导入没有完成，没有写入任何记录", await response.Content.ReadAsStringAsync());
        Assert.False(await app.Script.Ended.Task);
        List<int> seen;
        lock (prepared) seen = [.. prepared];
        // Chunk 1 written (and failed after), chunk 2 waiting in the channel, chunk 3 at most prepared: never 8 or more.
        Assert.InRange(seen.Max(), 2, 6);
        await Task.Delay(200);
        lock (prepared) Assert.Equal(seen, prepared);
        Assert.Equal((0, 0, 0), await LeftAsync(prefix));
    }
}
