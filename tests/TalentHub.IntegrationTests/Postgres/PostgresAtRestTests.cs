using TalentHub.IntegrationTests.Privacy;

namespace TalentHub.IntegrationTests.Postgres;

/// <summary>
/// On PostgreSQL, after every path that touches an identifier (<see cref="IdentifierPaths"/>): every
/// encrypted column of every row holds ciphertext, the pending upload waits in the database (encrypted), and
/// the data directory (notifications log) holds no identifier in clear and no upload.
/// </summary>
public sealed class PostgresAtRestTests(PostgresFactory app) : PostgresTest(app)
{
    [PostgresFact]
    public async Task AfterEveryIdentifierPath_EveryEncryptedColumnAndTheDataDirectory_HoldNoIdentifierInClear()
    {
        var secrets = await IdentifierPaths.ExerciseAsync(App);

        Assert.False(Directory.Exists(Path.Combine(App.DataDirectory, "uploads")), "uploads belong in the database on PostgreSQL");
        Assert.True(File.Exists(Path.Combine(App.DataDirectory, "notifications.log")));
        Assert.Empty(await AtRestScan.FilesAsync(App.DataDirectory, secrets));

        var columns = await AtRestScan.EncryptedColumnsAsync(App.Services, secrets);
        Assert.Contains(columns, c => c.Column.EndsWith(".IdNumber") && c.Values > 100);
        Assert.Contains(columns, c => c.Column.EndsWith(".Mobile") && c.Values > 0);
        Assert.Contains(columns, c => c.Column.EndsWith(".Email") && c.Values > 0);
    }
}
