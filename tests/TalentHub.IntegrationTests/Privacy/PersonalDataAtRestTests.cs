using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TalentHub.Web.Data;

namespace TalentHub.IntegrationTests.Privacy;

/// <summary>Captures every log line the app writes, with its arguments.</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    public ConcurrentQueue<string> Lines { get; } = new();
    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);
    public void Dispose() { }

    private sealed class Logger(CapturingLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Lines.Enqueue($"{category}: {formatter(state, exception)} {exception}");
    }
}

/// <summary>
/// Seeds itself (not from the <see cref="SeedTemplate"/>): the seeded people's identifiers are among those looked for,
/// and what the app logs while it seeds them is among the lines scanned.
/// </summary>
public sealed class PrivacyFactory : TalentHubFactory
{
    public PrivacyFactory() => SeedsItself = true;

    public CapturingLoggerProvider Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(l => l.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace));
    }
}

public sealed class PersonalDataAtRestTests(PrivacyFactory app) : IClassFixture<PrivacyFactory>
{
    [Fact]
    public async Task AfterEveryIdentifierPath_DatabaseUploadsBackupsLogsAndEncryptedColumns_HoldNoIdentifierInClear()
    {
        var secrets = await IdentifierPaths.ExerciseAsync(app);

        // Let SQLite write everything to the files (WAL included) before reading them.
        using (var scope = app.Services.CreateScope())
            await Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.ExecuteSqlRawAsync(
                scope.ServiceProvider.GetRequiredService<TalentHubDbContext>().Database, "PRAGMA wal_checkpoint(FULL);");

        // The scan covers what the paths wrote: a pending upload, a backup and the notifications log.
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(app.DataDirectory, "uploads")));
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(app.DataDirectory, "backups")));
        Assert.True(File.Exists(Path.Combine(app.DataDirectory, "notifications.log")));
        Assert.Empty(await AtRestScan.FilesAsync(app.DataDirectory, secrets));

        var columns = await AtRestScan.EncryptedColumnsAsync(app.Services, secrets);
        Assert.Contains(columns, c => c.Column.EndsWith(".IdNumber") && c.Values > 100);
        Assert.Contains(columns, c => c.Column.EndsWith(".Mobile") && c.Values > 0);
        Assert.Contains(columns, c => c.Column.EndsWith(".Email") && c.Values > 0);

        var logs = string.Join('\n', app.Logs.Lines);
        Assert.NotEmpty(app.Logs.Lines);
        Assert.DoesNotContain(secrets, s => logs.Contains(s, StringComparison.Ordinal));
    }
}
