using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TalentHub.Web.Services.Spreadsheets;

namespace TalentHub.IntegrationTests.Pages.People;

/// <summary>The app writing imports two records per short transaction, with a <see cref="ChunkScript"/> to act between chunks.</summary>
public sealed class ImportBatchFactory : TalentHubFactory
{
    public ChunkScript Script { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("TalentHub:Import:BatchRows", "2");
        builder.ConfigureAppConfiguration(c => c.AddInMemoryCollection(new Dictionary<string, string?> { ["TalentHub:Import:BatchRows"] = "2" }));
        builder.ConfigureTestServices(s => s.AddSingleton<IImportObserver>(Script));
    }
}

/// <summary>What a test does after each committed chunk (its rows still pending), and the batch's end.</summary>
public sealed class ChunkScript : IImportObserver
{
    public Func<long, int, CancellationToken, Task>? OnChunk { get; set; }

    public TaskCompletionSource<bool> Ended { get; private set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Reset(Func<long, int, CancellationToken, Task>? onChunk)
    {
        OnChunk = onChunk;
        Ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    public Task ChunkWrittenAsync(long batchId, int written, CancellationToken ct) => OnChunk?.Invoke(batchId, written, ct) ?? Task.CompletedTask;

    public Task BatchEndedAsync(long batchId, bool committed)
    {
        Ended.TrySetResult(committed);
        return Task.CompletedTask;
    }
}
