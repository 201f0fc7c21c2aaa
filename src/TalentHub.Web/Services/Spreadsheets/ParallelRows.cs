using System.Runtime.ExceptionServices;

namespace TalentHub.Web.Services.Spreadsheets;

/// <summary>
/// One row mapped by <see cref="ParallelRows.Map{T}"/>: its record (null when the row has errors) and the errors and
/// warnings its <see cref="RowReader"/> raised, in the order raised.
/// </summary>
public readonly struct MappedRow<T> where T : class
{
    private readonly List<ImportIssue> errors, warnings;
    private readonly int errorsFrom, errorsTo, warningsFrom, warningsTo;

    internal MappedRow(SheetRow row, T? record, List<ImportIssue> errors, int errorsFrom, List<ImportIssue> warnings, int warningsFrom)
    {
        Row = row;
        Record = record;
        (this.errors, this.errorsFrom, errorsTo) = (errors, errorsFrom, errors.Count);
        (this.warnings, this.warningsFrom, warningsTo) = (warnings, warningsFrom, warnings.Count);
    }

    public SheetRow Row { get; }

    public T? Record { get; }

    /// <summary>Appends this row's errors and warnings to <paramref name="report"/>, in the order the row raised them.</summary>
    public void AddIssuesTo(ImportReport report)
    {
        for (var i = errorsFrom; i < errorsTo; i++) report.Errors.Add(errors[i]);
        for (var i = warningsFrom; i < warningsTo; i++) report.Warnings.Add(warnings[i]);
    }
}

/// <summary>
/// Maps the rows of a sheet to records on every core (issue 12, perf7b: mapping 100,000 people rows, keyed hashes included,
/// was ~1 s of one core in the validation), in chunks of <see cref="ChunkRows"/> rows that each collect their own issues,
/// and gives the rows back in sheet order with each row's issues in the order it raised them — so a caller that walks
/// the result in order and appends each row's issues (and its own checks across rows, such as duplicates within the
/// file) builds exactly the report a loop over the rows builds. The mapping function must be safe to call from several
/// threads at once (it reads shared lookups, writes only the row's record). The token is checked between chunks; an
/// exception the mapping throws comes out as itself, not wrapped.
/// </summary>
public static class ParallelRows
{
    /// <summary>Rows per chunk (one task's unit of work; also how often the token is looked at).</summary>
    public const int ChunkRows = 1_000;

    /// <param name="rows">The sheet's non-empty data rows, in order.</param>
    /// <param name="map">The header's column map.</param>
    /// <param name="columns">The import's columns.</param>
    /// <param name="mapRow">Maps one row, recording its problems through the reader; null when the row has errors.</param>
    /// <param name="ct">Stops the mapping between chunks (OperationCanceledException).</param>
    public static MappedRow<T>[] Map<T>(IReadOnlyList<SheetRow> rows, ColumnMap map, IReadOnlyList<ImportColumn> columns,
        Func<RowReader, T?> mapRow, CancellationToken ct) where T : class
    {
        var mapped = new MappedRow<T>[rows.Count];
        var chunks = (rows.Count + ChunkRows - 1) / ChunkRows;
        var options = new ParallelOptions { CancellationToken = ct, MaxDegreeOfParallelism = Environment.ProcessorCount };
        try
        {
            Parallel.For(0, chunks, options, chunk =>
            {
                List<ImportIssue> errors = [], warnings = [];
                for (var i = chunk * ChunkRows; i < Math.Min(rows.Count, (chunk + 1) * ChunkRows); i++)
                {
                    int errorsFrom = errors.Count, warningsFrom = warnings.Count;
                    var record = mapRow(new RowReader(rows[i], map, columns, errors, warnings));
                    mapped[i] = new MappedRow<T>(rows[i], record, errors, errorsFrom, warnings, warningsFrom);
                }
            });
        }
        catch (AggregateException ex) when (ex.InnerExceptions.Count == 1)
        {
            ExceptionDispatchInfo.Capture(ex.InnerExceptions[0]).Throw();
        }
        return mapped;
    }
}
