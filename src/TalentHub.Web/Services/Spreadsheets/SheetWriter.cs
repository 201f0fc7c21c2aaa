using System.Globalization;
using System.Text;
using MiniExcelLibs;
using TalentHub.Web.Infrastructure;

namespace TalentHub.Web.Services.Spreadsheets;

/// <summary>
/// One sheet to write: a header row and the rows below it; a report sheet may add lines of text above the header (a title)
/// and below the rows (after an empty row: paragraphs), and a look per column (.xlsx only).
/// </summary>
public sealed record SheetData(string Name, IReadOnlyList<string> Headers, IEnumerable<IReadOnlyList<object?>> Rows)
{
    /// <summary>Lines above the header, one cell each in column A (a title, an issue date); in .xlsx they and the header stay frozen.</summary>
    public IReadOnlyList<string> Above { get; init; } = [];
    /// <summary>Lines below the rows after one empty row, one cell each in column A (a report's paragraphs).</summary>
    public IReadOnlyList<string> Below { get; init; } = [];
    /// <summary>Per column (in header order), its .xlsx number format and width; empty: Excel's defaults.</summary>
    public IReadOnlyList<SheetColumn> Columns { get; init; } = [];
}

/// <summary>
/// How one .xlsx column looks: <paramref name="Format"/> an Excel number format code (e.g. <c>0.0%</c>; null: General)
/// applied to the column's numbers (its text stays text), <paramref name="Width"/> in characters (0: Excel's default).
/// </summary>
public sealed record SheetColumn(string? Format = null, double Width = 0);

