using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TalentHub.Web.Data;
using TalentHub.Web.Infrastructure;
using Xunit.Abstractions;

namespace TalentHub.IntegrationTests.Pages.Admin;

public sealed class NoSeedFactory : TalentHubFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["TalentHub:SeedDemoData"] = "false" };
}

public sealed class SeedTimingTmp(ITestOutputHelper output)
{
    [Fact]
    public async Task MeasureSeeding()
    {
        for (var factory = 1; factory <= 2; factory++) await Once(factory);
    }

    private async Task Once(int factory)
    {
        output.WriteLine($"factory {factory}");
        using var app = new NoSeedFactory();
        _ = app.Services;
        app.Services.GetRequiredService<IOptions<TalentHubOptions>>().Value.SeedDemoData = true;
        foreach (var step in new[] { "SeedPeopleAsync", "SeedDemoUsersAsync", "SeedEntitiesAsync" })
        {
            var method = typeof(SeedData).GetMethod(step, System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!;
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TalentHubDbContext>();
            var sw0 = Stopwatch.StartNew();
            var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
            await (Task)method.Invoke(null, [scope.ServiceProvider, db])!;
            output.WriteLine($"{step}: {sw0.ElapsedMilliseconds} ms wall, {(Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalMilliseconds:F0} ms cpu");
        }
        for (var round = 1; round <= 2; round++)
        {
            var sw = Stopwatch.StartNew();
            await app.Services.SeedTalentHubAsync();
            output.WriteLine($"round {round}: {sw.ElapsedMilliseconds} ms");
        }
        var counts = await app.QueryAsync(async db => $"{await db.People.CountAsync()} people, {await db.BusinessEntities.CountAsync()} entities, {await db.AuditEntries.CountAsync()} audit");
        output.WriteLine(counts);
        // the people list page 2
        var client = await app.LoginAsync("admin");
        var p1 = await client.GetStringAsync("/People");
        var p2 = await client.GetStringAsync("/People?page=2");
        output.WriteLine("people page1==page2: " + (p1 == p2));
    }
}
