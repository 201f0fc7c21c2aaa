using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Data;
using TalentHub.Web.Domain.Common;
using TalentHub.Web.Domain.People;
using TalentHub.Web.Services;
using TalentHub.Web.Services.People;

namespace TalentHub.Benchmarks;

/// <summary>
/// The people list as Pages/People/Index runs it (PeopleFilter.Apply, one COUNT, one page of 20 with the region
/// names, the categories of the shown rows), against the naive way: the whole table in memory, then LINQ.
/// </summary>
public sealed class RegistryBenchmarks(BenchDb bench, Report report, GeneratedData data)
{
    private const int PageSize = 20, Runs = 7, BaselineRuns = 3;
    private const string Anji = "330523000000";

    private sealed record Case(string Name, string? Scope, PeopleFilter Filter, int Page = 1, bool Baseline = false);
    private sealed record ListResult(int Total, int Page, IReadOnlyList<int> Ids);

    public async Task RunAsync()
    {
        Console.WriteLine($"\n== Registry list (median of {Runs} runs after a warm-up; naive baseline median of {BaselineRuns})");
        Case[] cases =
        [
            new("No filter, sort by name", null, new(), Baseline: true),
            new("County scope (Anji)", Anji, new()),
            new("Category filter", null, new() { Category = TalentCategory.ReturningEntrepreneur }),
            new("Name fragment", null, new() { Q = data.NameFragment }, Baseline: true),
            new("County scope + name", Anji, new() { Q = data.NameFragment }),
            new("County filter (city user)", null, new() { County = Anji }),
            new("County filter + name (city)", null, new() { County = Anji, Q = data.NameFragment }),
            new("Mobile tail (4 digits)", null, new() { Q = data.SampleMobileTail }),
            new("Full ID number (hash)", null, new() { Q = data.SampleIdNumber }, Baseline: true),
            new("Deep page 2000", null, new(), Page: 2000),
        ];
        foreach (var c in cases)
        {
            var (ms, result) = await Measure.MedianAsync(Runs, () => ListAsync(c));
            var line = $"   {c.Name,-28} {Report.Ms(ms),10}   total {result.Total,7:N0}, page {result.Page}";
            if (!c.Baseline)
            {
                Console.WriteLine(line);
                report.Add("Registry", Label(c, result), Report.Ms(ms));
                continue;
            }
            var (naiveMs, naive) = await Measure.MedianAsync(BaselineRuns, () => NaiveListAsync(c));
            var agree = naive.Total == result.Total && naive.Ids.SequenceEqual(result.Ids) ? "same rows" : "ROWS DIFFER";
            Console.WriteLine($"{line}   naive {Report.Ms(naiveMs)} -> {Report.Factor(naiveMs, ms)} faster ({agree})");
            report.Add("Registry", Label(c, result), Report.Ms(ms),
                $"naive {Report.Ms(naiveMs)}", Report.Factor(naiveMs, ms));
        }

        await PlanAsync(cases.Single(c => c.Name == "County scope + name"));
        await PlanAsync(cases.Single(c => c.Name == "County filter + name (city)"));
        await PlanAsync(cases.Single(c => c.Name == "Full ID number (hash)"));
        await PlanAsync(cases.Single(c => c.Name == "Category filter"));
    }

    /// <summary>What the list page does per request, with a fresh context as a request gets.</summary>
    private async Task<ListResult> ListAsync(Case c)
    {
        await using var db = bench.Open(c.Scope);
        var query = c.Filter.Apply(db.People.AsNoTracking(), bench.Protector);
        var total = await query.CountAsync();
        var pageNumber = Math.Clamp(c.Page, 1, Math.Max(1, (total + PageSize - 1) / PageSize));
        var page = await query.Skip((pageNumber - 1) * PageSize).Take(PageSize)
            .Join(db.Regions, p => p.RegionCode, r => r.Code, (p, v) => new { p, v })
            .Join(db.Regions, x => x.p.CountyCode, r => r.Code, (x, county) => new
            {
                x.p.Id, x.p.Name, x.p.Sex, x.p.BirthDate, x.p.IdNumber, x.p.Mobile, x.p.Industry,
                Village = x.v.Name, County = county.Name,
            })
            .ToListAsync();
        var ids = page.Select(p => p.Id).ToList();
        var categories = (await db.Set<PersonCategory>().AsNoTracking().Where(pc => ids.Contains(pc.PersonId))
            .Select(pc => new { pc.PersonId, pc.Category, pc.LocalTalentType }).ToListAsync()).ToLookup(pc => pc.PersonId);
        var rows = page.Select(p => (p.Id, p.Name, Masking.IdNumber(p.IdNumber), Masking.Mobile(p.Mobile), p.Village, p.County,
            categories[p.Id].Count())).ToList();
        return new(total, pageNumber, rows.Select(r => r.Id).ToList());
    }

