using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using TalentHub.Web.Data;
using TalentHub.Web.Services;

namespace TalentHub.IntegrationTests.Pages.Admin;

/// <summary>
/// Review10: the audit page ran a DISTINCT over the whole audit table on every request to fill its record-type choices.
/// They come from the table of audited types (<see cref="AuditedTypes.Names"/>); no command the page sends reads the audit
/// table's distinct types, and every type the app has written is among the choices.
/// </summary>
public sealed class AuditTypeChoicesTests(TalentHubFactory app) : AppTest(app)
{
    [Fact]
    public async Task TheAuditPage_SendsNoDistinctOverTheAuditTable_AndOffersEveryAuditedType()
    {
        var admin = await App.LoginAsync("admin");
        var commands = new ConcurrentQueue<string>();
        using var subscription = DiagnosticListener.AllListeners.Subscribe(new Listeners(commands));

        var html = await admin.GetStringAsync("/Admin/Audit?Type=Person");

        Assert.NotEmpty(commands); // the capture works: the page read its rows
        Assert.DoesNotContain(commands, c => c.Contains("DISTINCT", StringComparison.OrdinalIgnoreCase)
            && c.Contains("AuditEntries", StringComparison.Ordinal));
        Assert.DoesNotContain("data-filter-error", html);
        foreach (var type in AuditedTypes.Names) Assert.Contains($"<option value=\"{type}\"", html);
    }

    [Fact]
    public async Task EveryTypeTheAppHasWritten_IsAKnownChoice()
    {
        await (await App.LoginAsync("admin")).GetStringAsync("/Admin/Audit");
        using var scope = App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TalentHubDbContext>();

        var written = await db.AuditEntries.Select(a => a.EntityType).Distinct().ToListAsync();

        Assert.Empty(written.Except(AuditedTypes.Names));
    }

    private sealed class Listeners(ConcurrentQueue<string> commands) : IObserver<DiagnosticListener>
    {
        public void OnNext(DiagnosticListener listener)
        {
            if (listener.Name == DbLoggerCategory.Name) listener.Subscribe(new Commands(commands));
        }

        public void OnCompleted() { }
        public void OnError(Exception error) { }
    }

    private sealed class Commands(ConcurrentQueue<string> commands) : IObserver<KeyValuePair<string, object?>>
    {
        public void OnNext(KeyValuePair<string, object?> e)
        {
            if (e.Key == RelationalEventId.CommandExecuting.Name && e.Value is CommandEventData data) commands.Enqueue(data.Command.CommandText);
        }

        public void OnCompleted() { }
        public void OnError(Exception error) { }
    }
}
