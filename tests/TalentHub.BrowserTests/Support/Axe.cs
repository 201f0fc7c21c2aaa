using System.Text.Json;
using Microsoft.Playwright;

namespace TalentHub.BrowserTests.Support;

/// <summary>
/// Runs the vendored axe-core (Support/axe/axe.min.js, 4.14.1 from npm) in the page, offline. The page's context
/// must bypass the Content-Security-Policy (<see cref="BrowserApp.NewPageAsync"/> with bypassCsp) because axe is injected
/// as an inline script.
/// </summary>
public static class Axe
{
    private static readonly Lazy<string> Source = new(() => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Support", "axe", "axe.min.js")));

    /// <summary>One failed rule: its id and the CSS targets of the failing nodes.</summary>
    public sealed record Violation(string Id, string Help, IReadOnlyList<string> Targets)
    {
        public override string ToString() => $"{Id} ({Help}): {string.Join(" | ", Targets)}";
    }

    /// <summary>Runs the given axe rules (e.g. "color-contrast", "target-size") on the whole document.</summary>
    public static async Task<IReadOnlyList<Violation>> RunAsync(IPage page, params string[] rules)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe !== 'undefined'"))
            await page.AddScriptTagAsync(new() { Content = Source.Value });
        var json = await page.EvaluateAsync<string>(@"async rules => {
            const r = await axe.run(document, { runOnly: { type: 'rule', values: rules } });
            return JSON.stringify(r.violations.map(v => ({ id: v.id, help: v.help, targets: v.nodes.map(n => n.target.join(' ')) })));
        }", rules);
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.EnumerateArray().Select(v => new Violation(v.GetProperty("id").GetString()!, v.GetProperty("help").GetString()!,
            v.GetProperty("targets").EnumerateArray().Select(t => t.GetString()!).ToList())).ToList();
    }
}
