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
    /// <summary>Rows whose record already exists: reported, not written, not errors.</summary>
    public List<ImportIssue> Skipped { get; } = [];
    /// <summary>Rows that would be (or were) written.</summary>
    public int ValidCount { get; set; }

    /// <summary>The header itself is wrong (a required column missing): no row can be read.</summary>
    public bool FileRejected => Errors.Any(e => e.Row == 1);

    public int BadRows => Errors.Where(e => e.Row > 1).Select(e => e.Row).Distinct().Count();
}

/// <summary>One kind of import (people, entities): its columns and its validation.</summary>
public interface IImporter
{
    /// <summary>The audit log's entity type for the import event.</summary>
    string AuditType { get; }

    IReadOnlyList<ImportColumn> Columns { get; }

    /// <summary>Validates every row; with <paramref name="stage"/> the valid records are added to the DbContext (not saved).</summary>
    Task<ImportReport> ValidateAsync(Sheet sheet, string fileName, bool stage, CancellationToken ct = default);
}
