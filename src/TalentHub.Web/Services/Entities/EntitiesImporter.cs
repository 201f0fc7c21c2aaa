using TalentHub.Web.Infrastructure;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Data;
using TalentHub.Web.Domain.Entities;
using TalentHub.Web.Services.People;
using TalentHub.Web.Services.Spreadsheets;

namespace TalentHub.Web.Services.Entities;

/// <summary>
/// Validates an entity file as a whole: every row by the form's rules, credit codes unique within the file
/// (errors) and city-wide (already registered: skipped), legal representatives found by ID number within
/// the user's scope. Imported entities start as drafts.
/// </summary>
public sealed class EntitiesImporter(TalentHubDbContext db, PersonRegistry registry, IRegionScope scope, RegionDirectory regions,
    IHttpContextAccessor http) : IImporter
{
    private const int Chunk = 500;

    public string AuditType => nameof(BusinessEntity);

    public IReadOnlyList<ImportColumn> Columns => EntityRowMapper.Columns;

    /// <summary>
    /// Validates every row of an entity sheet (credit code per GB 32100 and its type prefix, legal representative by ID
    /// number, village inside the user's county) without writing anything; the report lists each bad row with row number,
    /// column and reason.
    /// </summary>
    public async Task<ImportReport> ValidateAsync(Sheet sheet, string fileName, CancellationToken ct = default)
    {
        sheet = sheet.WithHeaderFor(Columns);
        var report = new ImportReport { FileName = fileName, HeaderRow = sheet.HeaderRow };
        var map = ColumnMap.Build(sheet.Header, Columns, report.Errors, sheet.HeaderRow);
        if (report.FileRejected) return report;

        var officer = http.HttpContext?.User.Meets(Policies.Approver) == true; // who may confirm a failed check digit (not the administrator)
        var mapper = new EntityRowMapper(registry, await VillageIndex.LoadAsync(db, ct), scope.CountyCode, officer);
        var candidates = new List<(RowReader Reader, EntityRow Row)>();
        // Rows with errors are still checked for what the file and the database tell (a credit code twice in the file, a
        // legal representative not registered), so a row's errors are listed all at once (forms31).
        var withErrors = new List<(RowReader Reader, string LeaderHash)>();
        var firstRow = new Dictionary<string, int>();
        foreach (var row in sheet.Rows.Where(r => !r.IsEmpty))
        {
            report.TotalRows++;
            if (report.TotalRows % 1000 == 0) ct.ThrowIfCancellationRequested();
            var reader = new RowReader(row, map, Columns, report.Errors, report.Warnings);
            var entity = mapper.Read(reader, out var leaderHash);
            if (entity.CreditCode.Length > 0)
            {
                if (firstRow.TryGetValue(entity.CreditCode, out var first)) reader.Fail("CreditCode", "Import.DuplicateInFile", first);
                else firstRow[entity.CreditCode] = row.Number;
            }
            if (leaderHash is null) continue;
            if (reader.IsValid) candidates.Add((reader, new EntityRow(entity, leaderHash)));
            else withErrors.Add((reader, leaderHash));
        }

        var existing = await CountiesHoldingAsync(candidates.Select(c => c.Row.Entity.CreditCode).ToList(), ct);
        var fresh = candidates.Where(c => !existing.ContainsKey(c.Row.Entity.CreditCode)).ToList();
        var leaders = await PeopleInScopeAsync(
            fresh.Select(c => c.Row.LegalRepresentativeHash).Concat(withErrors.Select(w => w.LeaderHash)).Distinct().ToList(), ct);
        foreach (var (reader, leaderHash) in withErrors)
            if (!leaders.ContainsKey(leaderHash)) reader.Fail("LegalRepresentative", "Import.Entity.PersonNotFound");
        var codeColumn = map.Describe(Columns.First(c => c.Field == "CreditCode"));
        var written = new HashSet<int>();
        foreach (var (reader, (entity, leaderHash)) in candidates)
        {
            if (existing.TryGetValue(entity.CreditCode, out var county))
            {
                report.Skipped.Add(new ImportIssue(reader.Number, codeColumn, "Import.AlreadyExists", county));
                continue;
            }
            // The region filter applies: a legal representative outside the user's county is not found.
            if (!leaders.TryGetValue(leaderHash, out var leaderId))
            {
                reader.Fail("LegalRepresentative", "Import.Entity.PersonNotFound");
                continue;
            }
            entity.LegalRepresentativeId = leaderId;
            entity.Link(leaderId, MemberRole.Leader);
            report.ValidCount++;
            report.Valid.Add(entity);
            written.Add(reader.Number);
        }
        // A warning matters only for a row that would be written.
        report.Warnings.RemoveAll(w => !written.Contains(w.Row));
        report.Order(map);
        return report;
    }

    /// <summary>
    /// Writes the chunk's entities; one whose credit code was registered since the preview (or is pending in another
    /// import: the unique index holds those too) is skipped by the insert itself (<c>ON CONFLICT DO NOTHING</c>, no
    /// look-up beforehand), with no audit row, and counted as skipped by the caller (issue 12, imp8a).
    /// </summary>
    public Task<int> WriteAsync(IReadOnlyList<object> valid, BulkInserter inserter, long batchId, CancellationToken ct = default) =>
        Task.FromResult(inserter.Insert(valid.Cast<BusinessEntity>().ToList(), batchId, ct, skipTaken: true));

    /// <summary>
    /// The preview's legal representatives are all still visible in the user's scope (region filter on): one moved to
    /// another county, or removed, since the preview makes the kept rows stale (review 5).
    /// </summary>
    public async Task<bool> StillValidAsync(ImportReport report, CancellationToken ct = default)
    {
        var leaders = report.Valid.Cast<BusinessEntity>().Select(e => e.LegalRepresentativeId).Distinct().ToList();
        var found = 0;
        foreach (var chunk in leaders.Chunk(Chunk))
            found += await db.People.AsNoTracking().CountAsync(p => chunk.Contains(p.Id), ct);
        return found == leaders.Count;
    }

    private async Task<Dictionary<string, int>> PeopleInScopeAsync(List<string> hashes, CancellationToken ct)
    {
        var found = new Dictionary<string, int>();
        foreach (var chunk in hashes.Chunk(Chunk))
            foreach (var p in await db.People.AsNoTracking().Where(p => chunk.Contains(p.IdNumberHash))
                         .Select(p => new { p.IdNumberHash, p.Id }).ToListAsync(ct))
                found[p.IdNumberHash] = p.Id;
        return found;
    }

    /// <summary>Credit code → name of the county holding it, looked up city-wide.</summary>
    private async Task<Dictionary<string, string>> CountiesHoldingAsync(List<string> codes, CancellationToken ct)
    {
        var holders = new Dictionary<string, string>();
        foreach (var chunk in codes.Chunk(Chunk))
        {
            // Deliberately outside the region scope: a credit code is unique in the whole city.
            var rows = await db.BusinessEntities.IgnoreQueryFilters([RegionFilter.Name]).AsNoTracking()
                .Where(e => chunk.Contains(e.CreditCode))
                .Select(e => new { e.CreditCode, e.CountyCode })
                .ToListAsync(ct);
            foreach (var row in rows) holders[row.CreditCode] = row.CountyCode;
        }
        var tree = await regions.GetAsync(holders.Values, ct);
        return holders.ToDictionary(h => h.Key, h => tree.NameOf(h.Value) ?? h.Value);
    }
}
