using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using TalentHub.Benchmarks.Data;
using TalentHub.Benchmarks.Http;
using TalentHub.Web.Domain.Training;

namespace TalentHub.Benchmarks;

/// <summary>The product's metrics over HTTP, each against its same-run baseline (see BENCHMARKS.md for what each means).</summary>
public sealed partial class AppMetrics(Runner runner, GeneratedData data)
{
    private const string ReadBaseline = "baseline.fortunes-ef";
    private const string ImportedPrefix = "基准导入";
    private Results Results => runner.Results;
    private int[] Levels => runner.Options.Clients;
    private bool Runs(string metric) => runner.Options.Runs(metric);

    public async Task RunAsync()
    {
        await ReopenWindowsAsync();
        await using var app = await runner.StartAppAsync();
        runner.Measured = app;
        if (Runs("startup")) RecordStartup(app);
        using var anonymous = new WebSession(app.Address);
        using var county = await StaffAsync(app.Address, "anji.officer");
        using var city = await StaffAsync(app.Address, "city.officer");
        var fragment = Uri.EscapeDataString(data.NameFragment);

        await Phase(app, "startup", () => Task.CompletedTask);
        var reads = new (string Metric, Func<Task<bool>> Request)[]
        {
            ("catalog.first-page", () => anonymous.GetOkAsync("/Catalog")),
            ("catalog.filtered", () => anonymous.GetOkAsync("/Catalog?Topic=Ecommerce&page=2")),
            ("people-search.county", () => county.GetOkAsync("/People?q=" + fragment)),
            ("people-search.city", () => city.GetOkAsync("/People?q=" + fragment)),
            ("person-page", () => city.GetOkAsync($"/People/{data.StoryPersonId}")),
            ("dashboard", () => city.GetOkAsync("/Reports")),
        }.Where(r => Runs(r.Metric)).Select(r => r.Request).ToList();
        if (reads.Count > 0) await runner.WarmUpAsync("read pages", app, reads);
        await Phase(app, "catalog.first-page", async () => { foreach (var clients in Levels) await runner.MeasureAsync("catalog.first-page", clients, ReadBaseline, _ => anonymous.GetOkAsync("/Catalog")); });
        await Phase(app, "catalog.filtered", async () => { foreach (var clients in Levels) await runner.MeasureAsync("catalog.filtered", clients, ReadBaseline, _ => anonymous.GetOkAsync("/Catalog?Topic=Ecommerce&page=2")); });
        await Phase(app, "people-search.county", async () => { foreach (var clients in Levels) await runner.MeasureAsync("people-search.county", clients, ReadBaseline, _ => county.GetOkAsync("/People?q=" + fragment)); });
        await Phase(app, "people-search.city", async () => { foreach (var clients in Levels) await runner.MeasureAsync("people-search.city", clients, ReadBaseline, _ => city.GetOkAsync("/People?q=" + fragment)); });
        await Phase(app, "person-page", async () => { foreach (var clients in Levels) await runner.MeasureAsync("person-page", clients, ReadBaseline, _ => city.GetOkAsync($"/People/{data.StoryPersonId}")); });
        await Phase(app, "dashboard", async () => { foreach (var clients in Levels) await runner.MeasureAsync("dashboard", clients, ReadBaseline, _ => city.GetOkAsync("/Reports")); });
        await Phase(app, "enroll", () => EnrollAsync(app.Address));
        await Phase(app, "checkin", () => CheckInAsync(app.Address));
        await Phase(app, "import", () => ImportAsync(county, app));
        if (Runs("memory")) Results.Add(new Metric("memory", app.PeakWorkingSetMb(), "MB", Extra: new()
        {
            ["note"] = "peak working set (VmHWM) of the app over the whole run",
            ["peakMbByMetric"] = _peaks,
        }));
    }

    /// <summary>Peak working set (VmHWM, MB) of the app during each metric, reset before it through /proc/PID/clear_refs.</summary>
    private readonly Dictionary<string, double?> _peaks = [];

