using System.Diagnostics;
using System.Globalization;

namespace TalentHub.Benchmarks;

/// <summary>Collects the figures and prints them as one table at the end. Figures only, never a verdict on timing.</summary>
public sealed class Report
{
    private readonly List<(string Section, string Case, string Result, string Baseline, string Factor)> _rows = [];

    public void Add(string section, string @case, string result, string baseline = "", string factor = "") =>
        _rows.Add((section, @case, result, baseline, factor));

    public static string Ms(double ms) => ms.ToString(ms < 10 ? "0.00" : "0.0", CultureInfo.InvariantCulture) + " ms";

    public static string Factor(double baseline, double measured) =>
        (baseline / Math.Max(measured, 0.001)).ToString("0.0", CultureInfo.InvariantCulture) + "x";

    public void Print()
    {
        string[] head = ["Section", "Case", "Result", "Baseline", "Speed-up"];
        var rows = _rows.Select(r => new[] { r.Section, r.Case, r.Result, r.Baseline, r.Factor }).ToList();
        var widths = head.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        string Line(string[] cells) => "| " + string.Join(" | ", cells.Select((c, i) => c.PadRight(widths[i]))) + " |";
        Console.WriteLine();
        Console.WriteLine("== Summary");
        Console.WriteLine(Line(head));
        Console.WriteLine("|" + string.Join("|", widths.Select(w => new string('-', w + 2))) + "|");
        foreach (var row in rows) Console.WriteLine(Line(row));
    }
}

/// <summary>One warm-up run, then the median of <c>runs</c> timed runs.</summary>
public static class Measure
{
    public static async Task<(double MedianMs, T Result)> MedianAsync<T>(int runs, Func<Task<T>> body)
    {
        var result = await body();
        var times = new List<double>(runs);
        for (var i = 0; i < runs; i++)
        {
            var sw = Stopwatch.StartNew();
            result = await body();
            times.Add(sw.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        return (runs % 2 == 1 ? times[runs / 2] : (times[runs / 2 - 1] + times[runs / 2]) / 2, result);
    }
}
