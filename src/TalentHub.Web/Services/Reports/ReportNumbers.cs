using System.Globalization;
using TalentHub.Web.Services.Spreadsheets;

namespace TalentHub.Web.Services.Reports;

/// <summary>
/// The numbers of /Reports' tables as the page shows them, so its .csv and .xlsx read alike (reports31: the all-tables
/// .csv had 112.0 in one table and 112 in another, and the progress table's shares as fractions, 0.1455, beside the
/// other tables' percentages): at most one decimal, no trailing zero (the page's <c>0.#</c>), a share as a percentage.
/// </summary>
public static class ReportNumbers
{
    /// <summary><paramref name="value"/> rounded as the page rounds it (<c>0.#</c>), without a trailing zero: 112.0 → 112.</summary>
    public static decimal? Shown(decimal? value) =>
        value is { } v ? decimal.Parse(v.ToString("0.#", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) : null;

    /// <summary>A share (0.1455) as the page's percentage (14.6), for a column headed "（%）".</summary>
    public static decimal? Percent(decimal? share) => share is { } s ? Shown(s * 100) : null;

    /// <summary>The sheet with every decimal cell <see cref="Shown"/> (whole numbers and text unchanged).</summary>
    public static SheetData AsShown(SheetData sheet) => sheet with
    {
        Rows = sheet.Rows.Select(r => (IReadOnlyList<object?>)r.Select(c => c is decimal d ? Shown(d) : c).ToList()).ToList(),
    };
}
