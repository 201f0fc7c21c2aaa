using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Data;

namespace TalentHub.IntegrationTests.Data;

/// <summary>
/// Issue 12 (startup): a start with no migration to apply does not run EF's migrator, which takes its migration lock (a
/// write transaction on SQLite, its own table) and compares the snapshot with the model on every start.
/// </summary>
public sealed class StartupMigrationTests
{
    private const string LockTable = "__EFMigrationsLock";

    [Fact]
    public async Task AStartWithNothingToApply_LeavesTheMigrator_AndItsLockTable_Alone()
    {
        using var app = new EmptyFolderFactory();
        app.CreateClient().Dispose(); // first start on an empty folder: every migration applied through the migrator
        Assert.True(await LockTableExistsAsync(app), "the first start migrates through EF's migrator, which makes its lock table");
        await app.QueryAsync(db => db.Database.ExecuteSqlRawAsync($"DROP TABLE \"{LockTable}\""));

        await app.Services.MigrateTalentHubDatabaseAsync(); // what every later start runs

        Assert.False(await LockTableExistsAsync(app), "nothing to apply, yet the migrator ran");
        Assert.Empty(await app.QueryAsync(async db => (await db.Database.GetPendingMigrationsAsync()).ToList()));
    }

    /// <summary>
    /// A first start on an empty folder, as a deployment's: not from the <see cref="SeedTemplate"/>, and without demo
    /// data, which the migrator's work does not depend on (seeding it would only take most of the start).
    /// </summary>
    private sealed class EmptyFolderFactory : TalentHubFactory
    {
        public EmptyFolderFactory() => SeedsItself = true;

        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["TalentHub:SeedDemoData"] = "false",
            ["Quartz:Enabled"] = "false",
        };
    }

    private static Task<bool> LockTableExistsAsync(TalentHubFactory app) =>
        app.QueryAsync(db => db.Database.SqlQueryRaw<int>($"SELECT COUNT(*) AS \"Value\" FROM sqlite_master WHERE type = 'table' AND name = '{LockTable}'")
            .SingleAsync().ContinueWith(t => t.Result == 1));
}
