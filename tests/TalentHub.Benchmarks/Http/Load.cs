using System.Diagnostics;

namespace TalentHub.Benchmarks.Http;

/// <summary>Thrown by a request callback when its client has nothing left to do: that client stops, unrecorded.</summary>
public sealed class NoMoreWork : Exception;

/// <summary>Requests/s and latency percentiles (ms) of one load level.</summary>
public sealed record LoadResult(int Clients, double Seconds, long Requests, long Errors, double Rps, double P50, double P95, double P99, double Max)
{
    /// <summary>CPU time (user + system) the server process spent during the measured phase, ÷ requests, in ms; null when not measured.</summary>
    public double? CpuMsPerRequest { get; init; }

    /// <summary>Clients that ran out of work (<see cref="NoMoreWork"/>) before the measured phase ended: the figure then
    /// covers fewer requests, at lower concurrency towards the end (the enroll metric's 300 open courses at 1 client).</summary>
    public int ClientsOutOfWork { get; init; }
}

/// <summary>
/// The bounded async load generator: <c>clients</c> loops, each awaiting one request at a time (closed loop, so at
/// most <c>clients</c> requests are in flight), first for the warm-up (not recorded), then for the measured duration.
/// A request counts as an error when the callback returns false or throws.
/// </summary>
public static class Load
{
    /// <param name="serverCpu">The server process's CPU time so far, read right before and after the measured phase
    /// (after the warm-up, when no request is in flight): CPU per request depends far less on other load on the machine
    /// than requests/s does.</param>
    public static async Task<LoadResult> RunAsync(int clients, TimeSpan warmUp, TimeSpan duration, Func<int, Task<bool>> request,
        Func<TimeSpan>? serverCpu = null)
    {
        await Phase(clients, warmUp, request, record: false);
        var before = serverCpu?.Invoke();
        var result = await Phase(clients, duration, request, record: true);
        if (before is null || result.Requests == 0) return result;
        return result with { CpuMsPerRequest = Math.Round((serverCpu!() - before.Value).TotalMilliseconds / result.Requests, 3) };
    }

    /// <summary>1 once a failed request's exception was printed (the first one of the run is enough to tell the kind).</summary>
    private static int _reportedFailure;

    private static async Task<LoadResult> Phase(int clients, TimeSpan duration, Func<int, Task<bool>> request, bool record)
    {
        var latencies = new List<double>[clients];
        var errors = new long[clients];
        var outOfWork = 0;
        var sw = Stopwatch.StartNew();
        var end = duration;
        await Task.WhenAll(Enumerable.Range(0, clients).Select(client => Task.Run(async () =>
        {
            var mine = latencies[client] = new List<double>(4096);
            while (sw.Elapsed < end)
            {
                var start = Stopwatch.GetTimestamp();
                bool ok;
                try { ok = await request(client); }
                catch (NoMoreWork)
                {
                    Interlocked.Increment(ref outOfWork);
                    break;
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or InvalidOperationException)
                {
                    ok = false;
                    if (Interlocked.Exchange(ref _reportedFailure, 1) == 0)
                        Console.WriteLine($"   request failed ({(record ? "measured" : "warm-up")}, client {client}): {ex.GetType().Name}: {ex.Message}");
                }
                mine.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                if (!ok) errors[client]++;
            }
        })));
        var seconds = sw.Elapsed.TotalSeconds;
        if (!record)
        {
            if (errors.Sum() is var failed and > 0) Console.WriteLine($"   warm-up at {clients} clients: {failed} of {latencies.Sum(l => l.Count)} requests failed");
            return new LoadResult(clients, seconds, 0, 0, 0, 0, 0, 0, 0);
        }
        return Summarise(clients, seconds, latencies.SelectMany(l => l).ToList(), errors.Sum()) with { ClientsOutOfWork = outOfWork };
    }

    /// <summary>Percentiles by nearest rank over every recorded latency.</summary>
    public static LoadResult Summarise(int clients, double seconds, List<double> all, long errors)
    {
        all.Sort();
        double At(double p) => all.Count == 0 ? 0 : all[Math.Clamp((int)Math.Ceiling(p * all.Count) - 1, 0, all.Count - 1)];
        return new LoadResult(clients, Math.Round(seconds, 2), all.Count, errors, Math.Round(all.Count / seconds, 1),
            Math.Round(At(0.50), 2), Math.Round(At(0.95), 2), Math.Round(At(0.99), 2), Math.Round(all.Count == 0 ? 0 : all[^1], 2));
    }
}
