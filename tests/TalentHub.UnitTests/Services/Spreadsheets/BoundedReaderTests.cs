using System.Text;
using TalentHub.Web.Services.Entities;
using TalentHub.Web.Services.People;
using TalentHub.Web.Services.Spreadsheets;
using static TalentHub.UnitTests.Services.Spreadsheets.XlsxBuilder;

namespace TalentHub.UnitTests.Services.Spreadsheets;

/// <summary>Issue 8, items 8 and 12: the reader's caps hold whatever the file, with work and memory bounded by them.</summary>
public sealed class BoundedReaderTests
{
    private static readonly SpreadsheetLimits Small = new(MaxRows: 1_000, MaxColumns: 30, MaxUnpackedBytes: 8L * 1024 * 1024, MaxCellCharacters: 2_000);

    /// <summary>Bytes this thread allocated while <paramref name="read"/> ran (all of the reader's work is on this thread).</summary>
    private static long Allocated(Action read)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        read();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    /// <summary>A million tiny rows: about 0.2 MB zipped, about 40 MB unpacked.</summary>
    private static byte[] MillionRowBomb() => Build(w =>
    {
        PeopleHeader(w);
        for (var i = 2; i <= 1_000_000; i++) w.Write($"<row r=\"{i}\"><c r=\"A{i}\"><v>1</v></c></row>");
    });

    [Fact]
    public void AZipBomb_IsRefusedAtTheUnpackedCap_AfterUnpackingNoMoreThanTheCap()
    {
        var bomb = MillionRowBomb();
        Assert.True(bomb.Length < 5 * 1024 * 1024, $"the bomb is {bomb.Length} bytes");
        ImportFileException? refused = null;

        var limits = Small with { MaxRows = 2_000_000 };

        var allocated = Allocated(() => refused = Assert.Throws<ImportFileException>(() => SpreadsheetReader.Read(bomb, "bomb.xlsx", limits, default)));

        Assert.Equal("Import.TooLargeUnpacked", refused!.MessageKey);
        // Unpacking stops at the 8 MB cap; scanning those 8 MB of XML allocates a few times that, never the 40 MB behind it.
        Assert.True(allocated < 64L * 1024 * 1024, $"allocated {allocated / 1024 / 1024} MB");
    }

    [Fact]
    public void AMillionRowsWithinTheUnpackedCap_StopAtTheRowCap_WithBoundedMemory()
    {
        var limits = Small with { MaxUnpackedBytes = 200L * 1024 * 1024 };
        var bomb = MillionRowBomb();
        ImportFileException? refused = null;

        var allocated = Allocated(() => refused = Assert.Throws<ImportFileException>(() => SpreadsheetReader.Read(bomb, "rows.xlsx", limits, default)));

        Assert.Equal("Import.TooManyRows", refused!.MessageKey);
        Assert.Equal(1_000, refused.Args[0]);
        Assert.True(allocated < 32L * 1024 * 1024, $"allocated {allocated / 1024 / 1024} MB");
    }

    [Fact]
    public void CellsInTheLastColumn_CostOnlyTheColumnCap()
    {
        var file = Build(w =>
        {
            PeopleHeader(w);
            for (var i = 2; i <= 500; i++) w.Write(Row(i, Text($"A{i}", "张三"), Text($"XFD{i}", "x")));
        });
        Sheet? sheet = null;

        var allocated = Allocated(() => sheet = SpreadsheetReader.Read(file, "wide.xlsx", Small, default));

        Assert.Equal(499, sheet!.Rows.Count);
        Assert.All(sheet.Rows, r => Assert.True(r.Cells.Count <= Small.MaxColumns));
        Assert.True(allocated < 32L * 1024 * 1024, $"allocated {allocated / 1024 / 1024} MB");
    }

