using System.Globalization;
using System.Diagnostics;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Data.Sqlite;
using TalentHub.Benchmarks.Baseline;
using TalentHub.Benchmarks.Data;
using TalentHub.Benchmarks.Http;
using TalentHub.Web.Data;
using TalentHub.Web.Infrastructure;
using TalentHub.Web.Services;

namespace TalentHub.Benchmarks;

/// <summary>
/// The whole run: data (generated once per data folder), the baselines against the baseline app, then the product's
/// metrics against the app as deployed (published Release, ReadyToRun; see FindApp) started as its own process on the same SQLite file. Figures only: nothing
/// here fails on timing, only on wrong results (errors are counted and reported).
/// </summary>
public sealed partial class Runner(RunOptions options)
{
    private readonly Results _results = new();
    private string _root = "";

    private string Database => Path.Combine(_root, "talenthub.db");
    private string ConnectionString => DataServiceCollectionExtensions.SqliteConnectionString(Database);

    public async Task<int> RunAsync()
    {
        var temporary = options.Data is null;
        _root = Path.GetFullPath(options.Data ?? Directory.CreateTempSubdirectory("talenthub-bench-").FullName);
        Directory.CreateDirectory(_root);
        Console.WriteLine($"TalentHub benchmarks, scale {options.Scale.Name}: {Environment.ProcessorCount} cores, load {Results.LoadAverage()}; data {_root}");
        var total = Stopwatch.StartNew();
        try
        {
            var data = await PrepareDataAsync();
            if (options.GenerateOnly) return 0;
            Console.WriteLine("\n== Baselines");
            if (options.Runs("baseline.raw-insert")) RawInsert();
            if (options.Runs("bound.import-rows")) ImportRowsBoundMetric();
            await BaselinesAsync(data);
            Console.WriteLine("\n== TalentHub");
            try
            {
                await new AppMetrics(this, data).RunAsync();
            }
            finally
            {
                // Whatever was measured is written, even when a later metric fails.
                _results.Write(options.Out, options.Scale.Name, data.Rows, data.Seconds);
            }
            Console.WriteLine($"\nWrote {Path.GetFullPath(options.Out)} after {total.Elapsed.TotalSeconds:0} s; load {Results.LoadAverage()}");
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (temporary) Directory.Delete(_root, recursive: true);
        }
    }

    internal Results Results => _results;
    internal RunOptions Options => options;

    /// <summary>First start of the app on an empty folder (migrations, keys, demo seed), then the bulk generator; reused when bench-data.json is there.</summary>
    private async Task<GeneratedData> PrepareDataAsync()
    {
        if (GeneratedData.Load(_root) is { } existing && existing.Scale == options.Scale.Name)
        {
            Console.WriteLine($"== Data: reusing the {existing.Scale} database in {_root}");
            await ApplyPendingMigrationsAsync();
            return existing;
        }
        Console.WriteLine($"== Data: {options.Scale}");
        await using (var empty = await StartAppAsync(seedDemo: true))
            _results.Add(new Metric("startup.empty", Math.Round(empty.Startup.TotalMilliseconds), "ms",
                Extra: new() { ["note"] = "first start: migrations and demo seed on an empty folder" }));
        SqliteConnection.ClearAllPools();
        var protector = PersonalDataProtector.Create(new TalentHubOptions.PersonalDataOptions(), new DataDirectory(_root));
        var data = await new Generator(ConnectionString, protector, TimeProvider.System).RunAsync(options.Scale, Console.WriteLine);
        data.Save(_root);
        var rows = data.Rows.Values.Sum();
        Console.WriteLine($"   {rows:N0} rows in {data.Seconds:0.0} s ({rows / data.Seconds:N0} rows/s)");
        return data;
    }

