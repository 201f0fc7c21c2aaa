using System.Runtime.ExceptionServices;

namespace TalentHub.Web.Services.Spreadsheets;

/// <summary>
/// Where an import's rows come from: an upload read within its caps (<see cref="Upload"/>), or a sheet already in memory
/// (<see cref="Of"/>). A check either takes the whole sheet (<see cref="ReadAll"/>) or checks the rows while they are
/// read (<see cref="CheckAsync{T}"/>): with <see cref="ImportOptions.ValidateThreads"/> ≥ 2 the reader runs on another
/// thread a few blocks of rows ahead of the check, so reading and checking a large file take about the longer of the two
/// instead of their sum (issue 12); with 1 the whole file is read first, then checked, on one thread. Either way the
/// check sees the same rows in the same order, and a file the reader refuses is refused with the same error.
/// </summary>
public sealed class SheetSource
{
    /// <summary>Rows handed from the reader to the check at a time.</summary>
    public const int DefaultBlockRows = 1_000;

    private readonly Func<CancellationToken, IEnumerable<SheetRow>> read;
    private readonly bool readAhead;
    private readonly int blockRows;

    /// <param name="read">The sheet's rows in order (row numbers as in the spreadsheet), enumerated once, on another
    /// thread when <paramref name="threads"/> ≥ 2; it stops (throws <see cref="OperationCanceledException"/>) when its token is cancelled.</param>
    /// <param name="threads">1: read everything, then check; 2 or more: check each block while the next is read.</param>
    /// <param name="blockRows">Rows per block handed to the check (tests use small blocks to cross many boundaries).</param>
    public SheetSource(Func<CancellationToken, IEnumerable<SheetRow>> read, int threads, int blockRows = DefaultBlockRows)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(blockRows, 1);
        this.read = read;
        readAhead = threads >= 2;
        this.blockRows = blockRows;
    }

    /// <summary>An uploaded .xlsx or .csv, read by <see cref="SpreadsheetReader.Rows"/> within <see cref="ImportOptions.Limits"/>.</summary>
    public static SheetSource Upload(byte[] bytes, string fileName, ImportOptions options) =>
        new(ct => SpreadsheetReader.Rows(bytes, fileName, options.Limits, ct), options.ValidateThreads);

    /// <summary>A sheet already read (title rows, header and data rows as they were in the file).</summary>
    public static SheetSource Of(Sheet sheet) => new(_ => sheet.AllRows, threads: 1);

    /// <summary>The whole sheet at once, on the calling thread.</summary>
    /// <exception cref="ImportFileException">The reader refused the file, or it holds no header.</exception>
    public Sheet ReadAll(CancellationToken ct) => Sheet.From(read(ct).ToList());

    /// <summary>
    /// Finds the header for <paramref name="columns"/> (<see cref="Sheet.WithHeaderFor"/>, among the first rows) and runs
    /// <paramref name="check"/> over the rows below it as they are read. When the check returns, the rest of the file is
    /// still read to its end, so a file that breaks a cap further down is refused exactly as when it was read first.
    /// Nothing is left running when this returns or throws: a failing or cancelled check stops the reader and waits for it.
    /// </summary>
    /// <exception cref="ImportFileException">The reader refused the file (also when the check failed after the reader
    /// had: the read's error comes first, as when the whole file was read before the check), or it holds no header.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="ct"/> was cancelled.</exception>
    public async Task<T> CheckAsync<T>(IReadOnlyList<ImportColumn> columns, Func<SheetRows, Task<T>> check, CancellationToken ct)
    {
        var rows = new SheetRows(read, readAhead, blockRows, ct);
        try
        {
            await rows.FindHeaderAsync(columns);
            var result = await check(rows);
            await rows.SkipRestAsync();
            return result;
        }
        catch (Exception ex) when (ex is not ImportFileException)
        {
            if (await rows.StopAsync() is ImportFileException failed) ExceptionDispatchInfo.Throw(failed);
            throw;
        }
        finally
        {
            await rows.StopAsync();
        }
    }
}
