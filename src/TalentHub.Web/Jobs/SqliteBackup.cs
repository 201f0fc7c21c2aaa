using TalentHub.Web.Infrastructure;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace TalentHub.Web.Jobs;

/// <summary>
/// Online backup of a SQLite file into a folder of <c>talenthub-yyyyMMdd-HHmmss.db</c> files (China Standard Time, as an officer reads the clock), checked and rotated.
/// No Quartz and no DI, so it can be tested on its own.
/// </summary>
public static partial class SqliteBackup
{
    public const string Prefix = "talenthub-";
    public const string Extension = ".db";

    /// <summary>
    /// Copies <paramref name="source"/> (safe while the app writes to it) into <paramref name="folder"/>, verifies the copy
    /// with <c>PRAGMA integrity_check</c>, then keeps only the newest <paramref name="keep"/> backups.
    /// Running again within the same second replaces that second's file, so a rerun changes nothing.
    /// </summary>
    /// <returns>The full path of the backup written.</returns>
    public static string Run(string source, string folder, int keep, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(source)) throw new FileNotFoundException("The database to back up does not exist.", source);
        cancellationToken.ThrowIfCancellationRequested();
        Directory.CreateDirectory(folder);

        var target = Path.Combine(folder, FileName(now));
        // Write beside the target under a name retention never matches, and only move it in once it is verified.
        var temp = Path.Combine(folder, $".{Prefix}{Guid.NewGuid():N}.tmp");
        try
        {
            Copy(source, temp);
            cancellationToken.ThrowIfCancellationRequested();
            var check = IntegrityCheck(temp);
            if (check != "ok") throw new InvalidDataException($"Backup failed the integrity check: {Truncate(check, 200)}");
            cancellationToken.ThrowIfCancellationRequested();
            File.Move(temp, target, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
        Prune(folder, keep);
        return target;
    }

    /// <summary>The backup's file name for the instant <paramref name="now"/>, stamped in China Standard Time to the second.</summary>
    public static string FileName(DateTimeOffset now) =>
        Prefix + now.ToShanghai().ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture) + Extension;

    /// <summary>Backup files in <paramref name="folder"/>, newest first (the names sort by their China Standard Time, which has no daylight saving).</summary>
    public static IReadOnlyList<string> List(string folder) =>
        Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, Prefix + "*" + Extension)
                .Where(f => BackupName().IsMatch(Path.GetFileName(f)))
                .OrderByDescending(f => Path.GetFileName(f), StringComparer.Ordinal)
                .ToList()
            : [];

    /// <summary>Deletes all but the newest <paramref name="keep"/> backups (at least one is always kept).</summary>
    public static IReadOnlyList<string> Prune(string folder, int keep)
    {
        var old = List(folder).Skip(Math.Max(1, keep)).ToList();
        foreach (var file in old) File.Delete(file);
        return old;
    }

    /// <summary>Returns "ok" for a sound database, otherwise the first problems SQLite reports.</summary>
    public static string IntegrityCheck(string path)
    {
        using var connection = Open(path, SqliteOpenMode.ReadOnly);
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check;";
        using var reader = command.ExecuteReader();
        var lines = new List<string>();
        while (reader.Read() && lines.Count < 5) lines.Add(reader.GetString(0));
        return string.Join("; ", lines);
    }

    private static void Copy(string source, string destination)
    {
        // ReadWrite (not Create): a WAL database needs its -shm file, and a missing source must not be created.
        using var from = Open(source, SqliteOpenMode.ReadWrite);
        using (var to = Open(destination, SqliteOpenMode.ReadWriteCreate))
        {
            from.BackupDatabase(to);
            // A backup of a WAL database is itself in WAL mode; make it one self-contained file.
            using var command = to.CreateCommand();
            command.CommandText = "PRAGMA journal_mode = DELETE;";
            command.ExecuteNonQuery();
        }
    }

    private static SqliteConnection Open(string path, SqliteOpenMode mode)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = mode,
            Pooling = false, // release the file at once: it is moved or deleted right after
            DefaultTimeout = 30,
        }.ToString());
        connection.Open();
        return connection;
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];

    [GeneratedRegex(@"^talenthub-\d{8}-\d{6}\.db$", RegexOptions.CultureInvariant)]
    private static partial Regex BackupName();
}
