using System.Globalization;
using Microsoft.Extensions.Localization;
using TalentHub.Web.Infrastructure;

namespace TalentHub.Web.Services.Spreadsheets;

/// <summary>
/// The "data as of" line of a report and its downloads (fix23: the /Reports and dispatch downloads did not say when their
/// figures were read): <c>Export.AsOf</c>, "数据截至 yyyy-MM-dd HH:mm" / "Data as of yyyy-MM-dd HH:mm", the instant in
/// Asia/Shanghai. The one wording and format: /Reports and /Reports/Dispatch/{yyyy-MM} show the same line as their files
/// (fix29b: the page said "数据截至2026-12-02" / "Figures as of …", a day, beside the files' minute).
/// </summary>
public static class AsOfLine
{
    /// <summary>The line for <paramref name="asOf"/> in the current UI language.</summary>
    public static string Text(DateTimeOffset asOf, IStringLocalizer l) =>
        l["Export.AsOf", asOf.ToShanghai().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)].Value;

    /// <summary>
    /// The line for figures taken at the end of <paramref name="day"/> (a dispatch report's month-end snapshot): the day in
    /// words, "数据截至 2026年11月30日" / "Data as of 30 Nov 2026" (review32: the issue time, "2026-12-02 09:14", read as if
    /// the month's figures were today's).
    /// </summary>
    public static string EndOf(DateOnly day, IStringLocalizer l) => l["Export.AsOf", ShanghaiTime.FormatDate(day)].Value;

    /// <summary>
    /// <paramref name="sheet"/> stating <paramref name="line"/>. In .xlsx it is the first line above the header (frozen with
    /// it, seen first). In .csv it is the last line, after an empty row, as the dispatch paragraphs are: the header stays the
    /// file's first line, so Excel, pandas or a re-import still take the column names from it (a leading note line would
    /// become the header and shift every column name onto the data).
    /// </summary>
    public static SheetData Stamp(SheetData sheet, string line, bool csv) => csv
        ? sheet with { Below = [.. sheet.Below, line] }
        : sheet with { Above = [line, .. sheet.Above] };
}
