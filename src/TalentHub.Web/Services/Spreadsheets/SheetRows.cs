using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace TalentHub.Web.Services.Spreadsheets;

/// <summary>
/// The rows below a sheet's header, handed over from the reader in blocks as they are read (made by
/// <see cref="SheetSource.CheckAsync{T}"/>, which owns its lifetime). Reading ahead, the reader runs on a thread-pool
/// thread and stays at most <see cref="BlocksAhead"/> blocks ahead of the check, so memory holds a few thousand rows,
/// not the sheet; otherwise the whole sheet is read when it is opened. Enumerate it once, in order.
/// </summary>
public sealed class SheetRows : IAsyncEnumerable<SheetRow>
{
    /// <summary>Blocks the reader may have waiting for the check (it waits when they are all taken).</summary>
    public const int BlocksAhead = 4;

    private readonly Channel<SheetRow[]> blocks;
    private readonly CancellationTokenSource stop;
    private readonly CancellationToken ct;
    private readonly Task reading;
    private IReadOnlyList<SheetRow> first = [];
    private long readTicks, waitTicks;
    private bool stopped;
    private Exception? stopFailure;

    internal SheetRows(Func<CancellationToken, IEnumerable<SheetRow>> read, bool readAhead, int blockRows, CancellationToken ct)
    {
        this.ct = ct;
        stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        blocks = readAhead
            ? Channel.CreateBounded<SheetRow[]>(new BoundedChannelOptions(BlocksAhead) { SingleReader = true, SingleWriter = true })
            : Channel.CreateUnbounded<SheetRow[]>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        // Not reading ahead, the unbounded channel never makes the reader wait: it runs to its end right here.
        reading = readAhead ? Task.Run(() => ReadAsync(read, blockRows, stop.Token)) : ReadAsync(read, blockRows, stop.Token);
    }

    /// <summary>The header's cells.</summary>
    public IReadOnlyList<object?> Header { get; private set; } = [];

    /// <summary>The header's row number (1 unless title rows stand above it).</summary>
    public int HeaderRow { get; private set; } = 1;

    /// <summary>Wall time the reader took (known once it has ended).</summary>
    public TimeSpan ReadTime => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref readTicks));

    /// <summary>Wall time the check spent waiting for the reader's next block.</summary>
    public TimeSpan WaitTime => Stopwatch.GetElapsedTime(0, waitTicks);

    private async Task ReadAsync(Func<CancellationToken, IEnumerable<SheetRow>> read, int blockRows, CancellationToken token)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var block = new List<SheetRow>(blockRows);
            foreach (var row in read(token))
            {
                block.Add(row);
                if (block.Count < blockRows) continue;
                await blocks.Writer.WriteAsync(block.ToArray(), token);
                block.Clear();
            }
            if (block.Count > 0) await blocks.Writer.WriteAsync(block.ToArray(), token);
        }
        finally
        {
            Interlocked.Exchange(ref readTicks, Stopwatch.GetTimestamp() - started);
            blocks.Writer.Complete();
        }
    }

    /// <summary>
    /// Reads until the first <see cref="Sheet.HeaderSearchRows"/> non-empty rows are in (or the sheet ends) and takes the
    /// header among them as <see cref="Sheet.WithHeaderFor"/> does for a whole sheet; the data rows read meanwhile come first.
    /// </summary>
    /// <exception cref="ImportFileException">The reader refused the file, or no row holds anything (no header).</exception>
    internal async Task FindHeaderAsync(IReadOnlyList<ImportColumn> columns)
    {
        var rows = new List<SheetRow>();
        var nonEmpty = 0;
        while (nonEmpty < Sheet.HeaderSearchRows && await NextBlockAsync(ct) is { } block)
        {
            rows.AddRange(block);
            nonEmpty += block.Count(r => !r.IsEmpty);
        }
        var sheet = Sheet.From(rows).WithHeaderFor(columns);
        (Header, HeaderRow, first) = (sheet.Header, sheet.HeaderRow, sheet.Rows);
    }

    /// <summary>The data rows (below the header, empty ones included) in the sheet's order.</summary>
    /// <exception cref="ImportFileException">The reader refused the file (at the point where it did).</exception>
    public async IAsyncEnumerator<SheetRow> GetAsyncEnumerator(CancellationToken cancellation = default)
    {
        var token = cancellation.CanBeCanceled ? cancellation : ct;
        foreach (var row in first) yield return row;
        first = [];
        while (await NextBlockAsync(token) is { } block)
            foreach (var row in block) yield return row;
    }

    /// <summary>The next block, or null at the end of a read that succeeded; rethrows the reader's failure.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="token"/> was cancelled (checked once a block).</exception>
    private async Task<SheetRow[]?> NextBlockAsync(CancellationToken token)
    {
        token.ThrowIfCancellationRequested();
        if (blocks.Reader.TryRead(out var ready)) return ready;
        var started = Stopwatch.GetTimestamp();
        try
        {
            while (await blocks.Reader.WaitToReadAsync(token))
                if (blocks.Reader.TryRead(out var block)) return block;
            await reading;
            return null;
        }
        finally
        {
            waitTicks += Stopwatch.GetTimestamp() - started;
        }
    }

    /// <summary>Reads what is left to the end, unchecked (the reader's failure further down still counts).</summary>
    internal async Task SkipRestAsync()
    {
        first = [];
        while (await NextBlockAsync(ct) is not null) { }
    }

    /// <summary>
    /// Stops the reader and waits until it has ended; returns its failure other than being stopped (null when it read to
    /// the end, or was stopped here). Safe to call more than once.
    /// </summary>
    internal async Task<Exception?> StopAsync()
    {
        if (stopped) return stopFailure;
        stopped = true;
        stop.Cancel();
        try
        {
            await reading;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Stopped here (or the request was cancelled): not a failure of the file.
        }
        catch (Exception ex)
        {
            stopFailure = ex;
        }
        stop.Dispose();
        return stopFailure;
    }
}
