using System.Text;
using MiniExcelLibs;

namespace TalentHub.Web.Services.Spreadsheets;

/// <summary>One line of a sheet; <see cref="Number"/> is the row number the spreadsheet shows (header = 1).</summary>
public sealed record SheetRow(int Number, IReadOnlyList<object?> Cells)
{
    public bool IsEmpty => Cells.All(c => c is null || c is string s && string.IsNullOrWhiteSpace(s));
}

/// <summary>The first sheet of an upload: the header (row 1) and the data rows below it.</summary>
public sealed record Sheet(IReadOnlyList<object?> Header, IReadOnlyList<SheetRow> Rows);

/// <summary>The file cannot be read at all; <see cref="MessageKey"/> is a resource key.</summary>
public sealed class ImportFileException(string messageKey) : Exception(messageKey)
{
    public string MessageKey { get; } = messageKey;
}

/// <summary>Reads .xlsx (first sheet, through MiniExcel) and .csv (UTF-8 with or without BOM, else GB18030).</summary>
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

    public static Sheet Read(byte[] bytes, string fileName)
    {
        var rows = Path.GetExtension(fileName).ToLowerInvariant() switch
        {
            ".csv" => ReadCsv(Decode(bytes)),
            ".xlsx" => ReadXlsx(bytes),
            _ => throw new ImportFileException("Import.UnsupportedType"),
        };
        if (rows.Count == 0 || rows[0].IsEmpty) throw new ImportFileException("Import.NoHeader");
        return new Sheet(rows[0].Cells, rows.Skip(1).ToList());
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

    /// <summary>RFC 4180: comma separated, double quotes around fields that hold commas, quotes or line breaks.</summary>
    public static List<SheetRow> ReadCsv(string text)
    {
        var rows = new List<SheetRow>();
        var cells = new List<object?>();
        var cell = new StringBuilder();
        var quoted = false;
        var number = 1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c != '"') cell.Append(c);
                else if (i + 1 < text.Length && text[i + 1] == '"') { cell.Append('"'); i++; }
                else quoted = false;
                continue;
            }
            switch (c)
            {
                case '"' when cell.Length == 0: quoted = true; break;
                case ',': cells.Add(cell.ToString()); cell.Clear(); break;
                case '\r' when i + 1 < text.Length && text[i + 1] == '\n': break;
                case '\r' or '\n':
                    cells.Add(cell.ToString()); cell.Clear();
                    rows.Add(new SheetRow(number++, cells));
                    cells = [];
                    break;
                default: cell.Append(c); break;
            }
        }
        if (cell.Length > 0 || cells.Count > 0)
        {
            cells.Add(cell.ToString());
            rows.Add(new SheetRow(number, cells));
        }
        return rows;
    }

    private static List<SheetRow> ReadXlsx(byte[] bytes)
    {
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            // Without a header row MiniExcel keys cells by column letter and yields gaps as empty rows,
            // so the n-th row read is the spreadsheet's row n.
            return MiniExcel.Query(stream, useHeaderRow: false, excelType: ExcelType.XLSX)
                .Cast<IDictionary<string, object?>>()
                .Select((row, index) => new SheetRow(index + 1, ByColumn(row)))
                .ToList();
        }
        catch (Exception ex) when (ex is not ImportFileException)
        {
            throw new ImportFileException("Import.FileUnreadable");
        }
    }

    private static List<object?> ByColumn(IDictionary<string, object?> row)
    {
        var cells = new List<object?>();
        foreach (var (column, value) in row)
        {
            var index = ColumnIndex(column);
            while (cells.Count <= index) cells.Add(null);
            cells[index] = value;
        }
        return cells;
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
