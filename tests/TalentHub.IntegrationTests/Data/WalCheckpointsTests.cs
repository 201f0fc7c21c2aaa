using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using TalentHub.Web.Data;
using TalentHub.Web.Domain.Common;
using TalentHub.Web.Domain.People;
using TalentHub.Web.Infrastructure;
using TalentHub.Web.Services.People;
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

    /// <summary>People named <paramref name="name"/> in a copy of the database file taken without its -wal file.</summary>
    private static long CountInFileAlone(string database, string name)
    {
        var copy = Path.Combine(Path.GetTempPath(), "talenthub-tests", $"wal-{Guid.NewGuid():N}.db");
        Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
        File.Copy(database, copy);
        try
        {
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = copy, Pooling = false }.ToString());
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM \"People\" WHERE \"Name\" = $name";
            command.Parameters.AddWithValue("$name", name);
            return (long)command.ExecuteScalar()!;
        }
        finally
        {
            foreach (var file in new[] { copy, copy + "-wal", copy + "-shm" }) File.Delete(file);
        }
    }
}
