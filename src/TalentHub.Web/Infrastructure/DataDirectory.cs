using System.Runtime.InteropServices;

namespace TalentHub.Web.Infrastructure;

/// <summary>
/// The one folder holding databases, the job store, backups, uploads and keys. On Unix it is kept
/// private to the app's user: the process umask is 077, so every file the app (or SQLite) creates is
/// 0600 and every folder 0700, and files left more open by an older version are tightened at start.
/// </summary>
public sealed class DataDirectory
{
    /// <summary>Owner read/write/execute only (0700) for folders.</summary>
    public const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    /// <summary>Owner read/write only (0600) for files.</summary>
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public DataDirectory(string root)
    {
        RestrictNewFiles();
        Root = CreatePrivate(root);
        Tighten(Root);
    }

    public string Root { get; }

    public string AppDatabase => Path.Combine(Root, "talenthub.db");
    public string JobDatabase => Path.Combine(Root, "quartz.db");
    public string Backups => CreatePrivate(Path.Combine(Root, "backups"));
    public string Keys => CreatePrivate(Path.Combine(Root, "keys"));

    /// <summary>
    /// The data directory from <c>TalentHub:DataDirectory</c> (default "data"), relative to <paramref name="contentRoot"/>
    /// unless rooted; created private (0700) if missing.
    /// </summary>
    public static DataDirectory Resolve(IConfiguration configuration, string contentRoot)
    {
        var configured = configuration[$"{TalentHubOptions.Section}:DataDirectory"] ?? "data";
        return new DataDirectory(Path.IsPathRooted(configured) ? configured : Path.Combine(contentRoot, configured));
    }

    /// <summary>Creates the folder 0700 (on Unix) and returns its full path.</summary>
    public static string CreatePrivate(string path) => OperatingSystem.IsWindows()
        ? Directory.CreateDirectory(path).FullName
        : Directory.CreateDirectory(path, FolderMode).FullName;

    /// <summary>Sets the process umask to 077 so files created from now on (SQLite's -wal/-shm too) are private.</summary>
    private static void RestrictNewFiles()
    {
        if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS()) Umask(0b000_111_111);
    }

    /// <summary>Folders 0700 and files 0600 under <paramref name="root"/>, for data written before this rule.</summary>
    private static void Tighten(string root)
    {
        if (OperatingSystem.IsWindows()) return;
        File.SetUnixFileMode(root, FolderMode);
        foreach (var dir in Directory.EnumerateDirectories(root, "*", SearchOption.AllDirectories)) File.SetUnixFileMode(dir, FolderMode);
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)) File.SetUnixFileMode(file, FileMode);
    }

    [DllImport("libc", EntryPoint = "umask")]
    private static extern uint Umask(uint mask);
}
