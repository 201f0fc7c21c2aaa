using System.Globalization;
using Microsoft.Extensions.Localization;
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

    /// <summary>What the pages show for a figure there is none of (no data, no previous month): "—".</summary>
    public const string None = "—";

    /// <summary>
    /// A rank's movement since last month as the dashboard says it, for the page and its .csv and .xlsx alike (imports32: the
    /// files had 0 where the page says 持平): 上升2位 / up 2, 下降1位 / down 1, 持平 / no change, <see cref="None"/> without a
    /// previous month.
    /// </summary>
    public static string Movement(int? places, IStringLocalizer l) => places switch
    {
        null => None,
        > 0 => l["Reports.Up", places].Value,
        < 0 => l["Reports.Down", -places].Value,
        _ => l["Reports.Same"].Value,
    };

    /// <summary>The sheet with every empty cell <see cref="None"/>, as the page's tables show it (<c>_SheetTable</c>).</summary>
    public static SheetData Dashed(SheetData sheet) => sheet with
    {
        Rows = sheet.Rows.Select(r => (IReadOnlyList<object?>)r.Select(c => c ?? None).ToList()).ToList(),
    };

    /// <summary>The sheet with every decimal cell <see cref="Shown"/> (whole numbers and text unchanged).</summary>
    public static SheetData AsShown(SheetData sheet) => sheet with
    {
        Rows = sheet.Rows.Select(r => (IReadOnlyList<object?>)r.Select(c => c is decimal d ? Shown(d) : c).ToList()).ToList(),
    };
}
