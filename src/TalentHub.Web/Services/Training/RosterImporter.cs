using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Data;
using TalentHub.Web.Domain;
using TalentHub.Web.Domain.Common;
using TalentHub.Web.Domain.Training;
using TalentHub.Web.Services;
using TalentHub.Web.Services.Spreadsheets;
using TalentHub.Web.Services.Training;
using TalentHub.Web.Services.People;

namespace TalentHub.Web.Services.Training;

/// <summary>A row that can be enrolled: the person it names, in file order.</summary>
public sealed record RosterImportRow(int Row, int PersonId, string Name, string MaskedId);

/// <summary>
/// Validates a roster file without writing anything: each row names a person by ID number (registered,
/// within the user's scope), an optional name must agree, and every enrollment refusal is listed (a title
/// row above the header is recognised; "3.30523E+17" is explained; an ID Excel may have rounded is a warning).
/// A person already on the roster is reported as skipped, so importing the same file again changes nothing.
/// </summary>
public sealed class RosterImporter(TalentHubDbContext db, PersonRegistry registry, EnrollmentService enrollments)
{
    public static readonly ImportColumn IdColumn = new("IdNumber", "身份证号", "ID number", true, "身份证号码", "公民身份号码", "证件号码");
    public static readonly ImportColumn NameColumn = new("Name", "姓名", "Name", false, "学员姓名");
    public static readonly ImportColumn[] Columns = [NameColumn, IdColumn];

    /// <summary>
    /// Validates a roster sheet (ID number, optional name) against the registry and the course's enrollment rules without
    /// writing anything; returns the report of bad rows and the rows that may be enrolled.
    /// </summary>
    public async Task<(ImportReport Report, List<RosterImportRow> Valid)> ValidateAsync(
        Sheet sheet, string fileName, int courseId, CancellationToken ct = default)
    {
        sheet = sheet.WithHeaderFor(Columns);
        var report = new ImportReport { FileName = fileName, HeaderRow = sheet.HeaderRow };
        var headerIssues = new List<ImportIssue>();
        var map = ColumnMap.Build(sheet.Header, Columns, headerIssues, sheet.HeaderRow);
        // The shared header checks speak in "Import.*" keys; this page has its own texts for them.
        report.Errors.AddRange(headerIssues.Select(i => i with { MessageKey = "Roster." + i.MessageKey }));
        var valid = new List<RosterImportRow>();
        if (report.FileRejected) return (report, valid);

        var idColumn = map.Describe(IdColumn);
        var firstRowOf = new Dictionary<string, int>();
        foreach (var row in sheet.Rows.Where(r => !r.IsEmpty))
        {
            report.TotalRows++;
            if (report.TotalRows % 100 == 0) ct.ThrowIfCancellationRequested();
            var cell = Cell(row, map.IndexOf(IdColumn.Field));
            var text = ImportValues.Text(cell);
            if (ImportValues.IsLongNumber(cell)) { Error(row, idColumn, "Roster.Import.IdAsNumber"); continue; }
            if (text is null) { Error(row, idColumn, "Roster.Import.IdRequired"); continue; }

            IdNumber id;
            try { id = registry.ParseIdNumber(text); }
            catch (DomainException ex) { Error(row, idColumn, ex.MessageKey); continue; }
            var hash = registry.Hash(id.Value);
            // A repeated ID number is still looked up, so a wrong name or a refusal of the same row is listed with it (imports32).
            var repeated = firstRowOf.TryGetValue(hash, out var first);
            if (repeated) Error(row, idColumn, "Roster.Import.DuplicateRow", first);
            else firstRowOf[hash] = row.Number;

            // Scoped by the registry's county filter: a county user cannot import another county's people.
            var person = await db.People.AsNoTracking().Where(p => p.IdNumberHash == hash)
                .Select(p => new { p.Id, p.Name, p.IdNumber }).FirstOrDefaultAsync(ct);
            if (person is null) { Error(row, idColumn, "Roster.Import.PersonNotFound"); continue; }
            // A name that disagrees is listed with the enrollment's refusals, not in place of them (forms31).
            var name = ImportValues.Text(Cell(row, map.IndexOf(NameColumn.Field)));
            var nameWrong = name is not null && TextNormalizer.Normalize(name) != person.Name;
            if (nameWrong) Error(row, map.Describe(NameColumn), "Roster.Import.NameMismatch", person.Name);

            var (refusals, blocking) = await enrollments.ExplainAsync(courseId, person.Id, ct);
            if (refusals.Contains(EnrollmentRefusal.AlreadyEnrolled) && !nameWrong && !repeated)
            {
                report.Skipped.Add(new ImportIssue(row.Number, idColumn, "Roster.Import.AlreadyOnRoster", person.Name));
                continue;
            }
            foreach (var refusal in refusals)
                if (refusal == EnrollmentRefusal.RepeatRule && blocking is not null) Error(row, null, "Refusal.RepeatRuleWithCourse", blocking);
                else Error(row, null, $"Refusal.{refusal}");
            if (refusals.Count > 0 || nameWrong || repeated) continue;
            valid.Add(new RosterImportRow(row.Number, person.Id, person.Name, Masking.IdNumber(person.IdNumber)));
            if (ImportValues.MayBeRounded(text)) report.Warnings.Add(new ImportIssue(row.Number, idColumn, "Roster.Import.IdMaybeRounded"));
        }
        report.ValidCount = valid.Count;
        report.Order(map);
        return (report, valid);

        void Error(SheetRow row, string? column, string key, params object[] args) =>
            report.Errors.Add(new ImportIssue(row.Number, column, key, args));
    }

    private static object? Cell(SheetRow row, int? index) =>
        index is { } i && i < row.Cells.Count ? row.Cells[i] : null;
}
