using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using TalentHub.UnitTests.Builders;
using TalentHub.Web.Data;

namespace TalentHub.UnitTests.Data;

/// <summary>
/// busy_timeout and synchronous = NORMAL hold on every logical open of a pooled SQLite connection although they are
/// set once per physical connection (issue 12, perf5c), so a write behind a busy writer still waits and then succeeds.
/// </summary>
public sealed class SqlitePragmasTests
{
    private static async Task<long> PragmaAsync(TalentHubDbContext db, string name)
    {
        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA {name};";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task Every_open_of_a_pooled_connection_and_of_a_new_physical_one_waits_for_busy_writers_and_syncs_normally()
    {
        await using var database = await TestDatabase.CreateAsync();
        for (var round = 0; round < 3; round++)
        {
            if (round == 2) SqliteConnection.ClearAllPools(); // the third round gets a new physical connection
            await using var db = database.NewContext(new SqlitePragmas());
            await db.Database.OpenConnectionAsync();

            Assert.Equal(SqlitePragmas.BusyTimeoutMilliseconds, await PragmaAsync(db, "busy_timeout"));
            Assert.Equal(1, await PragmaAsync(db, "synchronous")); // 1 = NORMAL

            await db.Database.CloseConnectionAsync();
        }
    }

    [Fact]
    public async Task A_write_while_another_connection_holds_the_write_lock_waits_inside_sqlite_and_then_succeeds()
    {
        await using var database = await TestDatabase.CreateAsync();
        // A first request configures the physical connection and gives it back to the pool.
        await using (var first = database.NewContext(defaultTimeoutSeconds: 1, new SqlitePragmas()))
            Assert.True(await first.Regions.AnyAsync());
        string path;
        await using (var any = database.NewContext()) path = any.Database.GetDbConnection().DataSource;
        await using var writer = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        await writer.OpenAsync();
        await using (var begin = writer.CreateCommand())
        {
            begin.CommandText = "BEGIN IMMEDIATE;";
            await begin.ExecuteNonQueryAsync();
        }

        // The pooled connection comes back from the pool: its busy_timeout must still be set. Microsoft.Data.Sqlite's
        // own retry gives up after the connection's default timeout (1 s here), so without busy_timeout this save would
        // fail with SQLITE_BUSY while the other writer holds the lock for longer than that.
        await using var db = database.NewContext(defaultTimeoutSeconds: 1, new SqlitePragmas());
        var course = CourseBuilder.ADraft();
        db.Courses.Add(course);
        var save = Task.Run(() => db.SaveChangesAsync()); // Microsoft.Data.Sqlite waits on the calling thread
        await Task.Delay(TimeSpan.FromSeconds(2));
        await using (var commit = writer.CreateCommand())
        {
            commit.CommandText = "COMMIT;";
            await commit.ExecuteNonQueryAsync();
        }

        Assert.True(await save > 0);
        await using var check = database.NewContext();
        Assert.True(await check.Courses.AnyAsync(c => c.Id == course.Id));
    }
}
