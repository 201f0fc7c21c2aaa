using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace TalentHub.Benchmarks;

/// <summary>One figure of results.json: value in unit, its baseline's value and value ÷ baseline, latencies in ms.</summary>
public sealed record Metric(string Name, double Value, string Unit, string? Baseline = null, double? Ratio = null,
    double? P50 = null, double? P95 = null, double? P99 = null, int? Clients = null, long? Requests = null, long? Errors = null,
    Dictionary<string, object>? Extra = null);

/// <summary>The machine the run was on and every metric; written as results.json and printed as a table.</summary>
public sealed class Results
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public Dictionary<string, object> Machine { get; } = new()
    {
        ["cores"] = Environment.ProcessorCount,
        ["os"] = RuntimeInformation.OSDescription,
        ["runtime"] = RuntimeInformation.FrameworkDescription,
        ["cpu"] = Cpu(),
        ["date"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture),
        ["loadAverageAtStart"] = LoadAverage(),
    };

    public List<Metric> Metrics { get; } = [];

    public Metric Add(Metric metric)
    {
        Metrics.Add(metric);
        var latency = metric.P50 is null ? "" : $"  p50 {metric.P50:0.0} p95 {metric.P95:0.0} p99 {metric.P99:0.0} ms";
        var ratio = metric.Ratio is null ? "" : $"  = {metric.Ratio:0.00} x {metric.Baseline}";
        var errors = metric.Errors is > 0 ? $"  ERRORS {metric.Errors}" : "";
        if (metric.Extra?.GetValueOrDefault("cpuMsPerRequest") is double cpu)
            errors += $"  cpu {cpu:0.000} ms/req" + (metric.Extra.GetValueOrDefault("cpuRatio") is double r ? $" (= {r:0.00} x)" : "");
        if (metric.Extra?.GetValueOrDefault("signedInRatio") is double signedIn)
            errors += $"  = {signedIn:0.00} x signed-in" + (metric.Extra.GetValueOrDefault("signedInCpuRatio") is double sc ? $" (cpu {sc:0.00} x)" : "");
        Console.WriteLine($"   {metric.Name + (metric.Clients is { } c ? $" @{c}" : ""),-34} {metric.Value,10:0.0} {metric.Unit,-7}{ratio}{latency}{errors}");
        return metric;
    }

    /// <summary>The rate of a baseline at a client count (or any count when that level was not run).</summary>
    public double? BaselineRate(string name, int? clients) =>
        Metrics.Where(m => m.Name == name && (clients is null || m.Clients == clients || m.Clients is null)).Select(m => (double?)m.Value).FirstOrDefault();

    /// <summary>The server CPU ms per request of a baseline at a client count (or any count), when it was measured.</summary>
    public double? BaselineCpu(string name, int? clients) =>
        Metrics.Where(m => m.Name == name && (clients is null || m.Clients == clients || m.Clients is null))
            .Select(m => m.Extra?.GetValueOrDefault("cpuMsPerRequest") as double?).FirstOrDefault();

    public void Write(string path, string scale, Dictionary<string, long> rows, double generationSeconds)
    {
        Machine["loadAverageAtEnd"] = LoadAverage();
        var document = new Dictionary<string, object>
        {
            ["machine"] = Machine, ["scale"] = scale, ["rows"] = rows, ["generationSeconds"] = generationSeconds, ["metrics"] = Metrics,
        };
        File.WriteAllText(path, JsonSerializer.Serialize(document, Json));
    }

    public static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static string Cpu() => File.Exists("/proc/cpuinfo")
        ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown"
        : RuntimeInformation.ProcessArchitecture.ToString();
}
