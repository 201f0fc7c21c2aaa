using TalentHub.Web.Services.People;
using TalentHub.Web.Services.Spreadsheets;

namespace TalentHub.UnitTests.Services.Spreadsheets;

/// <summary>
/// Issue 12 (imp9b): rows checked while the sheet is read on another thread reach the check exactly as a whole-sheet read
/// gives them; a failing read, a failing check and a cancel end the check with the same error as before, and leave no
/// reader running.
/// </summary>
public sealed class SheetSourceTests
{
    private static readonly IReadOnlyList<ImportColumn> Columns = PersonRowMapper.Columns;

    /// <summary>A title row, a blank row, the header on row 3, then <paramref name="count"/> data rows with a blank one every seventh.</summary>
    private static List<SheetRow> File(int count)
    {
        var rows = new List<SheetRow>
        {
            new(1, ["安吉县2027年人才花名册"]),
            new(2, []),
            new(3, ["姓名", "身份证号", "所在村（社区）", "人才类别"]),
        };
        for (var n = 4; n < 4 + count; n++)
            rows.Add(n % 7 == 0 ? new SheetRow(n, [null, " "]) : new SheetRow(n, ["农户" + n, "id" + n, "余村", "高素质农民"]));
        return rows;
    }

    /// <summary>A reader that records how far it got and whether it has ended (its enumeration disposed).</summary>
    private sealed class Reader(IEnumerable<SheetRow> rows, int failAfter = int.MaxValue, Exception? failure = null)
    {
        public int Yielded;
        public volatile bool Ended;

        public IEnumerable<SheetRow> Read(CancellationToken ct)
        {
            try
            {
                foreach (var row in rows)
                {
                    ct.ThrowIfCancellationRequested();
                    if (Yielded == failAfter) throw failure!;
                    Yielded++;
                    yield return row;
                }
            }
            finally
            {
                Ended = true;
            }
        }
    }

    private static async Task<List<SheetRow>> AllRowsAsync(SheetRows rows)
    {
        var seen = new List<SheetRow>();
        await foreach (var row in rows) seen.Add(row);
        return seen;
    }

