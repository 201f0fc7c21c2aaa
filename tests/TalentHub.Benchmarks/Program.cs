using System.Globalization;
using TalentHub.Benchmarks.Baseline;
using TalentHub.Benchmarks.Data;

namespace TalentHub.Benchmarks;

/// <summary>
/// dotnet run -c Release --project tests/TalentHub.Benchmarks -- [--scale tiny|small|city|province] [--out results.json]
///     [--seconds N] [--data DIR] [--clients 1,8,32] [--generate-only] [--only catalog,people-search] [--import-rows 10000]
///     [--smaps DIR] [--app published|built]
/// (and, internally, <c>serve-baseline --db FILE</c>: the baseline web app). See BENCHMARKS.md.
/// </summary>
public static class BenchMain
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "serve-baseline") return await BaselineServer.RunAsync(Value(args, "--db") ?? throw new ArgumentException("--db"));
        var scale = Scale.Parse(Value(args, "--scale") ?? "small");
        var seconds = double.TryParse(Value(args, "--seconds"), CultureInfo.InvariantCulture, out var s) ? s : 0;
        var clients = (Value(args, "--clients") ?? "1,8,32").Split(',').Select(c => int.TryParse(c, out var n) ? n : 0).ToArray();
        var importRows = int.TryParse(Value(args, "--import-rows"), out var r) ? r : 10_000;
        // The targets are judged at city scale on the app as deployed; tiny and small are the quick runs (a first publish
        // after a change costs minutes), so they measure the build unless told otherwise.
        var app = Value(args, "--app") ?? (scale == Scale.Small || scale == Scale.Tiny ? "built" : "published");
        if (scale is null || app is not ("published" or "built") || importRows is < 1 or > 100_000 || clients.Any(c => c < 1) || args.Any(a => a is "-h" or "--help"))
        {
            Console.Error.WriteLine("usage: TalentHub.Benchmarks [--scale tiny|small|city|province] [--out results.json] [--seconds N] [--data DIR] [--clients 1,8,32] [--generate-only] [--only PREFIX,PREFIX] [--import-rows N] [--smaps DIR] [--app published|built]");
            return 2;
        }
        var options = new RunOptions(scale, Value(args, "--out") ?? "results.json", Value(args, "--data"),
            TimeSpan.FromSeconds(seconds > 0 ? seconds : scale == Scale.Small || scale == Scale.Tiny ? 2 : 10), clients, args.Contains("--generate-only"),
            (Value(args, "--only") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), importRows,
            Value(args, "--smaps"), app == "published");
        return await new Runner(options).RunAsync();
    }

    private static string? Value(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }
}

/// <summary>
/// What one run does: the scale, where the JSON goes, the data folder (kept when given), seconds per level, client counts;
/// GenerateOnly stops after the data (use with --data); Only (metric name prefixes, empty = all) runs a subset;
/// ImportRows is the size of the <c>import</c> metric's workbook (default 10,000; at most the import cap, 100,000);
/// SmapsDirectory, when given, receives a copy of the app's /proc/PID/smaps after each metric (NN-metric.smaps);
/// PublishedApp (<c>--app published</c>, the default at city and province scale) measures the app published as the
/// Dockerfile deploys it; false (<c>--app built</c>, the default at tiny and small) measures the Release build output.
/// </summary>
public sealed record RunOptions(Scale Scale, string Out, string? Data, TimeSpan Duration, int[] Clients, bool GenerateOnly = false, string[]? Only = null,
    int ImportRows = 10_000, string? SmapsDirectory = null, bool PublishedApp = true)
{
    /// <summary>
    /// True when <paramref name="metric"/> is to run: no <c>--only</c>, or a prefix matches its name. The baselines a
    /// selected metric is compared with always run too (its ratio needs them): <c>baseline.fortunes-ef</c> for the read
    /// and enroll metrics, <c>baseline.signed-in</c> for the signed-in reads, <c>baseline.raw-insert</c> for <c>import</c>.
    /// </summary>
    public bool Runs(string metric)
    {
        if (Only is not { Length: > 0 } only) return true;
        if (only.Any(p => metric.StartsWith(p, StringComparison.Ordinal))) return true;
        return metric switch
        {
            "baseline.fortunes-ef" => only.Any(p => !p.StartsWith("baseline.", StringComparison.Ordinal) && p is not ("import" or "memory" or "startup" or "checkin")),
            "baseline.signed-in" => only.Any(p => SignedInReads.Any(m => m.StartsWith(p, StringComparison.Ordinal))),
            "baseline.raw-insert" => only.Any(p => "import".StartsWith(p, StringComparison.Ordinal)),
            "baseline.startup" => only.Any(p => "startup".StartsWith(p, StringComparison.Ordinal)),
            // A metric's bound runs with it: --only people-search also measures bound.people-search.*.
            _ when metric.StartsWith("bound.", StringComparison.Ordinal) => only.Any(p => metric[6..].StartsWith(p, StringComparison.Ordinal)),
            _ => false,
        };
    }

    /// <summary>The read metrics of a signed-in officer, also compared with <c>baseline.signed-in</c> (<c>signedInRatio</c>).</summary>
    public static readonly string[] SignedInReads = ["people-search.county", "people-search.city", "person-page", "dashboard"];

    public TimeSpan WarmUp => TimeSpan.FromSeconds(Math.Min(2, Duration.TotalSeconds / 3));
}
