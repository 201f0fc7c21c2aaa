using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using TalentHub.Web.Data;
using TalentHub.Web.Domain.Common;
using TalentHub.Web.Domain.People;
using TalentHub.Web.Infrastructure;
using TalentHub.Web.Services.Audit;
using TalentHub.Web.Services.People;
using TalentHub.Web.Services.Spreadsheets;
using static TalentHub.IntegrationTests.Pages.People.PeopleTestData;

namespace TalentHub.IntegrationTests.Data;

/// <summary>
/// Issue 12 (perf7b): an import writes with automatic checkpoints off and no longer copies the write-ahead log back in
/// the request; <see cref="WalCheckpoints"/> does it in the background once the import lets its connection go.
/// </summary>
public sealed class WalCheckpointsTests(TalentHubFactory app) : AppTest(app)
{
    [Fact]
    public async Task AfterAnImportLetsItsConnectionGo_TheBackgroundCheckpoint_CopiesItsRowsIntoTheDatabaseFile()
    {
        var name = NewName("检查点");
        using (var scope = App.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TalentHubDbContext>();
            var inserter = scope.ServiceProvider.GetRequiredService<BulkInserter>();
            var person = new Person { Name = name };
            scope.ServiceProvider.GetRequiredService<PersonRegistry>().SetIdentifiers(person, NewIdNumber(YuCun, Sex.Male), null);
            person.MoveTo(YuCun);
            person.SetCategories([TalentCategory.HighQualityFarmer], null, null);
            await using (await inserter.HoldConnectionAsync(default))
            {
                await using var tx = await db.Database.BeginTransactionAsync();
                inserter.Insert([person], null, default);
                await tx.CommitAsync();
            }
        }

        await App.Services.GetRequiredService<WalCheckpoints>().WhenIdleAsync();

        // The database file alone (no log beside it) now holds the row: the log was copied back.
        Assert.Equal(1, CountInFileAlone(App.Services.GetRequiredService<DataDirectory>().AppDatabase, name));
    }

    /// <summary>
    /// Issue 12 (imp10): a long import copies the log back between its chunks once it passes
    /// <see cref="ImportOptions.LogMegabytes"/>, so the log is written from its start again instead of growing by the whole
    /// import (appending a gigabyte of new log was ~40 % of a 100,000-row confirm's CPU, most of it the file system
    /// zeroing and allocating new blocks). Seen from outside: while the import still holds its connection (before the
    /// background checkpoint of <see cref="WalCheckpoints"/>), the database file alone already holds its first rows.
    /// </summary>
    [Fact]
    public async Task ALongImport_CopiesTheLogBackBetweenItsChunks_OnceItPassesTheLogLimit()
    {
        await App.Services.GetRequiredService<WalCheckpoints>().WhenIdleAsync();
        var prefix = NewName("日志") + "-";
        var database = App.Services.GetRequiredService<DataDirectory>().AppDatabase;
        using var scope = App.Services.CreateScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<TalentHubDbContext>();
        var registry = services.GetRequiredService<PersonRegistry>();
        var inserter = new BulkInserter(db, services.GetRequiredService<CurrentActor>(), TimeProvider.System,
            new ImportOptions { LogMegabytes = 1 }, services.GetRequiredService<WalCheckpoints>());
        long inFileAlone;
        await using (await inserter.HoldConnectionAsync(default))
        {
            // Five chunks of 400 people (with categories and audit rows): several MB of log, far past the 1 MB limit.
            for (var chunk = 0; chunk < 5; chunk++)
            {
                var people = Enumerable.Range(0, 400).Select(i =>
                {
                    var person = new Person { Name = prefix + (chunk * 400 + i) };
                    registry.SetIdentifiers(person, NewIdNumber(YuCun, i % 2 == 0 ? Sex.Male : Sex.Female), null);
                    person.MoveTo(YuCun);
                    person.SetCategories([TalentCategory.HighQualityFarmer], null, null);
                    return person;
                }).ToList();
                await using var tx = await db.Database.BeginTransactionAsync();
                Assert.Equal(400, inserter.Insert(people, null, default));
                await tx.CommitAsync();
            }
            inFileAlone = CountInFileAlone(database, prefix + "%", like: true);
        }

        // Without the limit the log only grows while the import holds its connection, and the file alone holds none.
        Assert.True(inFileAlone >= 400, $"the database file alone held {inFileAlone} of the import's 2,000 people");
        await App.Services.GetRequiredService<WalCheckpoints>().WhenIdleAsync();
        Assert.Equal(2000, CountInFileAlone(database, prefix + "%", like: true));
    }

    /// <summary>People named <paramref name="name"/> in a copy of the database file taken without its -wal file.</summary>
    private static long CountInFileAlone(string database, string name, bool like = false)
    {
        var copy = Path.Combine(Path.GetTempPath(), "talenthub-tests", $"wal-{Guid.NewGuid():N}.db");
        Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
        File.Copy(database, copy);
        try
        {
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = copy, Pooling = false }.ToString());
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = like ? "SELECT count(*) FROM \"People\" WHERE \"Name\" LIKE $name" : "SELECT count(*) FROM \"People\" WHERE \"Name\" = $name";
            command.Parameters.AddWithValue("$name", name);
            return (long)command.ExecuteScalar()!;
        }
        finally
        {
            foreach (var file in new[] { copy, copy + "-wal", copy + "-shm" }) File.Delete(file);
        }
    }
}