/// <summary>Writes sheets as .xlsx (MiniExcel) or .csv (UTF-8 with BOM, so Excel shows Chinese correctly).</summary>
public static class SheetWriter
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string CsvType = "text/csv; charset=utf-8";

    /// <summary>The sheet as RFC 4180 CSV in UTF-8 with a BOM (so Excel on Chinese Windows does not read it as GB18030).</summary>
    public static byte[] Csv(SheetData sheet)
    {
        using var stream = new MemoryStream();
        using (var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 65536))
            WriteCsv(writer, sheet);
        return stream.ToArray();
    }

    /// <summary>
    /// Every table of a page in one CSV (UTF-8 with a BOM), as the page shows them one under another: first the
    /// <paramref name="above"/> lines (what the file holds: the report, its filters, when it was made) and an empty row,
    /// then per table a section — its name on a line of its own, then the table as <see cref="Csv(SheetData)"/> writes it —
    /// an empty row after each section.
    /// </summary>
    public static byte[] Csv(IReadOnlyList<SheetData> sheets, IReadOnlyList<string> above)
    {
        using var stream = new MemoryStream();
        using (var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 65536))
        {
            foreach (var line in above) WriteCsvLine(writer, new[] { line });
            if (above.Count > 0) WriteCsvLine(writer, Array.Empty<string>());
            foreach (var sheet in sheets)
            {
                WriteCsvLine(writer, new[] { sheet.Name });
                WriteCsv(writer, sheet);
                WriteCsvLine(writer, Array.Empty<string>());
            }
        }
        return stream.ToArray();
    }

    private static void WriteCsv(StreamWriter writer, SheetData sheet)
    {
        foreach (var line in sheet.Above) WriteCsvLine(writer, new[] { line });
        WriteCsvLine(writer, sheet.Headers);
        foreach (var row in sheet.Rows) WriteCsvLine(writer, row);
        if (sheet.Below.Count > 0) WriteCsvLine(writer, Array.Empty<string>());
        foreach (var line in sheet.Below) WriteCsvLine(writer, new[] { line });
    }

    /// <summary>
    /// An .xlsx of the sheets; text starting with = + - @ is quote-prefixed (<see cref="XlsxCellStyles"/>). When a sheet
    /// has lines <see cref="SheetData.Above"/> or <see cref="SheetData.Columns"/>, every sheet gets the same number of
    /// rows above its header (the shorter title blocks padded with empty rows), those rows and the header are frozen,
    /// and the column formats and widths are applied; otherwise the sheets are plain tables, header in row 1.
    /// </summary>
    public static byte[] Xlsx(params SheetData[] sheets) => XlsxWithTextColumns(null, sheets);

    /// <param name="textColumns">Per sheet, columns formatted as text for the whole column (identifier columns of templates).</param>
    public static byte[] XlsxWithTextColumns(IReadOnlyDictionary<int, IReadOnlyList<int>>? textColumns, params SheetData[] sheets)
    {
        // Rows read once: the columns holding times or dates get a date format (below), and the same rows are written.
        sheets = sheets.Select(s => s with { Rows = s.Rows.ToList() }).ToArray();
        var workbook = new Dictionary<string, object>();
        var names = SheetNames(sheets.Select(s => s.Name));
        var above = sheets.Max(s => (int?)s.Above.Count) ?? 0;
        for (var i = 0; i < sheets.Length; i++) workbook[names[i]] = Rows(sheets[i], Key(i), above);
        using var stream = new MemoryStream();
        // The header is written as a row of its own so that even an empty sheet keeps its column names.
        MiniExcel.SaveAs(stream, workbook, printHeader: false, excelType: ExcelType.XLSX, configuration: Layout(sheets, above));
        return XlsxCellStyles.Apply(stream.ToArray(), textColumns);
    }

    /// <summary>The .xlsx number format of an instant's cell: its Asia/Shanghai date and time to the minute.</summary>
    public const string DateTimeFormat = "yyyy-mm-dd hh:mm";
    /// <summary>The .xlsx number format of a calendar day's cell.</summary>
    public const string DateFormat = "yyyy-mm-dd";

    /// <summary>
    /// A column's look: the sheet's own (<see cref="SheetData.Columns"/>) when it names a format; else, for a column whose cells
    /// are instants (<see cref="DateTimeOffset"/>) or days (<see cref="DateOnly"/>), a date format and a width that shows it.
    /// </summary>
    private static SheetColumn LookOf(SheetData sheet, int column)
    {
        var own = column < sheet.Columns.Count ? sheet.Columns[column] : new SheetColumn();
        if (own.Format is not null) return own;
        var first = sheet.Rows.Select(r => column < r.Count ? r[column] : null).FirstOrDefault(v => v is DateTimeOffset or DateOnly);
        return first switch
        {
            DateTimeOffset => own with { Format = DateTimeFormat, Width = own.Width > 0 ? own.Width : 17 },
            DateOnly => own with { Format = DateFormat, Width = own.Width > 0 ? own.Width : 11 },
            _ => own,
        };
    }

    /// <summary>Cell keys are per sheet ("s0c3"), so that each sheet's columns get their own format and width.</summary>
    private static Func<int, string> Key(int sheet) =>
        column => "s" + sheet.ToString(CultureInfo.InvariantCulture) + "c" + column.ToString(CultureInfo.InvariantCulture);

    private static MiniExcelLibs.OpenXml.OpenXmlConfiguration? Layout(SheetData[] sheets, int above)
    {
        var columns = sheets.SelectMany((s, i) => Enumerable.Range(0, Math.Max(s.Headers.Count, s.Columns.Count)).Select(j => (Key: Key(i)(j), Look: LookOf(s, j))))
            .Where(c => c.Look.Format is not null || c.Look.Width > 0)
            .Select(c => new MiniExcelLibs.Attributes.DynamicExcelColumn(c.Key) { Format = c.Look.Format, Width = c.Look.Width > 0 ? c.Look.Width : 8.43 })
            .ToArray();
        if (above == 0 && sheets.All(s => s.Columns.Count == 0))
            return columns.Length == 0 ? null : new MiniExcelLibs.OpenXml.OpenXmlConfiguration { DynamicColumns = columns };
        // No auto-filter: with title rows above it, MiniExcel would put the filter buttons on the title.
        return new MiniExcelLibs.OpenXml.OpenXmlConfiguration { FreezeRowCount = above + 1, AutoFilter = false, DynamicColumns = columns };
    }

    /// <summary>
    /// Sheet names Excel accepts, in order: at most 31 characters, none of <c>\ / ? * [ ] :</c>, not starting or ending
    /// with an apostrophe, not empty, unique ignoring case (Excel's rules; MiniExcel throws on a longer name, and a
    /// repeated name would replace the earlier sheet). A long localized title is cut at 31 characters (at a space rather
    /// than inside an English word, before a bracket it would leave open; trailing spaces and punctuation dropped); a repeat gets " (2)", " (3)" … within the 31.
    /// </summary>
    public static IReadOnlyList<string> SheetNames(IEnumerable<string> titles)
    {
        const int max = 31;
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var names = new List<string>();
        foreach (var title in titles)
        {
            var clean = new string((title ?? "").Where(c => c is not ('\\' or '/' or '?' or '*' or '[' or ']' or ':') && !char.IsControl(c)).ToArray())
                .Trim().Trim('\'').Trim();
            if (clean.Length == 0) clean = "Sheet" + (names.Count + 1).ToString(CultureInfo.InvariantCulture);
            var name = Cut(clean, max);
            for (var n = 2; !used.Add(name); n++)
            {
                var suffix = " (" + n.ToString(CultureInfo.InvariantCulture) + ")";
                name = Cut(clean, max - suffix.Length) + suffix;
            }
            names.Add(name);
        }
        return names;
    }

    private static string Cut(string text, int length)
    {
        if (text.Length <= length) return text;
        if (char.IsHighSurrogate(text[length - 1])) length--;
        var space = text.LastIndexOf(' ', length);
        // Not mid-word in a spaced script; Chinese has no spaces and may be cut anywhere (review34g: "Trainees' results ·
        // 安吉县湖羊…" went back to the space before the title and named the sheet "Trainees' results ·").
        if (space > 0 && IsLatinWordCharacter(text[length - 1]) && IsLatinWordCharacter(text[length])) length = space;
        var cut = text[..length];
        var open = cut.LastIndexOfAny(['(', '（']);
        if (open > 0 && cut.IndexOfAny([')', '）'], open) < 0) cut = cut[..open]; // no half a bracket: "Monthly trend (people…" → "Monthly trend"
        return cut.TrimEnd(' ', ',', '，', '、', '(', '（', '-', '\'', '·');
    }

    private static bool IsLatinWordCharacter(char c) => char.IsAsciiLetterOrDigit(c) || (char.IsLetter(c) && c < '\u0250');

    /// <summary>
    /// The sheet's rows: <paramref name="above"/> rows of title (its own lines, then empty ones), the header, the rows,
    /// and the lines below after an empty row. Every row is as wide as the header (MiniExcel takes the columns from the first).
    /// </summary>
    private static IEnumerable<Dictionary<string, object?>> Rows(SheetData sheet, Func<int, string> key, int above)
    {
        var keys = Enumerable.Range(0, Math.Max(1, sheet.Headers.Count)).Select(key).ToArray();
        for (var i = 0; i < above; i++) yield return ToRow(i < sheet.Above.Count ? [sheet.Above[i]] : [], keys, key);
        yield return ToRow(sheet.Headers.Cast<object?>().ToList(), keys, key);
        foreach (var row in sheet.Rows) yield return ToRow(row, keys, key);
        if (sheet.Below.Count > 0) yield return ToRow([], keys, key);
        foreach (var line in sheet.Below) yield return ToRow([line], keys, key);
    }

    private static Dictionary<string, object?> ToRow(IReadOnlyList<object?> cells, string[] keys, Func<int, string> key)
    {
        var width = Math.Max(keys.Length, cells.Count);
        var row = new Dictionary<string, object?>(width);
        for (var i = 0; i < width; i++) row[i < keys.Length ? keys[i] : key(i)] = i < cells.Count ? XlsxValue(cells[i]) : null;
        return row;
    }

    private static object? XlsxValue(object? value) => value switch
    {
        // Real date cells (a serial number with a date format, LookOf): an instant as its Asia/Shanghai wall-clock time.
        DateOnly d => d.ToDateTime(TimeOnly.MinValue),
        DateTimeOffset t => DateTime.SpecifyKind(t.ToShanghai().DateTime, DateTimeKind.Unspecified),
        Enum e => e.ToString(),
        _ => value,
    };

    private static void WriteCsvLine(TextWriter writer, IEnumerable<object?> cells)
    {
        var first = true;
        foreach (var cell in cells)
        {
            if (!first) writer.Write(',');
            first = false;
            writer.Write(CsvField(cell));
        }
        writer.Write("\r\n");
    }

    private static void WriteCsvLine(TextWriter writer, IEnumerable<string> cells) => WriteCsvLine(writer, cells.Cast<object?>());

    /// <summary>
    /// Quotes a field when needed; text starting with = + - @ gets a leading apostrophe so Excel does not
    /// run it as a formula (CSV injection).
    /// </summary>
    public static string CsvField(object? cell)
    {
        var text = cell switch
        {
            null => "",
            string s when s.Length > 0 && s[0] is '=' or '+' or '-' or '@' or '\t' or '\r' => "'" + s,
            string s => s,
            // ISO 8601: a day as yyyy-MM-dd, an instant as its Asia/Shanghai time with the offset (2027-03-05T09:30:00+08:00).
            DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            DateTimeOffset t => t.ToShanghai().ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => cell.ToString() ?? "",
        };
        return text.IndexOfAny([',', '"', '\r', '\n']) >= 0 || text != text.Trim()
            ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : text;
    }
}