    [Theory]
    [InlineData(1, 1_000)]
    [InlineData(2, 1)]
    [InlineData(2, 3)]
    [InlineData(2, 1_000)]
    public async Task TheCheck_GetsTheHeaderAndEveryRowBelowIt_InOrder_AsTheWholeSheetGivesThem(int threads, int blockRows)
    {
        var file = File(2_500);
        var whole = Sheet.From(file).WithHeaderFor(Columns);

        var (header, headerRow, seen) = await new SheetSource(new Reader(file).Read, threads, blockRows)
            .CheckAsync(Columns, async rows => (rows.Header, rows.HeaderRow, await AllRowsAsync(rows)), default);

        Assert.Equal(3, headerRow);
        Assert.Equal(whole.HeaderRow, headerRow);
        Assert.Equal(whole.Header, header);
        Assert.Equal(whole.Rows.Select(r => r.Number), seen.Select(r => r.Number));
        Assert.Equal(Enumerable.Range(4, 2_500), seen.Select(r => r.Number));
        Assert.All(seen, r => Assert.Same(file[r.Number - 1], r));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task AFileWithNothingInIt_HasNoHeader(int threads)
    {
        var refused = await Assert.ThrowsAsync<ImportFileException>(() =>
            new SheetSource(new Reader([new(1, []), new(2, [" "])]).Read, threads, 1).CheckAsync(Columns, _ => Task.FromResult(0), default));

        Assert.Equal("Import.NoHeader", refused.MessageKey);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task AReadThatFailsDownTheFile_EndsTheCheckWithTheReadsError(int threads)
    {
        var reader = new Reader(File(5_000), failAfter: 3_000, failure: new ImportFileException("Import.FileUnreadable"));
        var checkedRows = 0;

        var refused = await Assert.ThrowsAsync<ImportFileException>(() => new SheetSource(reader.Read, threads, 100)
            .CheckAsync(Columns, async rows =>
            {
                await foreach (var _ in rows) checkedRows++;
                return checkedRows;
            }, default));

        Assert.Equal("Import.FileUnreadable", refused.MessageKey);
        Assert.True(reader.Ended);
        Assert.True(checkedRows < 3_000, $"{checkedRows} rows checked; the read failed at row 3,001");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task ACheckThatReturnsEarly_StillHasTheFileReadToItsEnd_SoACapBrokenFurtherDownIsRefused(int threads)
    {
        var reader = new Reader(File(5_000), failAfter: 4_000, failure: new ImportFileException("Import.TooManyRows", 100_000));

        var refused = await Assert.ThrowsAsync<ImportFileException>(() =>
            new SheetSource(reader.Read, threads, 100).CheckAsync(Columns, _ => Task.FromResult("header rejected"), default));

        Assert.Equal("Import.TooManyRows", refused.MessageKey);
        Assert.True(reader.Ended);
    }

    [Fact]
    public async Task ACheckThatFails_StopsTheReader_BeforeItsErrorSurfaces_AndTheReaderHeldOnlyAFewBlocks()
    {
        var reader = new Reader(File(1_000_000));

        await Assert.ThrowsAsync<InvalidOperationException>(() => new SheetSource(reader.Read, threads: 2, blockRows: 10)
            .CheckAsync<int>(Columns, async rows =>
            {
                var n = 0;
                await foreach (var _ in rows)
                    if (++n == 50) throw new InvalidOperationException("the check broke");
                return n;
            }, default));

        Assert.True(reader.Ended, "the reader is still running after the check failed");
        Assert.True(reader.Yielded <= 50 + 3 + (SheetRows.BlocksAhead + 3) * 10, $"the reader ran {reader.Yielded} rows ahead");
    }

    [Fact]
    public async Task ACheckThatFailsAfterTheReadFailed_EndsWithTheReadsError_AsWhenTheFileWasReadFirst()
    {
        // Blocks of 10: the header's block, one more, then the read fails while the check is busy elsewhere.
        var reader = new Reader(File(1_000), failAfter: 20, failure: new ImportFileException("Import.FileUnreadable"));

        var refused = await Assert.ThrowsAsync<ImportFileException>(() => new SheetSource(reader.Read, threads: 2, blockRows: 10)
            .CheckAsync<int>(Columns, async rows =>
            {
                while (!reader.Ended) await Task.Yield();
                throw new InvalidOperationException("say the database went away");
            }, default));

        Assert.Equal("Import.FileUnreadable", refused.MessageKey);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task ACancelledCheck_EndsInCancellation_WithTheReaderStopped(int threads)
    {
        var reader = new Reader(File(200_000));
        using var cts = new CancellationTokenSource();
        var checkedRows = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new SheetSource(reader.Read, threads, 100)
            .CheckAsync<int>(Columns, async rows =>
            {
                await foreach (var _ in rows.WithCancellation(cts.Token))
                    if (++checkedRows == 1_000) await cts.CancelAsync();
                return checkedRows;
            }, cts.Token));

        Assert.True(reader.Ended);
        Assert.True(checkedRows <= 1_000 + 100, $"{checkedRows} rows checked after the cancel at 1,000");
        if (threads == 2) Assert.True(reader.Yielded < 200_000, "the reader read the whole file after the cancel");
    }

    [Fact]
    public async Task TheRowsOfAnXlsx_AreThoseOfTheWholeSheetRead()
    {
        var bytes = XlsxBuilder.Build(w =>
        {
            XlsxBuilder.PeopleHeader(w);
            for (var i = 2; i <= 3_000; i++)
                if (i % 5 != 0) w.Write($"<row r=\"{i}\"><c r=\"A{i}\" t=\"inlineStr\"><is><t>农户{i}</t></is></c><c r=\"B{i}\"><v>{i}</v></c></row>");
        });
        var whole = SpreadsheetReader.Read(bytes, "people.xlsx");

        var seen = await SheetSource.Upload(bytes, "people.xlsx", new ImportOptions { ValidateThreads = 2 })
            .CheckAsync(Columns, AllRowsAsync, default);

        Assert.Equal(whole.Rows.Count, seen.Count);
        Assert.Equal(whole.Rows.Select(r => (r.Number, string.Join("|", r.Cells))), seen.Select(r => (r.Number, string.Join("|", r.Cells))));
    }
}
