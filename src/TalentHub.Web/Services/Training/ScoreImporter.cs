using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Data;
using TalentHub.Web.Domain;
using TalentHub.Web.Domain.Common;
using TalentHub.Web.Domain.Training;
using TalentHub.Web.Services.Spreadsheets;
using TalentHub.Web.Services.People;

namespace TalentHub.Web.Services.Training;

/// <summary>A score row that can be written: the trainee's enrollment and the score 0–100.</summary>
public sealed record ScoreImportRow(int Row, int EnrollmentId, string Name, decimal Score);

/// <summary>
/// Validates an assessment file (.xlsx/.csv, UTF-8 or GB18030) without writing anything: each row names a
/// trainee of the course by ID number and gives a score 0–100. Every bad row is reported with its number,
/// column and reason; the valid rows are confirmed by the user and then written in one go.
/// </summary>
public sealed class ScoreImporter(TalentHubDbContext db, PersonRegistry registry)
{
    public static readonly ImportColumn IdColumn = new("IdNumber", "身份证号", "ID number", true, "身份证号码", "公民身份号码", "证件号码");
    public static readonly ImportColumn ScoreColumn = new("Score", "成绩", "Score", true, "考核成绩", "分数");
    public static readonly ImportColumn[] Columns = [IdColumn, ScoreColumn];

    /// <summary>
    /// Validates a score sheet (ID number, score 0–100 with at most one decimal) against the course's confirmed trainees
    /// without writing anything;
    /// returns the report of bad rows and the scores that may be saved.
    /// </summary>
    public async Task<(ImportReport Report, List<ScoreImportRow> Valid)> ValidateAsync(Sheet sheet, string fileName, int courseId, CancellationToken ct = default)
    {
        sheet = sheet.WithHeaderFor(Columns);
        var report = new ImportReport { FileName = fileName, HeaderRow = sheet.HeaderRow };
        var map = ColumnMap.Build(sheet.Header, Columns, report.Errors, sheet.HeaderRow);
        var valid = new List<ScoreImportRow>();
        if (report.FileRejected) return (report, valid);
        var trainees = await db.Enrollments.AsNoTracking().Where(e => e.CourseId == courseId && e.Status == EnrollmentStatus.Confirmed)
            .Join(db.People.IgnoreQueryFilters([RegionFilter.Name]), e => e.PersonId, p => p.Id, (e, p) => new { e.Id, p.IdNumberHash, p.Name })
            .ToDictionaryAsync(x => x.IdNumberHash, ct);
        var idColumn = map.Describe(IdColumn);
        var scoreColumn = map.Describe(ScoreColumn);
        var seen = new Dictionary<string, int>();
        foreach (var row in sheet.Rows.Where(r => !r.IsEmpty))
        {
            report.TotalRows++;
            // The score is checked whatever is wrong with the ID number, so both errors are listed at once (forms31).
            var scoreText = ImportValues.Text(Cell(row, map.IndexOf(ScoreColumn.Field)));
            var scoreRead = TryScore(scoreText, out var score);
            var trainee = Trainee(row);
            if (!scoreRead) Error(row, scoreColumn, "Assessment.ScoreRange");
            if (trainee is null || !scoreRead) continue;
            valid.Add(new ScoreImportRow(row.Number, trainee.Value.Id, trainee.Value.Name, score));
        }
        report.ValidCount = valid.Count;
        report.Order(map);
        return (report, valid);

        // The course's trainee the row names, or null with the ID number's error.
        (int Id, string Name)? Trainee(SheetRow row)
        {
            var text = ImportValues.Text(Cell(row, map.IndexOf(IdColumn.Field)));
            if (text is null) { Error(row, idColumn, "Assessment.Import.IdRequired"); return null; }
            string hash;
            try { hash = registry.Hash(registry.ParseIdNumber(text).Value); }
            catch (DomainException ex) { Error(row, idColumn, ex.MessageKey); return null; }
            // A repeated ID number is still looked up among the trainees, so both errors are listed (imports32).
            var repeated = seen.TryGetValue(hash, out var first);
            if (repeated) Error(row, idColumn, "Assessment.Import.DuplicateRow", first);
            else seen[hash] = row.Number;
            if (!trainees.TryGetValue(hash, out var trainee)) { Error(row, idColumn, "Assessment.Import.NotTrainee"); return null; }
            return repeated ? null : (trainee.Id, trainee.Name);
        }

        void Error(SheetRow row, string? column, string key, params object[] args) =>
            report.Errors.Add(new ImportIssue(row.Number, column, key, args));
    }

    /// <summary>
    /// A score 0–100 with at most one decimal, written with "." (normalised first, so full-width digits count as typed). No
    /// thousands separator: "8,5" is refused, not read as 85, and "85.55" is refused, not kept with two decimals (review12).
    /// </summary>
    public static bool TryScore(string? text, out decimal score) =>
        decimal.TryParse(TextNormalizer.Normalize(text), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out score)
        && score is >= 0 and <= 100 && decimal.Round(score, 1) == score;

    private static object? Cell(SheetRow row, int? index) => index is { } i && i < row.Cells.Count ? row.Cells[i] : null;
}
