using System.Globalization;

namespace TalentHub.Web.Services.Spreadsheets;

/// <summary>Turns spreadsheet cells (strings from CSV; strings, numbers, dates or booleans from .xlsx) into values.</summary>
public static partial class ImportValues
{
    private static readonly string[] DateFormats =
    [
        "yyyy-M-d", "yyyy/M/d", "yyyy.M.d", "yyyyMMdd", "yyyy年M月d日",
        "yyyy-M-d H:mm", "yyyy/M/d H:mm", "yyyy-M-d H:mm:ss", "yyyy/M/d H:mm:ss", "yyyy-MM-ddTHH:mm:ss",
    ];

    /// <summary>The cell as tidied text (<see cref="Domain.Common.TextNormalizer.Tidy"/>), or null when blank; names and identifiers get NFKC where they are set or parsed.</summary>
    public static string? Text(object? cell)
    {
        var text = cell switch
        {
            null => null,
            string s => s,
            FormulaCell f => Text(f.Value),
            double d => d.ToString(d == Math.Floor(d) && Math.Abs(d) < 1e15 ? "0" : "R", CultureInfo.InvariantCulture),
            decimal m => m.ToString(CultureInfo.InvariantCulture),
            DateTime dt => dt.TimeOfDay == TimeSpan.Zero ? dt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : dt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
            bool b => b ? "是" : "否",
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => cell.ToString(),
        };
        return Domain.Common.TextNormalizer.Tidy(text);
    }

    /// <summary>
    /// Excel keeps only 15 significant digits of a number, so an 18-digit ID typed as a number has lost its tail:
    /// a numeric .xlsx cell of 16 or more digits, or its scientific display ("3.30523E+17") saved into a CSV.
    /// </summary>
    public static bool IsLongNumber(object? cell) => cell switch
    {
        double d => Math.Abs(d) >= 1e15,
        FormulaCell f => IsLongNumber(f.Value),
        _ => Text(cell) is { } text && ScientificNumber().IsMatch(text),
    };

    /// <summary>
    /// Digits that Excel may have rounded: 16 or more digits whose last three are zeros (Excel zeroes every digit
    /// after the 15th). Such an identifier may still pass its check digit by chance, so the clerk must confirm it.
    /// </summary>
    public static bool MayBeRounded(string? text) =>
        text is { Length: >= 16 } t && t.All(char.IsAsciiDigit) && t.EndsWith("000", StringComparison.Ordinal);

    [System.Text.RegularExpressions.GeneratedRegex(@"^[+-]?\d+(\.\d+)?[eE][+]?\d+$")]
    private static partial System.Text.RegularExpressions.Regex ScientificNumber();

    /// <summary>
    /// The text of a number, date or yes/no cell with full-width digits, letters and separators made ASCII (NFKC,
    /// <see cref="Domain.Common.TextNormalizer.Normalize"/>): "１２．５" typed with a Chinese input method is 12.5, as in the web forms.
    /// </summary>
    private static string? NumberText(object? cell) => Domain.Common.TextNormalizer.Clean(Text(cell));

    /// <summary>A whole number from a numeric cell or text (invariant culture, thousands separators allowed; full-width digits accepted).</summary>
    public static bool TryInt(object? cell, out int value)
    {
        value = 0;
        if (cell is double d) { if (d != Math.Floor(d) || d is > int.MaxValue or < int.MinValue) return false; value = (int)d; return true; }
        return int.TryParse(NumberText(cell), NumberStyles.AllowThousands | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>A number from a numeric cell (rounded to 6 decimals; NaN, infinity and magnitudes over 10^15 refused) or text.</summary>
    public static bool TryDecimal(object? cell, out decimal value)
    {
        value = 0;
        if (cell is double d)
        {
            if (double.IsNaN(d) || double.IsInfinity(d) || Math.Abs(d) > 1e15) return false;
            value = Math.Round((decimal)d, 6);
            return true;
        }
        return decimal.TryParse(NumberText(cell), NumberStyles.Number, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>A calendar date from a date cell, an Excel serial number or text.</summary>
    public static bool TryDate(object? cell, out DateOnly value)
    {
        value = default;
        switch (cell)
        {
            case DateTime dt: value = DateOnly.FromDateTime(dt); return true;
            case double serial when serial is > 0 and < 2958466:
                // An Excel date serial number the reader did not recognise as a date.
                value = DateOnly.FromDateTime(DateTime.FromOADate(serial));
                return serial > 10000;
        }
        var text = NumberText(cell);
        if (text is null) return false;
        if (DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var parsed))
        {
            value = DateOnly.FromDateTime(parsed);
            return true;
        }
        return false;
    }

    /// <summary>是/否, yes/no, true/false, y/n, 1/0, √; blank is no.</summary>
    public static bool TryBool(object? cell, out bool value)
    {
        value = false;
        if (cell is bool b) { value = b; return true; }
        var text = NumberText(cell)?.ToLowerInvariant();
        switch (text)
        {
            case null or "否" or "no" or "n" or "false" or "0" or "×": return true;
            case "是" or "yes" or "y" or "true" or "1" or "√" or "已核实": value = true; return true;
            default: return false;
        }
    }
}
