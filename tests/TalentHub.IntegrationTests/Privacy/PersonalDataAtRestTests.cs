using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
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

public sealed class PrivacyFactory : TalentHubFactory
{
    public CapturingLoggerProvider Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(l => l.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace));
    }
}

public sealed class PersonalDataAtRestTests(PrivacyFactory app) : IClassFixture<PrivacyFactory>
{
    private sealed record SeedPerson(string IdNumber, string? Mobile);

    [Fact]
    public async Task DatabaseFilesDataDirectoryAndLogs_HoldNoIdNumberOrMobileInClear()
    {
        // Exercise the paths that touch identifiers: login by mobile, a search by full ID, a reveal, an export.
        var farmer = await app.LoginAsync("13800000001");
        await farmer.GetStringAsync("/My/Enrollments");
        var clerk = await app.LoginAsync("anji.clerk");
        var seeded = JsonSerializer.Deserialize<List<SeedPerson>>(
            await File.ReadAllTextAsync(Path.Combine(SeedData.SeedDirectory, "people.json")), new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!;
        var anjiPerson = seeded.First(p => p.IdNumber.StartsWith("330523", StringComparison.Ordinal));
        await clerk.GetStringAsync($"/People?Q={anjiPerson.IdNumber}");
        var id = await app.PersonIdInCountyAsync("330523");
        await clerk.PostFormAsync($"/People/{id}?handler=Reveal", new(), formPage: $"/People/{id}");
        await clerk.GetByteArrayAsync("/People/Export?format=csv");

        // Let SQLite write everything to the files (WAL included) before reading them.
        using (var scope = app.Services.CreateScope())
            await Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.ExecuteSqlRawAsync(
                scope.ServiceProvider.GetRequiredService<TalentHubDbContext>().Database, "PRAGMA wal_checkpoint(FULL);");

        var secrets = seeded.SelectMany(p => new[] { p.IdNumber, p.Mobile }).OfType<string>().ToList();
        var files = Directory.GetFiles(app.DataDirectory, "*", SearchOption.AllDirectories);
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var text = Encoding.UTF8.GetString(await ReadSharedAsync(file)) + Encoding.Unicode.GetString(await ReadSharedAsync(file));
            var leaked = secrets.Where(s => text.Contains(s, StringComparison.Ordinal)).Take(3).ToList();
            Assert.True(leaked.Count == 0, $"{Path.GetFileName(file)} holds {leaked.Count} identifiers in clear");
        }
        var logs = string.Join('\n', app.Logs.Lines);
        Assert.NotEmpty(app.Logs.Lines);
        Assert.DoesNotContain(secrets, s => logs.Contains(s, StringComparison.Ordinal));
    }

    private static async Task<byte[]> ReadSharedAsync(string path)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var memory = new MemoryStream();
        await stream.CopyToAsync(memory);
        return memory.ToArray();
    }
}
