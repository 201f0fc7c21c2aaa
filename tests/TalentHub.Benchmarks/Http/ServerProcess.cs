using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;

namespace TalentHub.Benchmarks.Http;

/// <summary>
/// A server under test as a real child process (<c>dotnet some.dll</c>) on a loopback port the child picks itself
/// (<c>http://127.0.0.1:0</c>) and reports in its "Now listening on:" line. Start-up is timed from process start to the
/// first 200 on <c>readyPath</c>; memory is read from /proc (VmHWM: peak resident set).
/// </summary>
public sealed partial class ServerProcess : IAsyncDisposable
{
    /// <summary>What ASP.NET Core's <c>Microsoft.Hosting.Lifetime</c> logs once bound (and the baseline server prints).</summary>
    public const string ListeningLine = "Now listening on: ";

    private readonly Process _process;

    private ServerProcess(Process process) => _process = process;

    /// <summary>The address the child bound, from its <see cref="ListeningLine"/>.</summary>
    public Uri Address { get; private set; } = null!;
    public TimeSpan Startup { get; private set; }

    /// <summary>CPU seconds (user + system) the process had used when it first answered 200: on a shared machine a
    /// steadier figure of the start's cost than <see cref="Startup"/>. Null off Linux.</summary>
    public double? StartupCpuSeconds { get; private set; }
    public int Id => _process.Id;

    public static async Task<ServerProcess> StartAsync(string dll, string workingDirectory, IReadOnlyDictionary<string, string> environment,
        string readyPath, IEnumerable<string>? arguments = null, TimeSpan? timeout = null)
    {
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(dll);
        foreach (var a in arguments ?? []) info.ArgumentList.Add(a);
        // Port 0: the child binds a free port itself. A port found free here and let go before the child binds it
        // could be taken in between by any other process, even another server answering readyPath in its place.
        info.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        info.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        foreach (var (k, v) in environment) info.Environment[k] = v;
        var sw = Stopwatch.StartNew();
        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start " + dll);
        var log = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var server = new ServerProcess(process);
        var bound = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            if (log.Count < 200) log.Enqueue(e.Data);
            if (e.Data.Contains("Import stages", StringComparison.Ordinal)) server.ImportStages.Enqueue(e.Data.Trim());
            if (ListeningAddress(e.Data) is { } address) bound.TrySetResult(address);
        };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null && log.Count < 200) log.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = timeout ?? TimeSpan.FromMinutes(3);
        while (sw.Elapsed < deadline)
        {
            if (process.HasExited)
                throw new InvalidOperationException($"{Path.GetFileName(dll)} exited with {process.ExitCode}:\n{string.Join('\n', log)}");
            if (!bound.Task.IsCompleted)
            {
                await Task.Delay(25);
                continue;
            }
            server.Address = bound.Task.Result;
            try
            {
                using var response = await probe.GetAsync(new Uri(server.Address, readyPath));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    server.Startup = sw.Elapsed;
                    server.StartupCpuSeconds = server.CpuSeconds();
                    return server;
                }
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(25);
        }
        await server.DisposeAsync();
        throw new TimeoutException($"{Path.GetFileName(dll)} did not answer {readyPath} within {deadline}:\n{string.Join('\n', log)}");
    }

    /// <summary>CPU time (user + system) the process has used so far.</summary>
    public TimeSpan CpuTime()
    {
        _process.Refresh();
        return _process.TotalProcessorTime;
    }

    /// <summary>The app's "Import stages …" log lines (milliseconds per stage of each import step), in order.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<string> ImportStages { get; } = new();

    /// <summary>The highest VmHWM seen before a <see cref="ResetPeak"/>, so the whole run's peak survives the resets (MB).</summary>
    private double _peakBeforeResets;

    /// <summary>Peak resident set of the process over the whole run, in MB (Linux /proc; the .NET figure elsewhere).</summary>
    public double PeakWorkingSetMb()
    {
        if (Status("VmHWM") is not { } hwm) return Math.Round(_process.PeakWorkingSet64 / 1048576.0, 1);
        return Math.Max(_peakBeforeResets, hwm);
    }

    /// <summary>Peak resident set (VmHWM, MB) since the last <see cref="ResetPeak"/>; null off Linux.</summary>
    public double? PeakSinceResetMb() => Status("VmHWM");

    /// <summary>Resident set now (VmRSS, MB); null off Linux.</summary>
    public double? ResidentMb() => Status("VmRSS");

    /// <summary>
    /// The resident set now split as the kernel counts it (/proc/PID/status, MB): <c>RssAnon</c> (GC heap, native
    /// allocations such as SQLite's page caches, thread stacks, JIT code), <c>RssFile</c> (mapped assemblies, ICU data,
    /// native libraries; shared with other processes mapping the same files) and <c>RssShmem</c>; null off Linux.
    /// </summary>
    public (double Anon, double File, double Shmem)? ResidentSplitMb() =>
        Status("RssAnon") is { } anon && Status("RssFile") is { } file ? (anon, file, Status("RssShmem") ?? 0) : null;

    /// <summary>Copies /proc/PID/smaps (every mapping's resident size) to <paramref name="path"/>; false off Linux.</summary>
    public bool SaveSmaps(string path)
    {
        try
        {
            File.WriteAllText(path, File.ReadAllText($"/proc/{_process.Id}/smaps"));
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { return false; }
    }

    /// <summary>
    /// Starts a new per-metric peak: writing 5 to /proc/PID/clear_refs sets VmHWM back to the current RSS (Linux ≥ 4.0).
    /// Returns false where that is not possible (then the per-metric peaks are the run's peak so far).
    /// </summary>
    public bool ResetPeak()
    {
        if (Status("VmHWM") is { } hwm) _peakBeforeResets = Math.Max(_peakBeforeResets, hwm);
        try
        {
            File.WriteAllText($"/proc/{_process.Id}/clear_refs", "5");
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { return false; }
    }

    /// <summary>
    /// CPU seconds (user + system) the process has used so far, from /proc/PID/stat (clock ticks of 1/100 s); on a
    /// shared machine a steadier figure of a step's cost than its wall time. Null off Linux.
    /// </summary>
    public double? CpuSeconds()
    {
        var stat = $"/proc/{_process.Id}/stat";
        if (!File.Exists(stat)) return null;
        var text = File.ReadAllText(stat);
        var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11]) + long.Parse(fields[12])) / 100.0;
    }

    /// <summary>A "kB" line of /proc/PID/status in MB.</summary>
    private double? Status(string field)
    {
        var status = $"/proc/{_process.Id}/status";
        if (!File.Exists(status)) return null;
        var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith(field + ":", StringComparison.Ordinal));
        return line is null ? null : Math.Round(long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024.0, 1);
    }

    /// <summary>The address of a <see cref="ListeningLine"/> (as the console logger writes it), or null for any other line.</summary>
    public static Uri? ListeningAddress(string line) =>
        ListeningPattern().Match(line) is { Success: true } m ? new Uri(m.Groups[1].Value) : null;

    [GeneratedRegex(@"Now listening on: (http://[^\s""]+)")]
    private static partial Regex ListeningPattern();

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
