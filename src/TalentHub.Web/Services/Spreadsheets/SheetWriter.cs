using System.Globalization;
using System.Text;
using MiniExcelLibs;

namespace TalentHub.Web.Services.Spreadsheets;

/// <summary>One sheet to write: a header row and the rows below it.</summary>
public sealed record SheetData(string Name, IReadOnlyList<string> Headers, IEnumerable<IReadOnlyList<object?>> Rows);

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
        {
            WriteCsvLine(writer, sheet.Headers);
            foreach (var row in sheet.Rows) WriteCsvLine(writer, row);
        }
        return stream.ToArray();
    }

    /// <summary>
    /// An .xlsx of the sheets; text starting with = + - @ is quote-prefixed (<see cref="XlsxCellStyles"/>).
    /// </summary>
    public static byte[] Xlsx(params SheetData[] sheets) => XlsxWithTextColumns(null, sheets);

    /// <param name="textColumns">Per sheet, columns formatted as text for the whole column (identifier columns of templates).</param>
    public static byte[] XlsxWithTextColumns(IReadOnlyDictionary<int, IReadOnlyList<int>>? textColumns, params SheetData[] sheets)
    {
        var workbook = new Dictionary<string, object>();
        var names = SheetNames(sheets.Select(s => s.Name));
        for (var i = 0; i < sheets.Length; i++) workbook[names[i]] = Rows(sheets[i]);
        using var stream = new MemoryStream();
        // The header is written as the first row so that even an empty sheet keeps its column names.
        MiniExcel.SaveAs(stream, workbook, printHeader: false, excelType: ExcelType.XLSX);
        return XlsxCellStyles.Apply(stream.ToArray(), textColumns);
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
        if (space > 0 && char.IsLetterOrDigit(text[length - 1]) && char.IsLetterOrDigit(text[length])) length = space; // not mid-word
        var cut = text[..length];
        var open = cut.LastIndexOfAny(['(', '（']);
        if (open > 0 && cut.IndexOfAny([')', '）'], open) < 0) cut = cut[..open]; // no half a bracket: "Monthly trend (people…" → "Monthly trend"
        return cut.TrimEnd(' ', ',', '，', '、', '(', '（', '-', '\'');
    }

    private static IEnumerable<Dictionary<string, object?>> Rows(SheetData sheet)
    {
        yield return ToRow(sheet.Headers.Cast<object?>().ToList());
        foreach (var row in sheet.Rows) yield return ToRow(row);
    }

    private static Dictionary<string, object?> ToRow(IReadOnlyList<object?> cells)
    {
        var row = new Dictionary<string, object?>(cells.Count);
        for (var i = 0; i < cells.Count; i++) row["c" + i.ToString(CultureInfo.InvariantCulture)] = XlsxValue(cells[i]);
        return row;
    }

    private static object? XlsxValue(object? value) => value switch
    {
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset t => t.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
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
            DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            DateTimeOffset t => t.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => cell.ToString() ?? "",
        };
        return text.IndexOfAny([',', '"', '\r', '\n']) >= 0 || text != text.Trim()
            ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : text;
    }
}
