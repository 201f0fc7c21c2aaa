using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace TalentHub.Benchmarks.Http;

/// <summary>
/// A server under test as a real child process (<c>dotnet some.dll</c>) on a free loopback port. Start-up is timed
/// from process start to the first 200 on <c>readyPath</c>; memory is read from /proc (VmHWM: peak resident set).
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ServerProcess(Process process, Uri address) => (_process, Address) = (process, address);

    public Uri Address { get; }
    public TimeSpan Startup { get; private set; }
    public int Id => _process.Id;

    public static async Task<ServerProcess> StartAsync(string dll, string workingDirectory, IReadOnlyDictionary<string, string> environment,
        string readyPath, IEnumerable<string>? arguments = null, TimeSpan? timeout = null)
    {
        var port = FreePort();
        var address = new Uri($"http://127.0.0.1:{port}");
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(dll);
        foreach (var a in arguments ?? []) info.ArgumentList.Add(a);
        info.Environment["ASPNETCORE_URLS"] = address.ToString();
        foreach (var (k, v) in environment) info.Environment[k] = v;
        var sw = Stopwatch.StartNew();
        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start " + dll);
        var log = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null && log.Count < 200) log.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null && log.Count < 200) log.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new ServerProcess(process, address);
        using var probe = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = timeout ?? TimeSpan.FromMinutes(3);
        while (sw.Elapsed < deadline)
        {
            if (process.HasExited)
                throw new InvalidOperationException($"{Path.GetFileName(dll)} exited with {process.ExitCode}:\n{string.Join('\n', log)}");
            try
            {
                using var response = await probe.GetAsync(readyPath);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    server.Startup = sw.Elapsed;
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

    /// <summary>Peak resident set of the process so far, in MB (Linux /proc; 0 elsewhere).</summary>
    public double PeakWorkingSetMb()
    {
        var status = $"/proc/{_process.Id}/status";
        if (!File.Exists(status)) return Math.Round(_process.PeakWorkingSet64 / 1048576.0, 1);
        var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? 0 : Math.Round(long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024.0, 1);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

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
