namespace TalentHub.UnitTests;

/// <summary>Files of the repository itself (Dockerfile, deploy/, resources) for tests that lint them.</summary>
internal static class RepositoryFiles
{
    /// <summary>The folder holding TalentHub.sln, found upwards from the test binaries; throws when there is none.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>A path under <see cref="Root"/>.</summary>
    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "TalentHub.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new DirectoryNotFoundException("TalentHub.sln not found above the test binaries.");
    }
}
