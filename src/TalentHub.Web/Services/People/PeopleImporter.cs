using TalentHub.Web.Infrastructure;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Data;
using TalentHub.Web.Domain.People;
using TalentHub.Web.Services.Spreadsheets;

namespace TalentHub.Web.Services.People;

/// <summary>
/// Validates a people file as a whole: every row by the form's rules, duplicates within the file (errors)
/// and against the whole city (already registered: skipped, so re-importing a file changes nothing).
/// </summary>
public sealed class PeopleImporter(TalentHubDbContext db, PersonRegistry registry, IRegionScope scope, RegionDirectory regions) : IImporter
{
    /// <summary>
    /// ID hashes looked up per query. Each chunk is bound as ONE parameter (<see cref="EF.Parameter{T}"/>: a JSON array read
    /// by <c>json_each</c> on SQLite, an array on PostgreSQL), not as one parameter per hash: with 500 named parameters a
    /// query, preparing the statement and binding by name (a linear scan of the names per parameter) were most of the
    /// lookup's time, ~20 % of a 100,000-row validation's CPU (issue 12, perf7b: dotnet-trace). 500 keeps that JSON text
    /// (~34,000 characters) under the large-object heap's 85,000 bytes: chunks of 5,000 (330 KB each) raised the 100k
    /// import's peak working set by 40–50 MB.
    /// </summary>
    private const int Chunk = 500;

    public string AuditType => nameof(Person);

    public IReadOnlyList<ImportColumn> Columns => PersonRowMapper.Columns;

    /// <summary>Validates a sheet already read (see <see cref="ValidateAsync(SheetSource, string, CancellationToken)"/>).</summary>
    public Task<ImportReport> ValidateAsync(Sheet sheet, string fileName, CancellationToken ct = default) =>
        ValidateAsync(SheetSource.Of(sheet), fileName, ct);

    /// <summary>
    /// Checks the rows while they are read (<see cref="SheetSource.CheckAsync{T}"/>), in the file's order: each row by the
    /// form's rules (<see cref="PersonRowMapper"/>), a second row with the same ID number is an error naming the first; then
    /// the ID numbers are looked up city-wide (already registered: skipped).
    /// </summary>
    /// <exception cref="ImportFileException">The file cannot be read, breaks a cap, or holds no header.</exception>
    public Task<ImportReport> ValidateAsync(SheetSource source, string fileName, CancellationToken ct = default) =>
        source.CheckAsync(Columns, rows => CheckAsync(rows, fileName, ct), ct);

    private async Task<ImportReport> CheckAsync(SheetRows rows, string fileName, CancellationToken ct)
    {
        var report = new ImportReport { FileName = fileName, HeaderRow = rows.HeaderRow };
        var map = ColumnMap.Build(rows.Header, Columns, report.Errors, rows.HeaderRow);
        if (report.FileRejected) return report;

        var mapper = new PersonRowMapper(registry, await VillageIndex.LoadAsync(db, ct), scope.CountyCode);
        report.Timings.Lap("start");
        var candidates = new List<(int Row, Person Person)>();
        var firstRow = new Dictionary<string, int>();
        await foreach (var row in rows.WithCancellation(ct))
        {
            if (row.IsEmpty) continue;
            report.TotalRows++;
            if (report.TotalRows % 1000 == 0) ct.ThrowIfCancellationRequested();
            var reader = new RowReader(row, map, Columns, report.Errors, report.Warnings);
            var person = mapper.Map(reader, out var idHash);
            // A row with other errors is checked for a repeated ID number too, so all of its errors are listed (forms31).
            if (idHash is not null)
            {
                if (firstRow.TryGetValue(idHash, out var first)) reader.Fail("IdNumber", "Import.DuplicateInFile", first);
                else firstRow[idHash] = row.Number;
            }
            if (person is not null && reader.IsValid) candidates.Add((row.Number, person));
        }
        report.Timings.Lap("rows");
        report.Timings.Add("read", rows.ReadTime);
        report.Timings.Add("readWait", rows.WaitTime);

        // After the rows, not every 500 of them while they are checked: interleaved with the rows, the same look-ups
        // made both slower (100,000 rows: look-ups 643–782 ms against 352–419, validate CPU 4.10–4.75 s against 3.53–3.63;
        // BENCHMARKS.md "import validate, imp9b").
        var existing = await CountiesHoldingAsync(candidates.Select(c => c.Person.IdNumberHash).ToList(), ct);
        var idColumn = map.Describe(Columns.First(c => c.Field == "IdNumber"));
        var written = new HashSet<int>();
        foreach (var (row, person) in candidates)
        {
            if (existing.TryGetValue(person.IdNumberHash, out var county))
            {
                report.Skipped.Add(new ImportIssue(row, idColumn, "Import.AlreadyExists", county));
                continue;
            }
            report.ValidCount++;
            report.Valid.Add(person);
            written.Add(row);
        }
        // A warning matters only for a row that would be written.
        report.Warnings.RemoveAll(w => !written.Contains(w.Row));
        report.Timings.Lap("duplicates");
        report.Order(map);
        return report;
    }

    /// <summary>
    /// Writes the chunk's people; a person whose ID number was registered since the preview (or is pending in another
    /// import: the unique index holds those too) is skipped by the insert itself (<c>ON CONFLICT DO NOTHING</c>, no
    /// look-up beforehand), with no categories and no audit row, and counted as skipped by the caller.
    /// </summary>
    public Task<int> WriteAsync(IReadOnlyList<object> valid, BulkInserter inserter, long batchId, CancellationToken ct = default) =>
        Task.FromResult(inserter.Insert(valid.Cast<Person>().ToList(), batchId, ct, skipTaken: true));

    /// <summary>
    /// The people of <paramref name="people"/> whose ID number's keyed hash is one of <paramref name="hashes"/> (at most
    /// <see cref="Chunk"/>), the hashes bound as one parameter (see <see cref="Chunk"/>).
    /// </summary>
    public static IQueryable<Person> Holding(IQueryable<Person> people, string[] hashes) =>
        people.Where(p => EF.Parameter(hashes).Contains(p.IdNumberHash));

    /// <summary>Keyed hash → name of the county holding that ID number, looked up city-wide in chunks.</summary>
    private async Task<Dictionary<string, string>> CountiesHoldingAsync(List<string> hashes, CancellationToken ct)
    {
        var holders = new Dictionary<string, string>();
        foreach (var chunk in hashes.Chunk(Chunk))
        {
            // Deliberately outside the region scope: an ID number is unique in the whole city.
            var rows = await Holding(db.People.IgnoreQueryFilters([RegionFilter.Name]).AsNoTracking(), chunk)
                .Select(p => new { p.IdNumberHash, p.CountyCode })
                .ToListAsync(ct);
            foreach (var row in rows) holders[row.IdNumberHash] = row.CountyCode;
        }
        var tree = await regions.GetAsync(holders.Values, ct);
        return holders.ToDictionary(h => h.Key, h => tree.NameOf(h.Value) ?? h.Value);
    }
}
