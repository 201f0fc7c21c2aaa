using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using TalentHub.Web.Infrastructure;
using TalentHub.Web.Jobs;

namespace TalentHub.UnitTests.Jobs;

/// <summary>On PostgreSQL the app checks the age of the operator's last pg_dump instead of backing up (issue 15).</summary>
public sealed class BackupAgeTests : IDisposable
{
    private readonly string _marker = Path.Combine(Path.GetTempPath(), $"talenthub-backup-{Guid.NewGuid():N}");

    private BackupAge Age(string? marker, DateTimeOffset now)
    {
        var options = new TalentHubOptions { Backup = { Marker = marker, MaxAgeHours = 26 } };
        return new BackupAge(new StaticMonitor(options), new FakeTimeProvider(now));
    }

    [Fact]
    public void AFreshMarker_IsHealthy_AndAnOldOrMissingOneIsAProblem()
    {
        File.WriteAllText(_marker, "");
        var written = new DateTimeOffset(File.GetLastWriteTimeUtc(_marker), TimeSpan.Zero);

        Assert.Null(Age(_marker, written.AddHours(25)).Problem());
        Assert.Contains("27 h old", Age(_marker, written.AddHours(27)).Problem());
        Assert.Contains("No backup marker", Age(_marker + ".missing", written).Problem());
        Assert.Contains("not configured", Age(null, written).Problem());
    }

    public void Dispose() => File.Delete(_marker);

    private sealed class StaticMonitor(TalentHubOptions value) : IOptionsMonitor<TalentHubOptions>
    {
        public TalentHubOptions CurrentValue => value;
        public TalentHubOptions Get(string? name) => value;
        public IDisposable? OnChange(Action<TalentHubOptions, string?> listener) => null;
    }
}
