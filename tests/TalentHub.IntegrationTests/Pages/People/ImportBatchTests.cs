using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using TalentHub.Web.Data;
using TalentHub.Web.Domain.Common;
using TalentHub.Web.Domain.People;
using TalentHub.Web.Services.People;
using TalentHub.Web.Services.Spreadsheets;
using static TalentHub.IntegrationTests.Pages.People.PeopleTestData;

namespace TalentHub.IntegrationTests.Pages.People;

/// <summary>
/// Issue 8, item 9: a confirm writes in short transactions (two records each here) under a pending import batch;
/// other users' saves between two chunks succeed, nothing of the batch is visible before its one short flip, and a
/// failure, a cancel or a crash leaves nothing visible and is cleaned away.
/// </summary>
public sealed class ImportBatchTests(ImportBatchFactory app) : IClassFixture<ImportBatchFactory>
{
    private const string Page = "/People/Import";
    private static int _block;

    private static List<string> NewIds(int count)
    {
        var block = Interlocked.Increment(ref _block);
        return Enumerable.Range(0, count).Select(i => IdNumber.Create("330523", new DateOnly(1941, 1, 1).AddDays(block * 40 + i), 101, Sex.Male).Value).ToList();
    }

    private static string NewPrefix(string word) => word + Guid.NewGuid().ToString("N")[..6];

    private static byte[] Csv(string prefix, IReadOnlyList<string> ids) => Encoding.UTF8.GetBytes(
        "姓名,身份证号,所在村（社区）,人才类别\r\n" + string.Concat(ids.Select((id, i) => $"{prefix}{i},{id},余村,高素质农民\r\n")));

    /// <summary>People any page, export or report can see (only the region filter lifted).</summary>
    private Task<int> VisibleAsync(string prefix) =>
        app.QueryAsync(db => db.People.IgnoreQueryFilters([RegionFilter.Name]).CountAsync(p => p.Name.StartsWith(prefix)));

    /// <summary>Rows in the table at all, pending or not.</summary>
    private Task<int> StoredAsync(string prefix) =>
        app.QueryAsync(db => db.People.IgnoreQueryFilters().CountAsync(p => p.Name.StartsWith(prefix)));

    private Task<int> AuditsAsync(string prefix, bool pendingToo = false)
    {
        var text = prefix; // the audit writes Chinese as itself (review14)
        return app.QueryAsync(db => (pendingToo ? db.AuditEntries.IgnoreQueryFilters() : db.AuditEntries)
            .CountAsync(a => a.EntityType == nameof(Person) && a.Changes!.Contains(text)));
    }

    private Task<int> BatchesAsync() => app.QueryAsync(db => db.ImportBatches.CountAsync());

    private static (string Key, string Value)[] HandForm(string name, string id) =>
        [("Input.Name", name), ("Input.IdNumber", id), ("Input.RegionCode", YuCun), ("Input.Categories", "HighQualityFarmer")];

    [Fact]
    public async Task TheFlip_StampsEveryRecordUpdatedNow_SoAnUpdatedSinceSyncDuringTheImportMissesNone()
    {
        var prefix = NewPrefix("同步");
        var importer = await app.LoginAsync("anji.clerk");
        var (_, html) = await importer.ValidateAsync(Page, Csv(prefix, NewIds(5)), "sync.csv");
        var watermark = DateTimeOffset.MaxValue;
        // An API client syncing between two chunks sees nothing yet and remembers "now" for its next updatedSince.
        app.Script.Reset((_, written, _) =>
        {
            if (written == 2) watermark = DateTimeOffset.UtcNow;
            return Task.CompletedTask;
        });

        await importer.ConfirmAsync(Page, html);

        Assert.True(await app.Script.Ended.Task);
        var stamps = await app.QueryAsync(db => db.People.IgnoreQueryFilters([RegionFilter.Name]).Where(p => p.Name.StartsWith(prefix)).Select(p => p.UpdatedAt).ToListAsync());
        Assert.Equal(5, stamps.Count);
        Assert.All(stamps, s => Assert.True(s >= watermark, $"{s:O} is before the sync watermark {watermark:O}"));
    }