    /// <summary>
    /// Runs one metric (when selected) and adds to each of its results <c>peakMb</c> (VmHWM of the app during it: the
    /// peak is reset just before) and <c>rssAfterMb</c> (VmRSS right after), and prints them, to tell which metric
    /// makes the run's peak.
    /// </summary>
    private async Task Phase(ServerProcess app, string name, Func<Task> run)
    {
        if (!Runs(name)) return;
        var first = Results.Metrics.Count;
        var reset = name != "startup" && app.ResetPeak();
        await run();
        var peak = app.PeakSinceResetMb();
        var rss = app.ResidentMb();
        var split = app.ResidentSplitMb();
        _peaks[name] = peak;
        if (runner.Options.SmapsDirectory is { } smaps)
        {
            Directory.CreateDirectory(smaps);
            app.SaveSmaps(Path.Combine(smaps, $"{_peaks.Count:D2}-{name}.smaps"));
        }
        for (var i = first; i < Results.Metrics.Count; i++)
        {
            var extra = Results.Metrics[i].Extra ?? [];
            extra["peakMb"] = peak ?? 0;
            extra["rssAfterMb"] = rss ?? 0;
            if (split is { } s)
            {
                extra["rssAnonAfterMb"] = s.Anon;
                extra["rssFileAfterMb"] = s.File;
            }
            Results.Metrics[i] = Results.Metrics[i] with { Extra = extra };
        }
        var parts = split is { } p ? $" (anon {p.Anon:0.0}, file {p.File:0.0}, shmem {p.Shmem:0.0})" : "";
        Console.WriteLine($"   {"  memory during " + name,-34} peak {peak,7:0.0} MB, RSS after {rss,7:0.0} MB{parts}{(reset || name == "startup" ? "" : " (peak not reset)")} at {DateTime.UtcNow:HH:mm:ss}");
    }

    private static async Task<WebSession> StaffAsync(Uri address, string userName)
    {
        var session = new WebSession(address);
        if (!await session.LoginAsync(userName)) throw new InvalidOperationException($"login as {userName} failed");
        return session;
    }

    /// <summary>Moves the benchmark courses' enrollment window and the classroom session to "now" (a reused database was generated earlier).</summary>
    /// <summary>
    /// <c>startup</c>: process start to the first 200 on /Catalog, with the app's CPU to then; ratio = startup ÷
    /// <c>baseline.startup</c> (lower is better) and <c>cpuRatio</c> = app CPU ÷ the baseline's start CPU. The baseline
    /// runs as the harness's JIT build, the published app ReadyToRun; with <c>--app built</c> both are JIT.
    /// </summary>
    private void RecordStartup(ServerProcess app)
    {
        var baseline = Results.Metrics.FirstOrDefault(m => m.Name == Runner.StartupBaseline);
        var baselineCpu = baseline?.Extra?.GetValueOrDefault("cpuSeconds") as double?;
        var extra = new Dictionary<string, object> { ["note"] = $"process start to first 200 on /Catalog, {data.Scale} database", ["cpuSeconds"] = app.StartupCpuSeconds ?? 0 };
        if (baselineCpu is > 0 && app.StartupCpuSeconds is { } cpu) extra["cpuRatio"] = Math.Round(cpu / baselineCpu.Value, 2);
        var ratio = baseline is { Value: > 0 } ? Math.Round(app.Startup.TotalMilliseconds / baseline.Value, 2) : (double?)null;
        Results.Add(new Metric("startup", Math.Round(app.Startup.TotalMilliseconds), "ms", ratio is null ? null : Runner.StartupBaseline, ratio, Extra: extra));
        Console.WriteLine($"   startup: {app.StartupCpuSeconds ?? 0:0.00} s app CPU" +
            (ratio is null ? "" : $"; {ratio:0.00} x baseline.startup in time, {extra.GetValueOrDefault("cpuRatio") ?? "-"} x in CPU (lower is better)"));
    }

