using System.Text;
using MiniExcelLibs;

namespace TalentHub.Web.Services.Spreadsheets;

/// <summary>One line of a sheet; <see cref="Number"/> is the row number the spreadsheet shows (header = 1).</summary>
public sealed record SheetRow(int Number, IReadOnlyList<object?> Cells)
{
    /// <summary>True when no cell holds anything but blanks (checked per row by the reader, the sheet and the validation).</summary>
    public bool IsEmpty
    {
        get
        {
            for (var i = 0; i < Cells.Count; i++)
                if (Cells[i] is { } cell && !(cell is string s && string.IsNullOrWhiteSpace(s))) return false;
            return true;
        }
    }
}

/// <summary>The file cannot be read at all (or breaks a cap); <see cref="MessageKey"/> is a resource key with <see cref="Args"/>.</summary>
public sealed class ImportFileException(string messageKey, params object[] args) : Exception(messageKey)
{
    public string MessageKey { get; } = messageKey;
    public object[] Args { get; } = args;
}

/// <summary>
/// Reads .xlsx (first sheet, through MiniExcel's streaming range query) and .csv (UTF-8 with or without BOM,
/// UTF-16 with BOM, else GB18030) within <see cref="SpreadsheetLimits"/>: the unpacked size of an .xlsx is measured by really
/// unpacking it (never trusting the zip's own figures), rows and columns are read only up to their caps and
/// every cell is cut to its cap, so the work follows the real content and memory stays bounded whatever the
/// file. The token is checked on every row, so a client that goes away stops the work.
/// </summary>
public static class SpreadsheetReader
{
    public static readonly string[] Extensions = [".xlsx", ".csv"];

    private static readonly Encoding Gb18030;

