namespace TalentHub.Web.Infrastructure;

/// <summary>The one folder holding databases, the job store, backups, uploads and keys.</summary>
public sealed class DataDirectory(string root)
{
    public string Root { get; } = Directory.CreateDirectory(root).FullName;

    public string AppDatabase => Path.Combine(Root, "talenthub.db");
    public string JobDatabase => Path.Combine(Root, "quartz.db");
    public string Backups => Directory.CreateDirectory(Path.Combine(Root, "backups")).FullName;
    public string Keys => Directory.CreateDirectory(Path.Combine(Root, "keys")).FullName;

    public static DataDirectory Resolve(IConfiguration configuration, string contentRoot)
    {
        var configured = configuration[$"{TalentHubOptions.Section}:DataDirectory"] ?? "data";
        return new DataDirectory(Path.IsPathRooted(configured) ? configured : Path.Combine(contentRoot, configured));
    }
}