    private async Task ReopenWindowsAsync()
    {
        var now = DateTimeOffset.UtcNow;
        await using var connection = new SqliteConnection(runner.ConnectionStringForChecks);
        await connection.OpenAsync();
        Generator.Exec(connection,
            $"UPDATE Courses SET EnrollmentOpensAt = {now.AddDays(-1).UtcTicks}, EnrollmentClosesAt = {now.AddDays(30).UtcTicks} " +
            $"WHERE Id IN ({string.Join(',', data.OpenCourseIds)});" +
            $"UPDATE CourseSessions SET StartsAt = {now.AddMinutes(10).UtcTicks}, EndsAt = {now.AddHours(3).UtcTicks} WHERE Id = {data.CheckInSessionId};" +
            $"DELETE FROM AttendanceRecords WHERE SessionId = {data.CheckInSessionId};" +
            // What an earlier run on this database added: its enrollments in the open courses and its imported people.
            $"DELETE FROM Enrollments WHERE CourseId IN ({string.Join(',', data.OpenCourseIds)});" +
            $"UPDATE Courses SET ConfirmedCount = 0 WHERE Id IN ({string.Join(',', data.OpenCourseIds)});" +
            $"DELETE FROM PersonCategory WHERE PersonId IN (SELECT Id FROM People WHERE Name LIKE '{ImportedPrefix}%');" +
            $"DELETE FROM Ventures WHERE PersonId IN (SELECT Id FROM People WHERE Name LIKE '{ImportedPrefix}%');" +
            $"DELETE FROM People WHERE Name LIKE '{ImportedPrefix}%';");
    }

