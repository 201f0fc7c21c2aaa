using Microsoft.Extensions.DependencyInjection;
using Quartz;
using TalentHub.Web.Data;

namespace TalentHub.IntegrationTests.Support;

/// <summary>
/// Holds the app's scheduled jobs back for a test that must see only its own writes: the outbox dispatch (every 30 s),
/// reminders and clean-ups commit transactions, and every commit moves the data versions the caches are keyed by. The
/// scheduler is put in standby, then a job that was already running is waited out (until no write has moved
/// <see cref="DataVersions.Writes"/> for half a second, at most 30 s); the scheduler starts again on dispose.
/// </summary>
public sealed class QuietScheduler : IAsyncDisposable
{
    private readonly IScheduler scheduler;

    private QuietScheduler(IScheduler scheduler) => this.scheduler = scheduler;

    public static async Task<QuietScheduler> HoldAsync(TalentHubFactory app)
    {
        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await scheduler.Standby();
        var versions = app.Services.GetRequiredService<DataVersions>();
        for (var tries = 0; tries < 60; tries++)
        {
            var before = versions.Writes;
            await Task.Delay(500);
            if (versions.Writes == before) break;
        }
        return new QuietScheduler(scheduler);
    }

    public async ValueTask DisposeAsync() => await scheduler.Start();
}