    /// <summary>
    /// Review 5: a second tab confirming the same preview while the first is writing imports nothing and records no audit
    /// row; it says the import is being confirmed elsewhere (not yet "already confirmed": the first may still fail).
    /// </summary>
    [Fact]
    public async Task ASecondConfirmOfTheSamePreview_WhileTheFirstWrites_WritesNothing_AndSaysItIsBeingConfirmed()
    {
        var prefix = NewPrefix("两页");
        var client = await app.LoginAsync("anji.clerk");
        var file = DoubleConfirmTests.FileName("tabs");
        var (_, html) = await client.ValidateAsync(Page, Csv(prefix, NewIds(5)), file);
        var token = ImportClient.TokenOf(html);
        HttpResponseMessage? second = null;
        app.Script.Reset(async (_, written, _) =>
        {
            if (written == 2) second = await client.PostFormAsync(Page + "?handler=Confirm", new() { ["Token"] = token }, formPage: Page);
        });

        await client.ConfirmAsync(Page, html);

        Assert.True(await app.Script.Ended.Task);
        Assert.Equal(HttpStatusCode.OK, second!.StatusCode);
        Assert.Contains("此次导入正在另一个标签页或窗口中确认", WebUtility.HtmlDecode(await second.Content.ReadAsStringAsync()));
        Assert.Equal(5, await VisibleAsync(prefix));
        Assert.Equal(5, await StoredAsync(prefix));
        Assert.Equal(1, await app.QueryAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.Import && a.Changes!.Contains(file))));
        Assert.Equal(0, await BatchesAsync());
    }

    [Fact]
    public async Task SavesBetweenTwoChunks_Succeed_AndNothingIsVisibleBeforeTheFlip()
    {
        var prefix = NewPrefix("分批");
        var importer = await app.LoginAsync("anji.clerk");
        var other = await app.LoginAsync("anji.clerk");
        var (_, html) = await importer.ValidateAsync(Page, Csv(prefix, NewIds(5)), "five.csv");
        var during = new List<(int Written, HttpStatusCode Save, int Visible, int Stored, int Audits, bool Listed)>();
        app.Script.Reset(async (_, written, _) =>
        {
            // Another clerk saves a person while the import is between two of its transactions.
            var save = await other.PostPairsAsync("/People/Create", HandForm(NewName("并发"), NewIdNumber(YuCun).Value));
            // The list echoes the search text; a listed person would show as prefix + row number.
            var list = await other.GetStringAsync("/People?Q=" + Uri.EscapeDataString(prefix));
            during.Add((written, save.StatusCode, await VisibleAsync(prefix), await StoredAsync(prefix), await AuditsAsync(prefix), list.Contains(prefix + "0")));
        });

        await importer.ConfirmAsync(Page, html);

        Assert.True(await app.Script.Ended.Task);
        Assert.Equal([2, 4, 5], during.Select(d => d.Written));
        Assert.Equal([2, 4, 5], during.Select(d => d.Stored));
        Assert.All(during, d =>
        {
            Assert.Equal(HttpStatusCode.Redirect, d.Save);
            Assert.Equal(0, d.Visible);
            Assert.Equal(0, d.Audits);
            Assert.False(d.Listed);
        });
        Assert.Equal(5, await VisibleAsync(prefix));
        Assert.Equal(5, await AuditsAsync(prefix));
        Assert.Contains(prefix + "0", await other.GetStringAsync("/People?Q=" + Uri.EscapeDataString(prefix)));
        Assert.Equal(0, await BatchesAsync());
    }

    [Fact]
    public async Task AFailureAfterTwoChunks_LeavesNothing_AndSaysSo()
    {
        var prefix = NewPrefix("失败");
        var client = await app.LoginAsync("anji.clerk");
        var (_, html) = await client.ValidateAsync(Page, Csv(prefix, NewIds(6)), "six.csv");
        // SQLITE_IOERR (10): a database failure after two committed chunks.
        app.Script.Reset((_, written, _) => written >= 4 ? throw new Microsoft.Data.Sqlite.SqliteException("simulated failure after two chunks", 10) : Task.CompletedTask);

        var response = await client.PostFormAsync(Page + "?handler=Confirm", new() { ["Token"] = ImportClient.TokenOf(html) }, formPage: Page);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("导入没有完成，没有写入任何记录", await response.Content.ReadAsStringAsync());
        Assert.False(await app.Script.Ended.Task);
        Assert.Equal(0, await StoredAsync(prefix));
        Assert.Equal(0, await AuditsAsync(prefix, pendingToo: true));
        Assert.Equal(0, await BatchesAsync());
    }

    /// <summary>A programming error is not reported as "the import did not finish, try again": it is an error (500), and still nothing is left.</summary>
    [Fact]
    public async Task AProgrammingErrorAfterTwoChunks_IsAnError_NotWriteFailed_AndLeavesNothing()
    {
        var prefix = NewPrefix("缺陷");
        var client = await app.LoginAsync("anji.clerk");
        var (_, html) = await client.ValidateAsync(Page, Csv(prefix, NewIds(6)), "six.csv");
        app.Script.Reset((_, written, _) => written >= 4 ? throw new InvalidOperationException("simulated bug after two chunks") : Task.CompletedTask);

        var response = await client.PostFormAsync(Page + "?handler=Confirm", new() { ["Token"] = ImportClient.TokenOf(html) }, formPage: Page);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.DoesNotContain("导入没有完成，没有写入任何记录", await response.Content.ReadAsStringAsync());
        Assert.False(await app.Script.Ended.Task);
        Assert.Equal(0, await StoredAsync(prefix));
        Assert.Equal(0, await AuditsAsync(prefix, pendingToo: true));
        Assert.Equal(0, await BatchesAsync());
    }

    [Fact]
    public async Task AClientGoneAfterTwoChunks_LeavesNothing()
    {
        var prefix = NewPrefix("断开");
        var client = await app.LoginAsync("anji.clerk");
        var (_, html) = await client.ValidateAsync(Page, Csv(prefix, NewIds(6)), "six.csv");
        using var gone = new CancellationTokenSource();
        var aborted = false;
        app.Script.Reset(async (_, written, ct) =>
        {
            if (written < 4) return;
            await gone.CancelAsync();
            try { await Task.Delay(Timeout.Infinite, ct).WaitAsync(TimeSpan.FromMinutes(1)); }
            catch (OperationCanceledException) { aborted = true; throw; }
        });
        var form = await client.GetStringAsync(Page);
        var fields = new Dictionary<string, string> { ["Token"] = ImportClient.TokenOf(html), ["__RequestVerificationToken"] = FormClient.TokenOf(form) };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.PostAsync(Page + "?handler=Confirm", new FormUrlEncodedContent(fields), gone.Token));

        Assert.False(await app.Script.Ended.Task);
        Assert.True(aborted, "the request's token was not cancelled when the client went away");
        Assert.Equal(0, await StoredAsync(prefix));
        Assert.Equal(0, await AuditsAsync(prefix, pendingToo: true));
        Assert.Equal(0, await BatchesAsync());
    }

    /// <summary>A crash leaves a pending batch: invisible, its ID number refused by hand with a clear message, removed once abandoned.</summary>
    [Fact]
    public async Task AnAbandonedBatch_IsInvisible_HoldsItsNumbersClearly_AndIsRemoved()
    {
        var name = NewName("崩溃");
        var id = NewIds(1)[0];
        long batch;
        using (var scope = app.Services.CreateScope())
        {
            var services = scope.ServiceProvider;
            var db = services.GetRequiredService<TalentHubDbContext>();
            batch = await services.GetRequiredService<ImportBatches>().BeginAsync("people", null, default);
            await using var tx = await db.Database.BeginTransactionAsync();
            services.GetRequiredService<BulkInserter>().Insert([NewPerson(services.GetRequiredService<PersonRegistry>(), name, id)], batch, default);
            await tx.CommitAsync();
        }
        Assert.Equal((0, 1), (await VisibleAsync(name), await StoredAsync(name)));

        var client = await app.LoginAsync("anji.clerk");
        var refused = await client.PostPairsAsync("/People/Create", HandForm(NewName("手工"), id));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("尚未完成的批量导入", FieldError(await refused.Content.ReadAsStringAsync(), "Input.IdNumber"));

        // Touched just now: not abandoned yet (another node may still be writing it).
        Assert.Equal(0, await DiscardAbandonedAsync(TimeSpan.Zero));
        Assert.Equal(1, await StoredAsync(name));
        Assert.Equal(1, await DiscardAbandonedAsync(TimeSpan.FromMinutes(11)));
        Assert.Equal(0, await StoredAsync(name));
        Assert.Equal(0, await AuditsAsync(name, pendingToo: true));
        Assert.False(await app.QueryAsync(db => db.ImportBatches.AnyAsync(b => b.Id == batch)));

        var accepted = await client.PostPairsAsync("/People/Create", HandForm(NewName("手工"), id));
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
    }

    /// <summary>The flip is one transaction: when it fails nothing becomes visible; when it succeeds everything does.</summary>
    [Fact]
    public async Task TheFlip_IsAllOrNothing()
    {
        var prefix = NewPrefix("翻转");
        var ids = NewIds(3);
        using var scope = app.Services.CreateScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<TalentHubDbContext>();
        var registry = services.GetRequiredService<PersonRegistry>();
        var batches = services.GetRequiredService<ImportBatches>();
        var batch = await batches.BeginAsync("people", null, default);
        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            services.GetRequiredService<BulkInserter>().Insert(ids.Select((id, i) => NewPerson(registry, $"{prefix}{i}", id)).ToList(), batch, default);
            await tx.CommitAsync();
        }

        // A flip whose last statement fails (a record with a taken ID number saved with it) is rolled back whole.
        db.People.Add(NewPerson(registry, NewName("重复"), ids[1]));
        await Assert.ThrowsAsync<DbUpdateException>(() => batches.CommitAsync(batch, default));
        db.ChangeTracker.Clear();
        Assert.Equal((0, 3, 0), (await VisibleAsync(prefix), await StoredAsync(prefix), await AuditsAsync(prefix)));
        Assert.True(await app.QueryAsync(d => d.ImportBatches.AnyAsync(b => b.Id == batch)));

        await batches.CommitAsync(batch, default);
        Assert.Equal((3, 3), (await VisibleAsync(prefix), await AuditsAsync(prefix)));
        Assert.False(await app.QueryAsync(d => d.ImportBatches.AnyAsync(b => b.Id == batch)));
    }

    private async Task<int> DiscardAbandonedAsync(TimeSpan later)
    {
        using var scope = app.Services.CreateScope();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow + later);
        var batches = new ImportBatches(scope.ServiceProvider.GetRequiredService<TalentHubDbContext>(), clock,
                scope.ServiceProvider.GetRequiredService<ImportBatchOwners>(), NullLogger<ImportBatches>.Instance);
        return await batches.DiscardAbandonedAsync(new ImportOptions().PendingBatchAge, default);
    }

    private static Person NewPerson(PersonRegistry registry, string name, string id)
    {
        var person = new Person { Name = name };
        registry.SetIdentifiers(person, registry.ParseIdNumber(id), null);
        person.MoveTo(YuCun);
        person.SetCategories([TalentCategory.HighQualityFarmer], null, null);
        return person;
    }
}