    /// <summary>
    /// enroll: each client is a signed-in farmer posting the catalog's enroll form for course after course (all clients
    /// walk the same 20-seat courses in the same order, so they race for seats); success is the redirect to "my
    /// enrollments". A client holds as many signed-in farmers as it needs to keep posting for the whole level (see
    /// <see cref="FarmersPerClient"/>): when one farmer has walked every open course, the next one starts over.
    /// Then overbooked = courses with more confirmed enrollments (rows or counter) than seats: must be 0.
    /// </summary>
    private async Task EnrollAsync(Uri address)
    {
        var farmers = new Queue<Farmer>(data.EnrollFarmers);
        var perClient = FarmersPerClient(Levels, data.OpenCourseIds.Count, farmers.Count, (runner.Options.WarmUp + runner.Options.Duration).TotalSeconds);
        for (var level = 0; level < Levels.Length; level++)
        {
            var clients = Levels[level];
            if (farmers.Count < clients * perClient[level]) break;
            var sessions = new WebSession[clients][];
            var tokens = new string[clients][];
            var next = new int[clients];
            for (var i = 0; i < clients; i++)
            {
                sessions[i] = new WebSession[perClient[level]];
                tokens[i] = new string[perClient[level]];
                for (var f = 0; f < perClient[level]; f++)
                {
                    sessions[i][f] = new WebSession(address);
                    if (!await sessions[i][f].LoginAsync(farmers.Dequeue().Mobile)) throw new InvalidOperationException("farmer login failed");
                    tokens[i][f] = WebSession.TokenOf(await sessions[i][f].Client.GetStringAsync($"/Catalog/{data.OpenCourseIds[0]}"));
                }
            }
            await runner.MeasureAsync("enroll", clients, ReadBaseline, async c =>
            {
                var walk = next[c]++;
                var farmer = walk / data.OpenCourseIds.Count;
                if (farmer >= sessions[c].Length) throw new NoMoreWork();
                var course = data.OpenCourseIds[walk % data.OpenCourseIds.Count];
                using var response = await sessions[c][farmer].Client.PostAsync($"/Catalog/{course}?handler=Enroll",
                    new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = tokens[c][farmer] }));
                if (response.StatusCode != HttpStatusCode.Redirect && Interlocked.Exchange(ref _reported, 1) == 0)
                    Console.WriteLine($"   enroll refused: HTTP {(int)response.StatusCode} {Refusals(await response.Content.ReadAsStringAsync())}");
                return response.StatusCode == HttpStatusCode.Redirect;
            });
            foreach (var s in sessions.SelectMany(s => s)) s.Dispose();
        }
        await using var connection = new SqliteConnection(runner.ConnectionStringForChecks);
        await connection.OpenAsync();
        var ids = string.Join(',', data.OpenCourseIds);
        var overbooked = (long)Generator.Scalar(connection,
            $"SELECT COUNT(*) FROM Courses c WHERE c.Id IN ({ids}) AND (c.ConfirmedCount > c.Capacity OR " +
            $"(SELECT COUNT(*) FROM Enrollments e WHERE e.CourseId = c.Id AND e.Status = '{nameof(EnrollmentStatus.Confirmed)}') > c.Capacity)");
        var confirmed = (long)Generator.Scalar(connection, $"SELECT COUNT(*) FROM Enrollments WHERE CourseId IN ({ids}) AND Status = 'Confirmed'");
        var waitlisted = (long)Generator.Scalar(connection, $"SELECT COUNT(*) FROM Enrollments WHERE CourseId IN ({ids}) AND Status = 'Waitlisted'");
        Results.Add(new Metric("enroll.overbooked", overbooked, "courses",
            Extra: new() { ["confirmed"] = confirmed, ["waitlisted"] = waitlisted, ["target"] = 0 }));
    }

    /// <summary>
    /// Signed-in farmers each enroll client needs per level so that no client runs out of courses before the level
    /// ends: enough course walks for <see cref="EnrollCeilingPerSecond"/> enrollments/s over <paramref name="seconds"/>
    /// (warm-up + duration) shared by the level's clients, at least one farmer each. When the data has too few farmers
    /// for that (the tiny smoke scale), every client gets one and the harness reports the clients that ran out of work.
    /// </summary>
    public static int[] FarmersPerClient(int[] levels, int courses, int farmers, double seconds)
    {
        var wanted = levels.Select(c => Math.Max(1, (int)Math.Ceiling(EnrollCeilingPerSecond * seconds / c / Math.Max(1, courses)))).ToArray();
        return levels.Zip(wanted).Sum(p => p.First * p.Second) <= farmers ? wanted : levels.Select(_ => 1).ToArray();
    }

    /// <summary>Well above the enrollments/s the app reaches on 2 cores (~600 at 32 clients), so the work never runs out first.</summary>
    private const double EnrollCeilingPerSecond = 1_000;

    /// <summary>checkin: the 40 farmers of one classroom each log in (password form) and post the session's current code, all at once.</summary>
    private async Task CheckInAsync(Uri address)
    {
        var code = CheckInCode.Current(data.CheckInSecret, DateTimeOffset.UtcNow);
        var logins = new List<double>();
        var checkIns = new List<double>();
        var total = Stopwatch.StartNew();
        var outcomes = await Task.WhenAll(data.ClassroomFarmers.Select(farmer => Task.Run(async () =>
        {
            using var session = new WebSession(address);
            var sw = Stopwatch.StartNew();
            var loggedIn = await session.LoginAsync(farmer.Mobile);
            var login = sw.Elapsed.TotalMilliseconds;
            sw.Restart();
            using var response = loggedIn ? await session.PostFormAsync("/My/CheckIn", new() { ["Code"] = code }) : null;
            var checkIn = sw.Elapsed.TotalMilliseconds;
            lock (logins) { logins.Add(login); checkIns.Add(checkIn); }
            return response is null ? "login refused" : response.StatusCode == HttpStatusCode.Redirect ? null : $"check-in {(int)response.StatusCode}";
        })));
        var seconds = total.Elapsed.TotalSeconds;
        var succeeded = outcomes.Count(o => o is null);
        var login = Load.Summarise(40, seconds, logins, 0);
        var result = Load.Summarise(40, seconds, checkIns, outcomes.Length - succeeded);
        // What failed, e.g. "login refused × 3, check-in 200 × 1" (a 200 is the form back with its error message).
        var failures = string.Join(", ", outcomes.OfType<string>().GroupBy(f => f).Select(g => $"{g.Key} × {g.Count()}"));
        Results.Add(new Metric("checkin", succeeded, "of 40", null, null, result.P50, result.P95, result.P99, 40, 40, result.Errors,
            new() { ["loginP50"] = login.P50, ["loginP99"] = login.P99, ["wallSeconds"] = Math.Round(seconds, 2), ["failures"] = failures }));
        if (failures.Length > 0) Console.WriteLine($"   checkin failures: {failures}");
    }

    /// <summary>import: a 10,000-row (--import-rows) people workbook uploaded and validated, then committed, as the county officer; rows/s over both steps.</summary>
    private async Task ImportAsync(WebSession officer, ServerProcess app)
    {
        var rows = runner.Options.ImportRows;
        var workbook = Workbook(rows);
        var page = "/People/Import";
        var cpu0 = app.CpuSeconds();
        var sw = Stopwatch.StartNew();
        using var content = new MultipartFormDataContent();
        content.Add(new StringContent(WebSession.TokenOf(await officer.Client.GetStringAsync(page))), "__RequestVerificationToken");
        var file = new ByteArrayContent(workbook);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        content.Add(file, "Upload", "people.xlsx");
        using var validated = await officer.Client.PostAsync(page + "?handler=Validate", content);
        var html = await validated.Content.ReadAsStringAsync();
        var validate = sw.Elapsed.TotalSeconds;
        var cpu1 = app.CpuSeconds();
        var token = ConfirmToken().Match(html);
        if (!token.Success)
        {
            Results.Add(new Metric("import", 0, "rows/s", "baseline.raw-insert", 0, Errors: 1,
                Extra: new() { ["note"] = $"validation offered no confirmation (HTTP {(int)validated.StatusCode})" }));
            return;
        }
        sw.Restart();
        using var confirmed = await officer.PostFormAsync(page + "?handler=Confirm", new() { ["Token"] = token.Groups[1].Value, ["AcceptWarnings"] = "true" }, formPage: page);
        var commit = sw.Elapsed.TotalSeconds;
        var cpu2 = app.CpuSeconds();
        // The app logs each step's stage line just before answering; give the console logger a moment to flush.
        for (var wait = 0; wait < 40 && app.ImportStages.Count < 2; wait++) await Task.Delay(50);
        if (confirmed.StatusCode != HttpStatusCode.Redirect)
            Console.WriteLine($"   import confirm: HTTP {(int)confirmed.StatusCode} {Snippet(await confirmed.Content.ReadAsStringAsync())}");
        var rate = rows / (validate + commit);
        var raw = Results.BaselineRate("baseline.raw-insert", null);
        Results.Add(new Metric("import", Math.Round(rate), "rows/s", "baseline.raw-insert", raw is > 0 ? Math.Round(rate / raw.Value, 3) : null,
            Errors: confirmed.StatusCode == HttpStatusCode.Redirect ? 0 : 1,
            Extra: new()
            {
                ["rows"] = rows, ["validateSeconds"] = Math.Round(validate, 2), ["commitSeconds"] = Math.Round(commit, 2),
                ["validateCpuSeconds"] = Math.Round((cpu1 - cpu0) ?? 0, 2), ["commitCpuSeconds"] = Math.Round((cpu2 - cpu1) ?? 0, 2),
                ["stages"] = app.ImportStages.ToList(),
            }));
        Console.WriteLine($"   import: validate {validate:0.00} s wall, {cpu1 - cpu0:0.00} s app CPU; confirm {commit:0.00} s wall, {cpu2 - cpu1:0.00} s app CPU");
        foreach (var line in app.ImportStages) Console.WriteLine("   " + line);
    }

    /// <summary>New people in Anji villages with valid, unused ID numbers (born 1950–1959, outside the generator's range).</summary>
    private static byte[] Workbook(int rows)
    {
        string[] villages = ["330523108204", "330523001205", "330523001206"];
        var list = new List<Dictionary<string, object>>(rows);
        for (var i = 0; i < rows; i++)
        {
            var sex = i % 2 == 0 ? Web.Domain.Common.Sex.Male : Web.Domain.Common.Sex.Female;
            var id = Web.Domain.Common.IdNumber.Create("330523", new DateOnly(1950, 1, 1).AddDays(i % 3000), 2 * (i / 3000) + (i % 2 == 0 ? 1 : 0), sex).Value;
            list.Add(new()
            {
                ["姓名"] = ImportedPrefix + i, ["身份证号"] = id, ["手机号"] = $"137{i:D8}", ["所在村（社区）"] = villages[i % villages.Length],
                ["人才类别"] = "HighQualityFarmer", ["主要产业"] = "白茶",
            });
        }
        using var stream = new MemoryStream();
        MiniExcelLibs.MiniExcel.SaveAs(stream, list);
        return stream.ToArray();
    }

    private int _reported;

    private static string Refusals(string html) =>
        string.Join(", ", Regex.Matches(html, "data-refusal=\"(\\w+)\"").Select(m => m.Groups[1].Value)) is { Length: > 0 } r ? r : Snippet(html);

    /// <summary>The page's validation messages, to say why a form was refused.</summary>
    private static string Snippet(string html) =>
        string.Join(" | ", Regex.Matches(html, "class=\"[^\"]*(?:text-danger|alert|validation-summary|refus)[^\"]*\"[^>]*>(.*?)</", RegexOptions.Singleline)
            .Select(m => Regex.Replace(m.Groups[1].Value, "<[^>]+>", "").Trim()).Where(t => t.Length > 0).Take(3));

    [GeneratedRegex("name=\"Token\" value=\"([0-9a-f]{32})\"")]
    private static partial Regex ConfirmToken();
}
