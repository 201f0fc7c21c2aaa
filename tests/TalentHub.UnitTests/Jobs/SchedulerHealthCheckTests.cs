using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Quartz;
using TalentHub.Web.Infrastructure;

namespace TalentHub.UnitTests.Jobs;

public sealed class SchedulerHealthCheckTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task IsHealthy_WhileTheSchedulerRuns_DegradedWhileItStarts_UnhealthyOnceShutDown()
    {
        await using var services = Build();
        var scheduler = await services.GetRequiredService<ISchedulerFactory>().GetScheduler();

        // Created, not started yet: a node's state between "application started" and Quartz's start (was Unhealthy, a 503).
        Assert.Equal(HealthStatus.Degraded, await Check(services));
        await scheduler.Start();
        Assert.Equal(HealthStatus.Healthy, await Check(services));
        await scheduler.Standby();
        Assert.Equal(HealthStatus.Degraded, await Check(services));
        await scheduler.Start();
        Assert.Equal(HealthStatus.Healthy, await Check(services));
        await scheduler.Shutdown();
        Assert.Equal(HealthStatus.Unhealthy, await Check(services));
    }

    [Fact]
    public async Task IsHealthy_WhenTheSchedulerIsDisabledByConfiguration()
    {
        await using var services = Build(("Quartz:Enabled", "false"));

        Assert.Equal(HealthStatus.Healthy, await Check(services));
    }

    private static async Task<HealthStatus> Check(IServiceProvider services)
    {
        var report = await services.GetRequiredService<HealthCheckService>().CheckHealthAsync(r => r.Name == "scheduler");
        return Assert.Single(report.Entries).Value.Status;
    }

    private ServiceProvider Build(params (string Key, string? Value)[] settings) =>
        JobServices.Build(new DataDirectory(temp.Path), settings); // no host, so the hosted service never starts it
}
