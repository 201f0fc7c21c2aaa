using System.Text.RegularExpressions;

namespace TalentHub.UnitTests.Deploy;

/// <summary>
/// The Dockerfile cannot be built here (no Docker engine), so what makes its image start fast is linted: the app is
/// restored and published for the build machine's runtime, which is what turns on ReadyToRun in TalentHub.Web.csproj
/// (issue 12, <c>startup</c>). A publish with <c>--use-current-runtime</c> after a restore without it fails (the
/// restore has no runtime-specific assets), so both lines must carry it.
/// </summary>
public sealed partial class DockerfileTests
{
    [Fact]
    public void Image_IsRestoredAndPublished_ForItsRuntime_SoTheAppIsCompiledAheadOfTime()
    {
        var dockerfile = File.ReadAllLines(RepositoryFiles.PathOf("Dockerfile"));
        var project = File.ReadAllText(RepositoryFiles.PathOf("src", "TalentHub.Web", "TalentHub.Web.csproj"));

        var restore = Assert.Single(dockerfile, l => l.StartsWith("RUN dotnet restore", StringComparison.Ordinal));
        var publish = Assert.Single(dockerfile, l => l.StartsWith("RUN dotnet publish", StringComparison.Ordinal));
        Assert.Contains("--use-current-runtime", restore);
        Assert.Contains("--use-current-runtime", publish);
        Assert.Contains("--self-contained false", publish);
        Assert.Matches(ReadyToRunForARuntime(), project);
    }

    [GeneratedRegex(@"<PropertyGroup Condition=""[^""]*UseCurrentRuntimeIdentifier[^""]*"">\s*<PublishReadyToRun>true</PublishReadyToRun>")]
    private static partial Regex ReadyToRunForARuntime();
}
