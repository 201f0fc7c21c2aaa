using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TalentHub.Web.Data;
using TalentHub.Web.Domain.Common;
using TalentHub.Web.Domain.People;
using TalentHub.Web.Services.People;
using static TalentHub.IntegrationTests.Pages.People.PeopleTestData;

namespace TalentHub.IntegrationTests.Pages.People;

/// <summary>
/// Review10, run on SQLite and on PostgreSQL: a confirm whose owner died mid-way (a node killed) left a pending batch whose
/// rows still hold their ID numbers, so re-importing the file at once wrote nothing ("已存在跳过") until the age-based sweep
/// (<c>PendingBatchMinutes</c>) removed the dead batch. The validate and the confirm now first discard batches whose owner
/// is provably gone; a batch still being written (its owner alive) keeps its rows.
/// </summary>
public static class OrphanBatchScenarios
{
    /// <param name="app">The app under test.</param>
    /// <param name="kill">Ends the owner of the given batch the way its provider sees a dead confirm.</param>
    public static async Task AReimportRightAfterAConfirmDied_WritesEveryRow_AndLeavesRunningConfirmsAlone(TalentHubFactory app, Func<long, Task> kill)
    {
        var rows = Enumerable.Range(0, 3).Select(i => (Name: NewName("断后重导" + i), Id: NewIdNumber(YuCun).Value)).ToArray();
        long dead, alive;
        using (var scope = app.Services.CreateScope())
        {
            var services = scope.ServiceProvider;
            var db = services.GetRequiredService<TalentHubDbContext>();
            var inserter = services.GetRequiredService<BulkInserter>();
            var batches = services.GetRequiredService<ImportBatches>();
            // The dead confirm had written the first two rows; a confirm still running holds the third.
            dead = await batches.BeginAsync("people", null, default);
            alive = await batches.BeginAsync("people", null, default);
            await using var tx = await db.Database.BeginTransactionAsync();
            inserter.Insert(rows.Take(2).Select(r => NewPerson(services, r.Name + "前", r.Id)).ToList(), dead, default);
            inserter.Insert([NewPerson(services, rows[2].Name + "前", rows[2].Id)], alive, default);
            await tx.CommitAsync();
        }
        await kill(dead);
        var client = await app.LoginAsync("anji.clerk");
        var csv = Encoding.UTF8.GetBytes(string.Join("\r\n", ["姓名,身份证号,所在村（社区）,人才类别", .. rows.Select(r => $"{r.Name},{r.Id},余村,高素质农民")]));

        var (_, html) = await client.ValidateAsync("/People/Import", csv, "people.csv");
        var done = WebUtility.HtmlDecode(await client.ConfirmAsync("/People/Import", html));

        Assert.Contains("写入 2 行，已存在跳过 1 行", done);
        Assert.Equal(2, await app.QueryAsync(d => d.People.IgnoreQueryFilters([RegionFilter.Name]).CountAsync(p => p.Name == rows[0].Name || p.Name == rows[1].Name)));
        Assert.False(await app.QueryAsync(d => d.ImportBatches.AnyAsync(b => b.Id == dead)));
        Assert.Equal(0, await app.QueryAsync(d => d.People.IgnoreQueryFilters().CountAsync(p => EF.Property<long?>(p, ImportBatchFilter.Column) == dead)));
        Assert.True(await app.QueryAsync(d => d.ImportBatches.AnyAsync(b => b.Id == alive)));
        using (var scope = app.Services.CreateScope()) await scope.ServiceProvider.GetRequiredService<ImportBatches>().DiscardAsync(alive, default);
    }

    /// <summary>
    /// The <c>ImportCleanup</c> job's sweep (and a PostgreSQL start-up's) removes a dead confirm's batch at once, not only
    /// after <c>PendingBatchMinutes</c>, and leaves a fresh batch whose owner is alive.
    /// </summary>
    public static async Task TheSweep_RemovesADeadConfirmsBatchAtOnce_AndLeavesARunningOne(TalentHubFactory app, Func<long, Task> kill)
    {
        long dead, alive;
        using (var scope = app.Services.CreateScope())
        {
            var services = scope.ServiceProvider;
            var db = services.GetRequiredService<TalentHubDbContext>();
            var batches = services.GetRequiredService<ImportBatches>();
            dead = await batches.BeginAsync("people", null, default);
            alive = await batches.BeginAsync("people", null, default);
            await using var tx = await db.Database.BeginTransactionAsync();
            services.GetRequiredService<BulkInserter>().Insert([NewPerson(services, NewName("清扫死批"), NewIdNumber(YuCun).Value)], dead, default);
            services.GetRequiredService<BulkInserter>().Insert([NewPerson(services, NewName("清扫活批"), NewIdNumber(YuCun).Value)], alive, default);
            await tx.CommitAsync();
        }
        await kill(dead);

        using (var scope = app.Services.CreateScope())
        {
            var batches = scope.ServiceProvider.GetRequiredService<ImportBatches>();
            Assert.True(await batches.SweepAsync(TimeSpan.FromMinutes(10), default) >= 1);
        }

        Assert.False(await app.QueryAsync(d => d.ImportBatches.AnyAsync(b => b.Id == dead)));
        Assert.Equal(0, await app.QueryAsync(d => d.People.IgnoreQueryFilters().CountAsync(p => EF.Property<long?>(p, ImportBatchFilter.Column) == dead)));
        Assert.True(await app.QueryAsync(d => d.ImportBatches.AnyAsync(b => b.Id == alive)));
        Assert.Equal(1, await app.QueryAsync(d => d.People.IgnoreQueryFilters().CountAsync(p => EF.Property<long?>(p, ImportBatchFilter.Column) == alive)));
        using (var scope = app.Services.CreateScope()) await scope.ServiceProvider.GetRequiredService<ImportBatches>().DiscardAsync(alive, default);
    }

    private static Person NewPerson(IServiceProvider services, string name, string idNumber)
    {
        var registry = services.GetRequiredService<PersonRegistry>();
        var person = new Person { Name = name };
        registry.SetIdentifiers(person, registry.ParseIdNumber(idNumber), null);
        person.MoveTo(YuCun);
        person.SetCategories([TalentCategory.HighQualityFarmer], null, null);
        return person;
    }
}

/// <summary>
/// On SQLite (one process) a batch this process is not running has no owner: its confirm ended without removing it (the
/// removal failed). After a kill -9 every pending batch is removed at start-up.
/// </summary>
public sealed class OrphanBatchTests(TalentHubFactory app) : AppTest(app)
{
    [Fact]
    public Task AReimportRightAfterAConfirmDied_WritesEveryRow_AndLeavesRunningConfirmsAlone() =>
        OrphanBatchScenarios.AReimportRightAfterAConfirmDied_WritesEveryRow_AndLeavesRunningConfirmsAlone(App,
            batch => App.Services.GetRequiredService<ImportBatchOwners>().LetGoAsync(batch));

    [Fact]
    public Task TheSweep_RemovesADeadConfirmsBatchAtOnce_AndLeavesARunningOne() =>
        OrphanBatchScenarios.TheSweep_RemovesADeadConfirmsBatchAtOnce_AndLeavesARunningOne(App,
            batch => App.Services.GetRequiredService<ImportBatchOwners>().LetGoAsync(batch));
}