    [Fact]
    public void ACsvLineOfManyCommas_KeepsOnlyTheColumnCap_AndTooManyRowsIsRefused()
    {
        var wide = "姓名,身份证号\r\n张三" + new string(',', 100_000) + "\r\n";
        var sheet = SpreadsheetReader.Read(Encoding.UTF8.GetBytes(wide), "wide.csv", Small, default);
        Assert.Equal(Small.MaxColumns, sheet.Rows.Single().Cells.Count);

        var tall = "姓名\r\n" + string.Concat(Enumerable.Repeat("张三\r\n", 2_000));
        var refused = Assert.Throws<ImportFileException>(() => SpreadsheetReader.Read(Encoding.UTF8.GetBytes(tall), "tall.csv", Small, default));
        Assert.Equal("Import.TooManyRows", refused.MessageKey);
    }

    [Fact]
    public void AVeryLongCell_IsARowError_NotAnUnreadableFile()
    {
        var file = Build(w =>
        {
            PeopleHeader(w);
            w.Write(Row(2, Text("A2", new string('张', 100_000)), Text("B2", "330523198503051234")));
        });

        var sheet = SpreadsheetReader.Read(file, "long.xlsx", Small, default);
        var issues = new List<ImportIssue>();
        var map = ColumnMap.Build(sheet.Header, PersonRowMapper.Columns, issues);
        var reader = new RowReader(sheet.Rows[0], map, PersonRowMapper.Columns, issues);

        Assert.Equal(Small.MaxCellCharacters + 1, ((string)sheet.Rows[0].Cells[0]!).Length);
        Assert.Null(reader.Name("Name", 50));
        Assert.Contains(issues, i => i.Row == 2 && i.MessageKey == "Import.TooLong");
    }

    /// <summary>
    /// Issue 8, item 12, as Excel writes it: text in the shared-strings part, which here passes MiniExcel's 5 MB
    /// disk-cache threshold, and one cell longer than Excel's 32,767 characters. The disk cache refused such a
    /// string, so the whole valid file was "not an .xlsx or .csv"; it must be one row's error.
    /// </summary>
    [Fact]
    public void AVeryLongSharedStringCell_IsARowError_NotAnUnreadableFile()
    {
        var longName = new string('张', 2_000_000); // 6 MB of UTF-8 in sharedStrings.xml
        var file = Build(w =>
        {
            w.Write(Row(1, Shared("A1", 0), Shared("B1", 1), Shared("C1", 2), Shared("D1", 3)));
            w.Write(Row(2, Shared("A2", 4), Text("B2", "330523198503051234")));
        }, sharedStrings: ["姓名", "身份证号", "所在村（社区）", "人才类别", longName]);
        var limits = Small with { MaxUnpackedBytes = 64L * 1024 * 1024 };

        var sheet = SpreadsheetReader.Read(file, "long-shared.xlsx", limits, default);
        var issues = new List<ImportIssue>();
        var map = ColumnMap.Build(sheet.Header, PersonRowMapper.Columns, issues);
        var reader = new RowReader(sheet.Rows[0], map, PersonRowMapper.Columns, issues);

        Assert.Equal(limits.MaxCellCharacters + 1, ((string)sheet.Rows[0].Cells[0]!).Length);
        Assert.Null(reader.Name("Name", 50));
        Assert.Contains(issues, i => i.Row == 2 && i.MessageKey == "Import.TooLong");
    }

    [Fact]
    public void ATitleRowAboveTheHeader_IsRecognised()
    {
        var file = Build(w =>
        {
            w.Write(Row(1, Text("A1", "安吉县2027年高素质农民花名册")));
            PeopleHeader(w, row: 2);
            w.Write(Row(3, Text("A3", "张三")));
        });

        var sheet = SpreadsheetReader.Read(file, "titled.xlsx").WithHeaderFor(PersonRowMapper.Columns);
        var issues = new List<ImportIssue>();
        ColumnMap.Build(sheet.Header, PersonRowMapper.Columns, issues, sheet.HeaderRow);

        Assert.Equal(2, sheet.HeaderRow);
        Assert.Empty(issues);
        Assert.Equal(3, sheet.Rows.Single().Number);
    }

    [Fact]
    public void CancellingTheRequest_StopsTheRead()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => SpreadsheetReader.Read(MillionRowBomb(), "rows.xlsx",
            Small with { MaxUnpackedBytes = 200L * 1024 * 1024, MaxRows = 100_000 }, cancelled.Token));
    }
}
