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
/// else GB18030) within <see cref="SpreadsheetLimits"/>: the unpacked size of an .xlsx is measured by really
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

    public static bool IsSupported(string? fileName) =>
        Extensions.Contains(Path.GetExtension(fileName ?? "").ToLowerInvariant());

    /// <summary>Reads with the default limits (tests and templates).</summary>
    public static Sheet Read(byte[] bytes, string fileName) => Read(bytes, fileName, SpreadsheetLimits.Default, CancellationToken.None);

    public static Sheet Read(byte[] bytes, string fileName, SpreadsheetLimits limits, CancellationToken ct)
    {
        var rows = Path.GetExtension(fileName).ToLowerInvariant() switch
        {
            ".csv" => ReadCsv(new StringReader(Decode(bytes)), limits, ct),
            ".xlsx" => ReadXlsx(bytes, limits, ct),
            _ => throw new ImportFileException("Import.UnsupportedType"),
        };
        var sheet = Sheet.From(rows);
        if (sheet.Rows.Count(r => !r.IsEmpty) > limits.MaxRows) throw new ImportFileException("Import.TooManyRows", limits.MaxRows);
        return sheet;
    }

    /// <summary>UTF-8 when the bytes are valid UTF-8 (a BOM is dropped), otherwise GB18030.</summary>
    public static Encoding DetectEncoding(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith(Utf8Bom) || System.Text.Unicode.Utf8.IsValid(bytes) ? new UTF8Encoding(false) : Gb18030;

    public static string Decode(byte[] bytes)
    {
        var span = bytes.AsSpan();
        if (span.StartsWith(Utf8Bom)) span = span[Utf8Bom.Length..];
        return DetectEncoding(span).GetString(span);
    }

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

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

    private static List<SheetRow> ReadXlsx(byte[] bytes, SpreadsheetLimits limits, CancellationToken ct)
    {
        var shape = XlsxInspection.Inspect(bytes, limits, ct);
        if (shape.LastColumn < 0) return [];
        var formulas = shape.Formulas;
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            // A range query keys cells only by the columns in range and stops at the last row in range, so a
            // stray cell in column XFD or row 1,048,576 costs nothing; the range is the content's own extent
            // (found by the inspection), never wider than the caps. Gaps come back as empty rows, so the
            // n-th row read is the spreadsheet's row n.
            var rows = new List<SheetRow>();
            var scratch = new List<object?>();
            foreach (var row in MiniExcel.QueryRange(stream, useHeaderRow: false, excelType: ExcelType.XLSX,
                         startCell: "A1", endCell: ColumnLetter(shape.LastColumn) + Math.Min(shape.LastRow, limits.ReadRows + 1),
                         configuration: InMemorySharedStrings).Cast<IDictionary<string, object?>>())
            {
                ct.ThrowIfCancellationRequested();
                var sheetRow = new SheetRow(rows.Count + 1, ByColumn(row, rows.Count + 1, formulas, limits, scratch));
                if (rows.Count >= limits.ReadRows)
                {
                    if (!sheetRow.IsEmpty) throw new ImportFileException("Import.TooManyRows", limits.MaxRows);
                    break; // blank formatted rows after the data: the end of the sheet
                }
                rows.Add(sheetRow);
            }
            return rows;
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