    static SpreadsheetReader()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        Gb18030 = Encoding.GetEncoding("GB18030");
    }

    /// <summary>Whether the file name ends in a readable extension (.xlsx or .csv, any case).</summary>
    public static bool IsSupported(string? fileName) =>
        Extensions.Contains(Path.GetExtension(fileName ?? "").ToLowerInvariant());

    /// <summary>Reads with the default limits (tests and templates).</summary>
    public static Sheet Read(byte[] bytes, string fileName) => Read(bytes, fileName, SpreadsheetLimits.Default, CancellationToken.None);

    /// <summary>The whole first sheet, read within <paramref name="limits"/>.</summary>
    /// <exception cref="ImportFileException">Unsupported type, unreadable, over a cap, or no header.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="ct"/> was cancelled.</exception>
    public static Sheet Read(byte[] bytes, string fileName, SpreadsheetLimits limits, CancellationToken ct) =>
        Sheet.From(Rows(bytes, fileName, limits, ct).ToList());

    /// <summary>
    /// The first sheet's rows in order (row n is the spreadsheet's row n; gaps are empty rows), read lazily: an .xlsx
    /// row by row as it is enumerated (the inspection runs at the first step), a .csv whole at the first step. After
    /// the last row, more than <see cref="SpreadsheetLimits.MaxRows"/> non-empty rows below the first (the header) are
    /// refused, as the whole-sheet read always did; so a file that breaks a cap fails at the same point of the read.
    /// </summary>
    /// <exception cref="ImportFileException">While enumerating: unsupported type, unreadable, or over a cap.</exception>
    public static IEnumerable<SheetRow> Rows(byte[] bytes, string fileName, SpreadsheetLimits limits, CancellationToken ct)
    {
        var rows = Path.GetExtension(fileName).ToLowerInvariant() switch
        {
            ".csv" => ReadCsvLazily(bytes, limits, ct),
            ".xlsx" => ReadXlsx(bytes, limits, ct),
            _ => throw new ImportFileException("Import.UnsupportedType"),
        };
        return CountingDataRows(rows, limits);
    }

    private static IEnumerable<SheetRow> ReadCsvLazily(byte[] bytes, SpreadsheetLimits limits, CancellationToken ct)
    {
        foreach (var row in ReadCsv(new StringReader(Decode(bytes)), limits, ct)) yield return row;
    }

    /// <summary>Passes the rows on; at the end refuses more than the cap of non-empty rows below the first non-empty one (the header).</summary>
    private static IEnumerable<SheetRow> CountingDataRows(IEnumerable<SheetRow> rows, SpreadsheetLimits limits)
    {
        var nonEmpty = 0;
        foreach (var row in rows)
        {
            if (!row.IsEmpty) nonEmpty++;
            yield return row;
        }
        if (nonEmpty - 1 > limits.MaxRows) throw new ImportFileException("Import.TooManyRows", limits.MaxRows);
    }

    /// <summary>
    /// UTF-16 when the bytes start with its byte-order mark (FF FE little-endian, FE FF big-endian: what Excel and
    /// Notepad write as "Unicode"; review11 found such a file reported as missing every column); UTF-8 when they start with
    /// its mark or are valid UTF-8; otherwise GB18030.
    /// </summary>
    public static Encoding DetectEncoding(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith(Utf16LeBom) ? new UnicodeEncoding(bigEndian: false, byteOrderMark: false)
        : bytes.StartsWith(Utf16BeBom) ? new UnicodeEncoding(bigEndian: true, byteOrderMark: false)
        : bytes.StartsWith(Utf8Bom) || System.Text.Unicode.Utf8.IsValid(bytes) ? new UTF8Encoding(false) : Gb18030;

    /// <summary>The text of a .csv upload in its <see cref="DetectEncoding"/> encoding, without its byte-order mark.</summary>
    public static string Decode(byte[] bytes)
    {
        var span = bytes.AsSpan();
        var encoding = DetectEncoding(span);
        if (span.StartsWith(Utf8Bom)) span = span[Utf8Bom.Length..];
        else if (span.StartsWith(Utf16LeBom) || span.StartsWith(Utf16BeBom)) span = span[2..];
        return encoding.GetString(span);
    }

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];
    private static ReadOnlySpan<byte> Utf16LeBom => [0xFF, 0xFE];
    private static ReadOnlySpan<byte> Utf16BeBom => [0xFE, 0xFF];

    /// <summary>RFC 4180 with the default limits: comma separated, double quotes around fields that hold commas, quotes or line breaks.</summary>
    public static List<SheetRow> ReadCsv(string text) => ReadCsv(new StringReader(text), SpreadsheetLimits.Default, CancellationToken.None);

    /// <summary>
    /// RFC 4180, one character at a time: cells past <see cref="SpreadsheetLimits.MaxColumns"/> are skipped,
    /// a cell keeps at most <see cref="SpreadsheetLimits.MaxCellCharacters"/> + 1 characters (enough for the row
    /// to be refused as too long), and more than the row cap stops the read.
    /// </summary>
    public static List<SheetRow> ReadCsv(TextReader reader, SpreadsheetLimits limits, CancellationToken ct)
    {
        var rows = new List<SheetRow>();
        var cells = new List<object?>();
        var cell = new StringBuilder();
        var quoted = false;
        var number = 1;
        var column = 0;
        void EndCell()
        {
            if (column++ < limits.MaxColumns) cells.Add(cell.ToString());
            cell.Clear();
        }
        void EndRow()
        {
            EndCell();
            if (rows.Count >= limits.ReadRows) throw new ImportFileException("Import.TooManyRows", limits.MaxRows);
            if (number % 1000 == 0) ct.ThrowIfCancellationRequested();
            rows.Add(new SheetRow(number++, cells));
            cells = [];
            column = 0;
        }
        void Append(char c)
        {
            if (cell.Length <= limits.MaxCellCharacters) cell.Append(c);
        }
        int next;
        while ((next = reader.Read()) >= 0)
        {
            var c = (char)next;
            if (quoted)
            {
                if (c != '"') Append(c);
                else if (reader.Peek() == '"') { Append('"'); reader.Read(); }
                else quoted = false;
                continue;
            }
            switch (c)
            {
                case '"' when cell.Length == 0: quoted = true; break;
                case ',': EndCell(); break;
                case '\r' when reader.Peek() == '\n': break;
                case '\r' or '\n': EndRow(); break;
                default: Append(c); break;
            }
        }
        if (cell.Length > 0 || cells.Count > 0 || column > 0) EndRow();
        return rows;
    }

    private static IEnumerable<SheetRow> ReadXlsx(byte[] bytes, SpreadsheetLimits limits, CancellationToken ct)
    {
        var shape = XlsxInspection.Inspect(bytes, limits, ct);
        if (shape.LastColumn < 0) yield break;
        var formulas = shape.Formulas;
        using var stream = new MemoryStream(bytes, writable: false);
        // A range query keys cells only by the columns in range and stops at the last row in range, so a
        // stray cell in column XFD or row 1,048,576 costs nothing; the range is the content's own extent
        // (found by the inspection), never wider than the caps. Gaps come back as empty rows, so the
        // n-th row read is the spreadsheet's row n.
        using var cells = Open(stream, ColumnLetter(shape.LastColumn) + Math.Min(shape.LastRow, limits.ReadRows + 1));
        var scratch = new List<object?>();
        for (var number = 1; ; number++)
        {
            ct.ThrowIfCancellationRequested();
            if (NextRow(cells, number, formulas, limits, scratch) is not { } sheetRow) yield break;
            if (number > limits.ReadRows)
            {
                if (!sheetRow.IsEmpty) throw new ImportFileException("Import.TooManyRows", limits.MaxRows);
                yield break; // blank formatted rows after the data: the end of the sheet
            }
            yield return sheetRow;
        }
    }

    /// <summary>MiniExcel's rows from A1 to <paramref name="endCell"/>; it opens the zip at once, so a failure here is "the file cannot be read" too.</summary>
    private static IEnumerator<IDictionary<string, object?>> Open(Stream stream, string endCell)
    {
        try
        {
            return MiniExcel.QueryRange(stream, useHeaderRow: false, excelType: ExcelType.XLSX, startCell: "A1", endCell: endCell,
                configuration: InMemorySharedStrings).Cast<IDictionary<string, object?>>().GetEnumerator();
        }
        catch (Exception ex) when (ex is not (ImportFileException or OperationCanceledException))
        {
            throw new ImportFileException("Import.FileUnreadable");
        }
    }

    /// <summary>The next row from MiniExcel (null at the end); any failure of its own is "the file cannot be read".</summary>
    private static SheetRow? NextRow(IEnumerator<IDictionary<string, object?>> cells, int number, IReadOnlySet<string> formulas,
        SpreadsheetLimits limits, List<object?> scratch)
    {
        try
        {
            return cells.MoveNext() ? new SheetRow(number, ByColumn(cells.Current, number, formulas, limits, scratch)) : null;
        }
        catch (Exception ex) when (ex is not (ImportFileException or OperationCanceledException))
        {
            throw new ImportFileException("Import.FileUnreadable");
        }
    }

    /// <summary>
    /// MiniExcel moves shared strings to a disk cache once the part passes 5 MB, and that cache throws on a string
    /// over Excel's 32,767 characters, which made a valid file with one long cell "unreadable" (issue 8, item 12).
    /// Kept in memory instead, bounded by the unpacked-size cap the inspection has already enforced; the long
    /// cell is then cut and refused as a row error.
    /// </summary>
    private static readonly MiniExcelLibs.OpenXml.OpenXmlConfiguration InMemorySharedStrings = new() { EnableSharedStringCache = false };

    /// <summary>
    /// The row's cells by column index, cut to the caps, trailing blanks dropped: an array of exactly that length (the
    /// sheet holds every row until the validation is done, so no spare list capacity is kept per row). <paramref name="scratch"/>
    /// is reused from row to row.
    /// </summary>
    private static object?[] ByColumn(IDictionary<string, object?> row, int number, IReadOnlySet<string> formulas, SpreadsheetLimits limits,
        List<object?> scratch)
    {
        scratch.Clear();
        foreach (var (column, value) in row)
        {
            var index = ColumnIndex(column);
            if (index >= limits.MaxColumns) continue;
            while (scratch.Count <= index) scratch.Add(null);
            var kept = value is string { Length: var length } text && length > limits.MaxCellCharacters
                ? text[..(limits.MaxCellCharacters + 1)]
                : value;
            // Most sheets hold no formula: no reference is built for them.
            scratch[index] = formulas.Count > 0 && formulas.Contains(column + number) ? new FormulaCell(kept) : kept;
        }
        while (scratch.Count > 0 && scratch[^1] is null) scratch.RemoveAt(scratch.Count - 1);
        return scratch.ToArray();
    }

    /// <summary>"A" → 0, "Z" → 25, "AA" → 26.</summary>
    public static int ColumnIndex(string letters)
    {
        var index = 0;
        foreach (var c in letters) index = index * 26 + (char.ToUpperInvariant(c) - 'A' + 1);
        return index - 1;
    }

    /// <summary>0 → "A", 26 → "AA".</summary>
    public static string ColumnLetter(int index)
    {
        var letters = "";
        for (index++; index > 0; index = (index - 1) / 26) letters = (char)('A' + (index - 1) % 26) + letters;
        return letters;
    }
}
