using TalentHub.Web.Data;
namespace TalentHub.Web.Services.Spreadsheets;

/// <summary>One finding about one row: <see cref="Row"/> as in the spreadsheet (header = 1), the column, a resource key.</summary>
public sealed record ImportIssue(int Row, string? Column, string MessageKey, params object[] Args);

/// <summary>What validating a file found. Nothing here has been written.</summary>
public class ImportReport
{
    public string FileName { get; init; } = "";
    /// <summary>Non-empty data rows.</summary>
    public int TotalRows { get; set; }
    public List<ImportIssue> Errors { get; } = [];
    /// <summary>Rows that are valid but deserve a look (an identifier Excel may have rounded): confirm needs them accepted.</summary>
    public List<ImportIssue> Warnings { get; } = [];
    /// <summary>The header's row number (1 unless title rows stand above it); header problems are reported on it.</summary>
    public int HeaderRow { get; set; } = 1;
    /// <summary>The validated records, ready to write (never shown).</summary>
    public List<object> Valid { get; } = [];
    /// <summary>Rows whose record already exists: reported, not written, not errors.</summary>
    public List<ImportIssue> Skipped { get; } = [];
    /// <summary>Rows that would be (or were) written.</summary>
    public int ValidCount { get; set; }

    /// <summary>The header itself is wrong (a required column missing): no row can be read.</summary>
    public bool FileRejected => Errors.Any(e => e.Row <= HeaderRow);

    /// <summary>Milliseconds per stage of the validation (issue 12: where an import's time goes).</summary>
    public ImportStageTimer Timings { get; } = new();

    /// <summary>
    /// Puts the errors, warnings and skipped rows in the order the page lists them (<see cref="ColumnMap.Order"/>: by row,
    /// then by the file's columns, row-level findings last); every importer calls it once its checks are done.
    /// </summary>
    public void Order(ColumnMap map)
    {
        map.Order(Errors);
        map.Order(Warnings);
        map.Order(Skipped);
    }

    public int BadRows => Errors.Where(e => e.Row > HeaderRow).Select(e => e.Row).Distinct().Count();
}

/// <summary>One kind of import (people, entities): its columns and its validation.</summary>
public interface IImporter
{
    /// <summary>The audit log's entity type for the import event.</summary>
    string AuditType { get; }

    IReadOnlyList<ImportColumn> Columns { get; }

    /// <summary>Validates every row, writing nothing; the valid records are kept in <see cref="ImportReport.Valid"/>.</summary>
    Task<ImportReport> ValidateAsync(Sheet sheet, string fileName, CancellationToken ct = default);

    /// <summary>
    /// Validates the rows of <paramref name="source"/>, writing nothing. By default the whole sheet is read first, then
    /// validated; an importer may check the rows while they are read (<see cref="SheetSource.CheckAsync{T}"/>).
    /// </summary>
    /// <exception cref="ImportFileException">The file cannot be read, breaks a cap, or holds no header.</exception>
    Task<ImportReport> ValidateAsync(SheetSource source, string fileName, CancellationToken ct = default) =>
        ValidateAsync(source.ReadAll(ct), fileName, ct);

    /// <summary>
    /// Writes one chunk of the validated records with <paramref name="inserter"/> in the caller's short transaction,
    /// under the pending batch <paramref name="batchId"/> (invisible until it is committed), skipping any that someone
    /// registered since the check or that another pending import holds (so a re-import changes nothing twice).
    /// </summary>
    /// <returns>How many were written.</returns>
    Task<int> WriteAsync(IReadOnlyList<object> valid, BulkInserter inserter, long batchId, CancellationToken ct = default);

    /// <summary>
    /// Whether a preview's validated rows, kept for the confirm by <see cref="ValidatedImports"/>, still hold: what the
    /// check looked up that may have changed meanwhile and that <see cref="WriteAsync"/> does not check again (an entity's
    /// legal representative still registered in the user's county). False: the confirm validates the file afresh, so its
    /// report (bad rows included) is what is true now. Rows registered meanwhile need nothing here: writing skips them.
    /// </summary>
    Task<bool> StillValidAsync(ImportReport report, CancellationToken ct = default) => Task.FromResult(true);
}
