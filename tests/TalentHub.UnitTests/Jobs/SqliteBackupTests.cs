using Microsoft.Data.Sqlite;
using TalentHub.Web.Jobs;

namespace TalentHub.UnitTests.Jobs;

public sealed class SqliteBackupTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2025, 3, 1, 18, 30, 5, TimeSpan.Zero);
    private readonly TempFolder temp = new();
    private readonly string source;
    private readonly string folder;

    public SqliteBackupTests()
    {
        source = temp.File("talenthub.db");
        folder = temp.File("backups");
        Execute(source, "PRAGMA journal_mode = WAL; CREATE TABLE people (id INTEGER PRIMARY KEY, name TEXT NOT NULL);");
        InsertPeople(3);
    }

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Run_CopiesTheDatabase_IntoATimestampedFileThatPassesTheIntegrityCheck()
    {
        // An open connection holding uncheckpointed WAL content: the backup must still see it.
        using var live = Open(source);
        Execute(live, "INSERT INTO people (name) VALUES ('in the wal');");

        var file = SqliteBackup.Run(source, folder, keep: 7, Now);

        Assert.Equal(Path.Combine(folder, "talenthub-20250302-023005.db"), file);  // 18:30:05 UTC is 02:30:05 next day in China
        Assert.Equal("ok", SqliteBackup.IntegrityCheck(file));
        Assert.Equal(4L, Count(file));
        Assert.False(File.Exists(file + "-wal"));
        Assert.Equal(new[] { file }, Directory.GetFiles(folder));
    }

    [Fact]
    public void Run_KeepsOnlyTheNewestBackups_AndLeavesOtherFilesAlone()
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "notes.txt"), "not a backup");
        File.WriteAllText(Path.Combine(folder, "talenthub-before-upgrade.db"), "a manual copy");
        for (var day = 0; day < 5; day++) SqliteBackup.Run(source, folder, keep: 10, Now.AddDays(day));

        var newest = SqliteBackup.Run(source, folder, keep: 3, Now.AddDays(5));

        Assert.Equal(
            new[] { newest, Path.Combine(folder, "talenthub-20250306-023005.db"), Path.Combine(folder, "talenthub-20250305-023005.db") },
            SqliteBackup.List(folder));
        Assert.True(File.Exists(Path.Combine(folder, "notes.txt")));
        Assert.True(File.Exists(Path.Combine(folder, "talenthub-before-upgrade.db")));
    }

    [Fact]
    public void Run_TwiceInTheSameSecond_ReplacesThatSecondsFile()
    {
        var first = SqliteBackup.Run(source, folder, keep: 7, Now);
        InsertPeople(2);

        var second = SqliteBackup.Run(source, folder, keep: 7, Now.AddMilliseconds(900));

        Assert.Equal(first, second);
        Assert.Equal(new[] { second }, Directory.GetFiles(folder));
        Assert.Equal(5L, Count(second));
        Assert.Equal("ok", SqliteBackup.IntegrityCheck(second));
    }

    [Fact]
    public void Run_WithKeepBelowOne_StillKeepsTheBackupJustWritten()
    {
        SqliteBackup.Run(source, folder, keep: 0, Now);
        var file = SqliteBackup.Run(source, folder, keep: 0, Now.AddDays(1));

        Assert.Equal(new[] { file }, SqliteBackup.List(folder));
    }

    [Fact]
    public void Run_WhenCancelled_WritesNothing()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => SqliteBackup.Run(source, folder, keep: 7, Now, cancelled.Token));
        Assert.Empty(SqliteBackup.List(folder));
    }

    [Fact]
    public void Run_WhenTheDatabaseIsMissing_FailsWithoutCreatingIt()
    {
        var missing = temp.File("missing.db");

        Assert.Throws<FileNotFoundException>(() => SqliteBackup.Run(missing, folder, keep: 7, Now));
        Assert.False(File.Exists(missing));
    }

    private void InsertPeople(int count)
    {
        for (var i = 0; i < count; i++) Execute(source, $"INSERT INTO people (name) VALUES ('person {i}');");
    }

    private static long Count(string path)
    {
        using var connection = Open(path);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM people;";
        return (long)command.ExecuteScalar()!;
    }

    private static void Execute(string path, string sql)
    {
        using var connection = Open(path);
        Execute(connection, sql);
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static SqliteConnection Open(string path)
    {
        var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        return connection;
    }
}
