using System.Diagnostics;
using System.Text.Json;
using TalentHub.Web.Domain.Common;
using TalentHub.Web.Domain.People;
using TalentHub.Web.Domain.Regions;

namespace TalentHub.Benchmarks;

/// <summary>What the later benchmarks search for.</summary>
public sealed record GeneratedData(int People, IReadOnlyList<string> Counties, string SampleIdNumber, string SampleMobileTail, string NameFragment);

/// <summary>
/// Fills the database through the app's model: regions from seed-data/regions.json, then people built with the
/// domain methods (valid ID numbers, hashed and encrypted identifiers, categories, ventures) in batches.
/// </summary>
public sealed class DataGenerator(BenchDb bench, Report report)
{
    private const int BatchSize = 5_000;
    private const int BirthDays = 16_000; // 1960-01-01 .. 2003-10-20
    private static readonly DateOnly FirstBirth = new(1960, 1, 1);
    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "沈", "朱", "胡", "钱", "姚", "潘", "施", "俞"];
    private static readonly string[] Given = ["伟", "芳", "敏", "静", "丽", "强", "磊", "军", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀", "霞", "平", "刚", "华", "建", "国", "英", "春", "海", "林", "红", "玉", "志", "雪"];
    private static readonly string[] Industries = ["白茶", "竹木加工", "湖羊养殖", "水产养殖", "乡村旅游", "农村电商", "蔬菜种植", "水果种植", "农机服务", "民宿"];

    private sealed record RegionRow(string Code, string Name, string NameEn, string Level, string? Parent);

    public async Task<GeneratedData> RunAsync(int count)
    {
        var regions = await LoadRegionsAsync();
        var villages = regions.Where(r => r.Level == nameof(RegionLevel.Village)).Select(r => r.Code).ToList();
        var counties = regions.Where(r => r.Level == nameof(RegionLevel.County)).Select(r => r.Code).ToList();
        Console.WriteLine($"\n== Data: {regions.Count} regions ({villages.Count} villages); generating {count:N0} people in batches of {BatchSize:N0}");

        var rng = new Random(20261129);
        var now = TimeProvider.System.GetUtcNow();
        var sample = count / 2;
        string? sampleId = null, sampleTail = null;
        long rows = 0;
        var sw = Stopwatch.StartNew();
        for (var start = 0; start < count; start += BatchSize)
        {
            await using var db = bench.Open(audited: false);
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = start; i < Math.Min(count, start + BatchSize); i++)
            {
                var person = NewPerson(i, villages[rng.Next(villages.Count)], rng, now);
                if (i == sample) (sampleId, sampleTail) = (person.IdNumber, person.MobileTail ?? "0000");
                rows += 1 + person.Categories.Count + (person.Venture is null ? 0 : 1);
                db.People.Add(person);
            }
            await db.SaveChangesAsync();
        }
        var seconds = sw.Elapsed.TotalSeconds;
        Console.WriteLine($"   {count:N0} people ({rows:N0} rows with categories and ventures) in {seconds:0.0} s: " +
            $"{count / seconds:N0} people/s, {rows / seconds:N0} rows/s");
        report.Add("Data", $"Generate {count:N0} people ({rows:N0} rows)", $"{seconds:0.0} s", "", $"{count / seconds:N0} people/s");
        return new GeneratedData(count, counties, sampleId!, sampleTail!, "王秀");
    }

    private async Task<List<RegionRow>> LoadRegionsAsync()
    {
        var rows = JsonSerializer.Deserialize<List<RegionRow>>(await File.ReadAllTextAsync(FindRegionsFile()),
            new JsonSerializerOptions { PropertyNameCaseInsensitive = true }) ?? throw new InvalidDataException("regions.json is empty");
        await using var db = bench.Open(audited: false);
        db.Regions.AddRange(rows.Select(r => new Region
        {
            Code = r.Code, Name = r.Name, NameEn = r.NameEn, Level = Enum.Parse<RegionLevel>(r.Level), ParentCode = r.Parent,
        }));
        await db.SaveChangesAsync();
        return rows;
    }

    /// <summary>seed-data/ is copied next to the web project's output (and so ours); else walk up to the repository.</summary>
    private static string FindRegionsFile()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "seed-data", "regions.json");
            if (File.Exists(path)) return path;
        }
        throw new FileNotFoundException("seed-data/regions.json not found above " + AppContext.BaseDirectory);
    }

    private Person NewPerson(int i, string village, Random rng, DateTimeOffset now)
    {
        // (birth day, sequence) is unique per i, so every ID number is unique whatever the region prefix.
        var sex = rng.Next(2) == 0 ? Sex.Male : Sex.Female;
        var sequence = 2 * (i / BirthDays % 500) + (sex == Sex.Male ? 1 : 0);
        var id = IdNumber.Create(village[..6], FirstBirth.AddDays(i % BirthDays), sequence, sex);
        var name = Surnames[rng.Next(Surnames.Length)] + Given[rng.Next(Given.Length)] + (rng.Next(3) > 0 ? Given[rng.Next(Given.Length)] : "");
        var person = new Person
        {
            Name = name, CreatedAt = now.AddSeconds(-i), UpdatedAt = now,
            Education = rng.Next(8) is var e && e < 7 ? (EducationLevel)e : null,
            Industry = Industries[rng.Next(Industries.Length)],
            IncomeBand = (IncomeBand)rng.Next(4),
        };
        person.SetIdNumber(id, Hash(id.Value));
        if (rng.Next(10) > 0)
        {
            var mobile = $"1{rng.Next(3, 10)}{rng.Next(1_000_000_000):D9}";
            person.SetMobile(mobile, Hash(mobile));
        }
        person.MoveTo(village);

        var categories = new List<TalentCategory> { (TalentCategory)rng.Next(5) };
        if (rng.Next(4) == 0) categories.Add((TalentCategory)rng.Next(5));
        var venture = categories.Contains(TalentCategory.ReturningEntrepreneur)
            ? new Venture
            {
                Origin = (EntrepreneurOrigin)rng.Next(5), ReturnedOn = FirstBirth.AddYears(60).AddDays(rng.Next(2000)),
                Name = person.Industry + "工作室", Industry = person.Industry, Investment = rng.Next(5, 500), JobsCreated = rng.Next(1, 30),
            }
            : null;
        person.SetCategories(categories, (LocalTalentType)rng.Next(5), venture);
        return person;
    }

    private string Hash(string value) => bench.Protector.Hash(value);
}