    /// <summary>
    /// A reused database generated before the app's latest migration gets it from one untimed start, as an upgraded
    /// deployment does once, so <c>startup</c> measures an ordinary restart and not the migration (a fresh copy of an
    /// older city database otherwise rebuilt an index over 100,000 people inside every measured start).
    /// </summary>
    private async Task ApplyPendingMigrationsAsync()
    {
        var known = typeof(SqliteTalentHubDbContext).Assembly.GetTypes()
            .Where(t => t.GetCustomAttribute<DbContextAttribute>()?.ContextType == typeof(SqliteTalentHubDbContext))
            .Select(t => t.GetCustomAttribute<MigrationAttribute>()?.Id).OfType<string>().ToHashSet();
        using (var connection = new SqliteConnection(ConnectionString))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT MigrationId FROM __EFMigrationsHistory";
            using var reader = command.ExecuteReader();
            while (reader.Read()) known.Remove(reader.GetString(0));
        }
        SqliteConnection.ClearAllPools();
        if (known.Count == 0) return;
        var sw = Stopwatch.StartNew();
        await using (await StartAppAsync()) { }
        SqliteConnection.ClearAllPools();
        Console.WriteLine($"   applied {string.Join(", ", known.Order())} in an untimed start ({sw.Elapsed.TotalSeconds:0.0} s)");
    }

    /// <summary>baseline.raw-insert: people-shaped rows (plain text, no crypto) through one prepared INSERT in one transaction.</summary>
    private void RawInsert()
    {
        var count = Math.Max(20_000, Math.Min(options.Scale.People, 100_000));
        using var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        Generator.Exec(connection, "PRAGMA synchronous = NORMAL; DROP TABLE IF EXISTS BenchRawInsert; CREATE TABLE BenchRawInsert (Id INTEGER PRIMARY KEY, " +
            "Name TEXT NOT NULL, IdNumber TEXT NOT NULL, IdNumberHash TEXT NOT NULL, Mobile TEXT, RegionCode TEXT NOT NULL, CreatedAt INTEGER NOT NULL); " +
            "CREATE UNIQUE INDEX IX_BenchRawInsert_Hash ON BenchRawInsert (IdNumberHash); CREATE INDEX IX_BenchRawInsert_Name ON BenchRawInsert (Name);");
        var sw = Stopwatch.StartNew();
        using (var tx = connection.BeginTransaction())
        {
            using var insert = new BulkInsert(connection, tx, "BenchRawInsert", "Name", "IdNumber", "IdNumberHash", "Mobile", "RegionCode", "CreatedAt");
            for (var i = 0; i < count; i++)
                insert.Add("王秀" + i, $"33052319800101{i:D4}", $"{i:x64}", $"139{i:D8}", "330523108204", i);
            tx.Commit();
        }
        var rate = count / sw.Elapsed.TotalSeconds;
        Generator.Exec(connection, "DROP TABLE BenchRawInsert;");
        _results.Add(new Metric("baseline.raw-insert", Math.Round(rate), "rows/s", Extra: new() { ["rows"] = count }));
    }

    /// <summary>bound.import-rows: the rows an import leaves per person, written as fast as raw-insert writes (see ImportRowsBound).</summary>
    private void ImportRowsBoundMetric()
    {
        var (rate, people, rows) = ImportRowsBound.Measure(ConnectionString, Math.Max(20_000, Math.Min(options.Scale.People, 100_000)));
        var raw = _results.BaselineRate("baseline.raw-insert", null);
        _results.Add(new Metric("bound.import-rows", Math.Round(rate), "people/s", "baseline.raw-insert", raw is > 0 ? Math.Round(rate / raw.Value, 3) : null,
            Extra: new() { ["people"] = people, ["rows"] = rows }));
    }

    private async Task BaselinesAsync(GeneratedData data)
    {
        var baselines = new[] { ("plaintext", "/plaintext"), ("static", "/baseline/static"), ("fortunes-raw", "/baseline/fortunes-raw"), ("fortunes-ef", "/baseline/fortunes-ef"), ("signed-in", "/baseline/signed-in") }
            .Where(b => options.Runs("baseline." + b.Item1)).ToList();
        var fragment = Uri.EscapeDataString(data.NameFragment);
        var bounds = new[]
        {
            ("bound.people-search.county", $"/baseline/people-search?q={fragment}&scope={CountyOf("anji.officer")}"),
            ("bound.people-search.city", $"/baseline/people-search?q={fragment}"),
        }.Where(b => options.Runs(b.Item1)).ToList();
        if (baselines.Count == 0 && bounds.Count == 0 && !options.Runs(StartupBaseline)) return;
        BaselineServer.EnsureFortunes(ConnectionString);
        var self = typeof(Runner).Assembly.Location;
        // Ready when the fortunes-ef page answers: its start builds an EF Core model, opens the SQLite file and renders a
        // Razor page, the framework's share of what the app's start does.
        await using var server = await ServerProcess.StartAsync(self, AppContext.BaseDirectory, new Dictionary<string, string>(),
            "/baseline/fortunes-ef", ["serve-baseline", "--db", Database]);
        if (options.Runs(StartupBaseline))
        {
            _results.Add(new Metric(StartupBaseline, Math.Round(server.Startup.TotalMilliseconds), "ms",
                Extra: new() { ["note"] = "the baseline server (JIT build): process start to first 200 on /baseline/fortunes-ef", ["cpuSeconds"] = server.StartupCpuSeconds ?? 0 }));
            Console.WriteLine($"   {StartupBaseline}: {server.StartupCpuSeconds ?? 0:0.00} s CPU");
        }
        if (baselines.Count == 0 && bounds.Count == 0) return;
        using var session = new WebSession(server.Address);
        if (!await session.GetOkAsync("/baseline/sign-in")) throw new InvalidOperationException("The baseline server did not sign in.");
        Measured = server;
        await WarmUpAsync("baselines", server, baselines.Concat(bounds.Select(b => ("", b.Item2)))
            .Select(b => (Func<Task<bool>>)(() => session.GetOkAsync(b.Item2))).ToList());
        foreach (var (name, path) in baselines)
            foreach (var clients in options.Clients)
                await MeasureAsync("baseline." + name, clients, null, _ => session.GetOkAsync(path));
        foreach (var (name, path) in bounds)
            foreach (var clients in options.Clients)
                await MeasureAsync(name, clients, "baseline.fortunes-ef", _ => session.GetOkAsync(path));
        Measured = null;
    }

    /// <summary>The county a staff member's region scope confines them to, from the app's database.</summary>
    private string CountyOf(string userName)
    {
        using var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"RegionCode\" FROM \"AspNetUsers\" WHERE \"UserName\" = $name";
        command.Parameters.AddWithValue("$name", userName);
        return command.ExecuteScalar() is string region && TalentHub.Web.Domain.Regions.RegionCodes.CountyOf(region) is { } county
            ? county : throw new InvalidOperationException($"{userName} has no county scope in {Database}");
    }

    /// <summary>
    /// The smallest signed-in page (cookie ticket, authorization, a sign-out form's antiforgery token, 12 rows by EF): the
    /// signed-in reads also get <c>signedInRatio</c> / <c>signedInCpuRatio</c> against it, the share of their cost that is
    /// theirs rather than the framework's price of a session.
    /// </summary>
    private const string SignedInBaseline = "baseline.signed-in";

    /// <summary>
    /// The baseline server's own start, process start to first 200 on its EF Core page: how fast this host starts an
    /// ASP.NET Core app at all. <c>startup</c> is recorded as a multiple of it (ratio = startup ÷ baseline.startup, lower is better).
    /// </summary>
    internal const string StartupBaseline = "baseline.startup";

    /// <summary>The server process the next load levels run against (its CPU time gives <c>cpuMsPerRequest</c>).</summary>
    internal ServerProcess? Measured { get; set; }

    /// <summary>
    /// Runs one load level and records it with its ratio to the baseline at the same client count, and the server's CPU
    /// per request (<c>cpuMsPerRequest</c>) with <c>cpuRatio</c> = the baseline's CPU per request ÷ this one's.
    /// </summary>
    internal async Task<LoadResult> MeasureAsync(string name, int clients, string? baseline, Func<int, Task<bool>> request,
        Dictionary<string, object>? extra = null)
    {
        var server = Measured;
        var result = await Load.RunAsync(clients, options.WarmUp, options.Duration, request, server is null ? null : server.CpuTime);
        if (result.CpuMsPerRequest is { } cpu)
        {
            extra ??= [];
            extra["cpuMsPerRequest"] = cpu;
            if (baseline is not null && _results.BaselineCpu(baseline, clients) is { } referenceCpu && cpu > 0)
                extra["cpuRatio"] = Math.Round(referenceCpu / cpu, 3);
        }
        if (result.ClientsOutOfWork > 0)
        {
            extra ??= [];
            extra["clientsOutOfWork"] = result.ClientsOutOfWork;
            extra["measuredSeconds"] = Math.Round(result.Seconds, 2);
            Console.WriteLine($"   {name} @{clients}: {result.ClientsOutOfWork} of {clients} clients ran out of work; the figure covers " +
                $"{result.Requests} requests in {result.Seconds:F2} s");
        }
        if (RunOptions.SignedInReads.Contains(name) && _results.BaselineRate(SignedInBaseline, clients) is > 0 and var signedIn)
        {
            extra ??= [];
            extra["signedInRatio"] = Math.Round(result.Rps / signedIn, 3);
            if (result.CpuMsPerRequest is { } own and > 0 && _results.BaselineCpu(SignedInBaseline, clients) is { } signedInCpu)
                extra["signedInCpuRatio"] = Math.Round(signedInCpu / own, 3);
        }
        var reference = baseline is null ? null : _results.BaselineRate(baseline, clients);
        _results.Add(new Metric(name, result.Rps, "req/s", baseline, reference is > 0 ? Math.Round(result.Rps / reference.Value, 3) : null,
            result.P50, result.P95, result.P99, clients, result.Requests, result.Errors, extra));
        return result;
    }

    /// <summary>
    /// Brings the server's code to its steady state before the first measured level: the JIT's tiered compilation
    /// (tier 0, instrumented, then tier 1 in the background) keeps compiling for tens of seconds after the first requests
    /// of a code path, and that CPU lands on whichever metric runs first (it made the first signed-in metric,
    /// <c>people-search.county</c>, look 2.5× as costly per request as the same page for the city officer right after it).
    /// Rounds of 2 s at 8 clients cycle through <paramref name="requests"/> until the server's CPU per request of the
    /// last three rounds is within 10 % (at least 5 rounds, at most <paramref name="limit"/>, default 60 s). Not recorded.
    /// On a machine loaded by others the background JIT is starved and this can stop early: compare runs by cpuMsPerRequest.
    /// </summary>
    internal async Task WarmUpAsync(string label, ServerProcess server, IReadOnlyList<Func<Task<bool>>> requests, TimeSpan? limit = null)
    {
        var rounds = new List<double>();
        var sw = Stopwatch.StartNew();
        var next = 0;
        while (sw.Elapsed < (limit ?? TimeSpan.FromSeconds(60)))
        {
            var before = server.CpuTime();
            var result = await Load.RunAsync(8, TimeSpan.Zero, TimeSpan.FromSeconds(2),
                _ => requests[(int)((uint)Interlocked.Increment(ref next) % requests.Count)]());
            var cpu = result.Requests == 0 ? 0 : (server.CpuTime() - before).TotalMilliseconds / result.Requests;
            rounds.Add(cpu);
            if (rounds.Count >= 5 && rounds.TakeLast(3).Max() <= 1.1 * rounds.TakeLast(3).Min()) break;
        }
        Console.WriteLine($"   warm-up {label}: {sw.Elapsed.TotalSeconds:0} s, cpu ms/req per 2 s round: {string.Join(" ", rounds.Select(r => r.ToString("0.00", CultureInfo.InvariantCulture)))}");
    }

    /// <summary>
    /// The built app (Release, next to this project in the repository) on the data folder; jobs off so nothing else runs.
    /// The demo seed runs only on the first, empty start (it reads every person's hash at start-up, which a production
    /// deployment, seeding off, never does), so <c>startup</c> is measured as production starts.
    /// </summary>
    internal Task<ServerProcess> StartAppAsync(bool seedDemo = false)
    {
        var dll = FindApp();
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["TalentHub__DataDirectory"] = _root,
            ["TalentHub__SeedDemoData"] = seedDemo ? "true" : "false",
            ["TalentHub__LoginAttemptsPerMinute"] = "100000",
            // The sessions sign the same demo staff in within one 30-second step (a code is otherwise accepted once).
            ["TalentHub__Security__RefuseReusedAuthenticatorCodes"] = "false",
            ["Quartz__Enabled"] = "false",
            ["Logging__LogLevel__Default"] = "Warning",
            // The import's per-stage stopwatch line ("Import stages …"), captured into the import metric.
            ["Logging__LogLevel__TalentHub.Web.Services.Spreadsheets.ImportSteps"] = "Information",
        };
        // A/B of runtime settings on the app alone: BENCH_APP_X=v in the harness's environment becomes X=v in the app's
        // (e.g. BENCH_APP_DOTNET_GCConserveMemory=5), leaving the harness and the baseline server as they are.
        foreach (System.Collections.DictionaryEntry e in Environment.GetEnvironmentVariables())
            if (e.Key is string key && key.StartsWith("BENCH_APP_", StringComparison.Ordinal) && key.Length > 10)
                environment[key[10..]] = e.Value as string ?? "";
        // A 100,000-row workbook (--import-rows) is ~6 MB, over the default 5 MB upload cap.
        if (options.ImportRows > 10_000) environment["TalentHub__Import__MaxUploadMegabytes"] = "20";
        return ServerProcess.StartAsync(dll, Path.GetDirectoryName(dll)!, environment, "/Catalog");
    }

    /// <summary>
    /// The app as it is deployed: published for this machine's runtime the way the Dockerfile publishes it (Release,
    /// ReadyToRun) into src/TalentHub.Web/bin/Release/bench-publish, once per run (incremental after the first);
    /// with <c>--app built</c>, src/TalentHub.Web/bin/Release/net10.0/TalentHub.Web.dll as `dotnet run -c Release` of
    /// this project builds it.
    /// </summary>
    private string FindApp() => _app ??= options.PublishedApp ? PublishApp() : BuiltApp();

    private string? _app;

    private static string PublishApp()
    {
        var project = Path.Combine(RepositoryRoot(), "src", "TalentHub.Web");
        var output = Path.Combine(project, "bin", "Release", "bench-publish");
        var sw = Stopwatch.StartNew();
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "publish", Path.Combine(project, "TalentHub.Web.csproj"), "-c", "Release", "--use-current-runtime", "--self-contained", "false", "-o", output, "-nologo", "-v", "q" })
            info.ArgumentList.Add(a);
        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start dotnet publish");
        var errors = process.StandardError.ReadToEndAsync();
        var log = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"dotnet publish failed ({process.ExitCode}):\n{log}\n{errors.Result}");
        Console.WriteLine($"   app published (ReadyToRun, as the Dockerfile does) in {sw.Elapsed.TotalSeconds:0} s: {output}");
        return Path.Combine(output, "TalentHub.Web.dll");
    }

    private static string BuiltApp()
    {
        var path = Path.Combine(RepositoryRoot(), "src", "TalentHub.Web", "bin", "Release", "net10.0", "TalentHub.Web.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("Build the app first: dotnet build src/TalentHub.Web -c Release");
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "src", "TalentHub.Web", "TalentHub.Web.csproj"))) return dir.FullName;
        throw new DirectoryNotFoundException("run from the repository (src/TalentHub.Web not found above " + AppContext.BaseDirectory + ")");
    }

    internal string ConnectionStringForChecks => ConnectionString;
}