    /// <summary>The baseline: load (and decrypt) every person, then filter, sort and page in memory.</summary>
    private async Task<ListResult> NaiveListAsync(Case c)
    {
        await using var db = bench.Open(c.Scope);
        var everyone = await db.People.AsNoTracking().ToListAsync();
        var regions = await db.Regions.AsNoTracking().ToDictionaryAsync(r => r.Code, r => r.Name);
        var q = c.Filter.Q?.Trim();
        IEnumerable<Person> matching = q switch
        {
            null or "" => everyone,
            _ when IdNumber.TryParse(q, out var id, out _) => everyone.Where(p => p.IdNumber == id.Value),
            _ => everyone.Where(p => p.Name.Contains(q, StringComparison.Ordinal)),
        };
        var sorted = matching.OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Id).ToList();
        var pageNumber = Math.Clamp(c.Page, 1, Math.Max(1, (sorted.Count + PageSize - 1) / PageSize));
        var page = sorted.Skip((pageNumber - 1) * PageSize).Take(PageSize).ToList();
        var ids = page.Select(p => p.Id).ToList();
        var categories = (await db.Set<PersonCategory>().AsNoTracking().Where(pc => ids.Contains(pc.PersonId))
            .ToListAsync()).ToLookup(pc => pc.PersonId);
        var rows = page.Select(p => (p.Id, p.Name, Masking.IdNumber(p.IdNumber), Masking.Mobile(p.Mobile),
            regions[p.RegionCode], regions[p.CountyCode], categories[p.Id].Count())).ToList();
        return new(sorted.Count, pageNumber, rows.Select(r => r.Id).ToList());
    }

    /// <summary>Runs the list once while recording its SQL, then prints SQLite's plan for each statement.</summary>
    private async Task PlanAsync(Case c)
    {
        bench.Capture.Start();
        await ListAsync(c);
        var commands = bench.Capture.Stop();
        Console.WriteLine($"\n   Query plans: {c.Name} (scope {c.Scope ?? "city"}, q = {Masking.IdNumber(c.Filter.Q)})");
        await using var connection = new SqliteConnection(bench.ConnectionString);
        await connection.OpenAsync();
        foreach (var command in commands)
        {
            Console.WriteLine($"   SQL: {OneLine(command.Sql)}");
            await using var explain = connection.CreateCommand();
            explain.CommandText = "EXPLAIN QUERY PLAN " + command.Sql;
            foreach (var (name, value) in command.Parameters) explain.Parameters.AddWithValue(name, value ?? DBNull.Value);
            var depth = new Dictionary<long, int> { [0] = 0 };
            await using var reader = await explain.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var level = depth.GetValueOrDefault(reader.GetInt64(1)) + 1;
                depth[reader.GetInt64(0)] = level;
                Console.WriteLine($"   {new string(' ', 2 * level)}{reader.GetString(3)}");
            }
        }
    }

    private static string Label(Case c, ListResult r) =>
        $"{c.Name} (page {r.Page}, {r.Total:N0} {(r.Total == 1 ? "row" : "rows")})";

    private static string OneLine(string sql)
    {
        var line = string.Join(' ', sql.Split((char[])['\r', '\n', ' '], StringSplitOptions.RemoveEmptyEntries));
        return line.Length <= 240 ? line : line[..237] + "...";
    }
}
