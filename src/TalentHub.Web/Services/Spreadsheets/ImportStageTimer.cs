using System.Diagnostics;
using System.Globalization;

namespace TalentHub.Web.Services.Spreadsheets;

/// <summary>
/// Wall-clock milliseconds per stage of one import step (read, rows, duplicates, insert per table, flip …), logged at
/// Information as one line "Import stages …" so the import's cost can be broken down from the log and by the
/// benchmark harness (issue 12, BENCHMARKS.md "Import stages"). Stages of the same name add up.
/// </summary>
public sealed class ImportStageTimer
{
    private readonly Stopwatch watch = Stopwatch.StartNew();
    private readonly List<string> order = [];
    private readonly Dictionary<string, double> milliseconds = [];

    /// <summary>Ends the current stage as <paramref name="stage"/> (time since the last lap) and starts the next.</summary>
    public void Lap(string stage)
    {
        Add(stage, watch.Elapsed);
        watch.Restart();
    }

    /// <summary>Adds <paramref name="elapsed"/> to <paramref name="stage"/> without touching the running lap.</summary>
    public void Add(string stage, TimeSpan elapsed)
    {
        if (!milliseconds.ContainsKey(stage)) order.Add(stage);
        milliseconds[stage] = milliseconds.GetValueOrDefault(stage) + elapsed.TotalMilliseconds;
    }

    /// <summary>Milliseconds recorded for a stage (0 when none).</summary>
    public double this[string stage] => milliseconds.GetValueOrDefault(stage);

    /// <summary>"read=120 rows=340 …" in milliseconds, in the order the stages first appeared.</summary>
    public override string ToString() =>
        string.Join(' ', order.Select(s => s + "=" + milliseconds[s].ToString("0", CultureInfo.InvariantCulture)));
}
