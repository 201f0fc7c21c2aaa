using Microsoft.Extensions.Localization;
using TalentHub.Web.Domain.Reports;
using TalentHub.Web.Infrastructure;
using TalentHub.Web.Services.Spreadsheets;

namespace TalentHub.Web.Services.Reports;

/// <summary>
/// A stored dispatch report as the .xlsx download holds it, in the viewer's language (PRODUCT.md §7: the report is
/// downloadable as .xlsx): what /Reports/Dispatch/{yyyy-MM} shows, from the same frozen <see cref="DispatchFigures"/>.
/// </summary>
public static class DispatchSheets
{
    /// <summary>
    /// Excel format of the month-on-month movement as the page writes it: the number of places, up ↑ or down ↓; unchanged
    /// in words, 持平 / no change (imports32: "—", which the page keeps for a county without a previous month).
    /// </summary>
    public static string MovementFormat(IStringLocalizer l) => $"\"↑\"0;\"↓\"0;\"{l["Reports.Same"].Value}\"";

    /// <summary>
    /// Two sheets. The report (通报 / Dispatch): the title (city, month), issue time and "data as of" line (the month's last
    /// day: the figures are its snapshot, <see cref="AsOfLine.EndOf"/>) above the table; per county its
    /// rank, each indicator's actual value and share of target, the overall progress and the movement since last month, as
    /// numbers with formats; then each county's paragraph. The typical examples (masked names as issued), or a line
    /// saying there were none. <paramref name="city"/> is the city's name in the viewer's language.
    /// </summary>
    public static SheetData[] For(DispatchFigures f, string city, DateTimeOffset issuedAt, IStringLocalizer l, bool english)
    {
        string[] above = [l["Dispatch.ReportTitle", city, ShanghaiTime.FormatMonth(f.Day)].Value,
            l["Common.LabelledValue", l["Dispatch.IssuedAt"], ShanghaiTime.FormatDateTime(issuedAt)].Value, AsOfLine.EndOf(f.Day, l)];
        return [Report(f, above, l, english), Examples(f, above, l, english)];
    }

    private static SheetData Report(DispatchFigures f, string[] above, IStringLocalizer l, bool english)
    {
        var headers = new List<string> { l["Reports.Rank"], l["Targets.County"] };
        var columns = new List<SheetColumn> { new("0"), new() };
        foreach (var i in Indicators.All)
        {
            headers.Add($"{l["Indicator." + i].Value} · {l["Targets.Actual"].Value}");
            columns.Add(new(i.IsRate() ? "0.0" : "#,##0"));
            headers.Add($"{l["Indicator." + i].Value} · {l["Targets.ActualShare"].Value}");
            columns.Add(new("0.0%"));
        }
        headers.Add(l["Reports.Score"]);
        columns.Add(new("0.0%"));
        headers.Add(l["Reports.Movement"]);
        columns.Add(new(MovementFormat(l)));
        // A figure there is none of reads "—", as on the page (a blank cell said nothing); the others stay numbers with formats.
        object None(object? value) => value ?? ReportNumbers.None;
        var rows = f.Counties.Select(c =>
        {
            var row = new List<object?> { c.Rank, english ? c.NameEn : c.NameZh };
            foreach (var i in Indicators.All) { row.Add(None(c.Cells[i].Actual)); row.Add(None(c.Cells[i].ActualShare)); }
            row.Add(None(c.Score));
            row.Add(None(c.Movement));
            return (IReadOnlyList<object?>)row;
        }).ToList();
        var widths = f.Counties.Select(c => english ? c.NameEn : c.NameZh).Append(headers[1]).ToList();
        columns[1] = new(null, Fit(widths));
        return new SheetData(l["Sheet.Dispatch"], headers, rows)
        {
            Above = [.. above, l["Dispatch.Table"]],
            Below = [l["Dispatch.Paragraphs"], .. f.Counties.Select(c => DispatchService.Paragraph(c, l, english))],
            Columns = columns.Select((c, n) => c.Width > 0 ? c : c with { Width = Fit([headers[n]]) }).ToList(),
        };
    }

    private static SheetData Examples(DispatchFigures f, string[] above, IStringLocalizer l, bool english)
    {
        var examples = f.Examples ?? [];
        List<string> headers = [l["Dispatch.ExampleNo"], l["Targets.County"], l["Example.Who"], l["Example.Title"], l["Example.Story"]];
        var rows = examples.Select((e, n) => (IReadOnlyList<object?>)[n + 1, english ? e.CountyEn : e.CountyZh, e.MaskedName, e.Title, e.Story]).ToList();
        return new SheetData(l["Sheet.DispatchExamples"], headers, rows)
        {
            Above = [.. above, l["Dispatch.Examples"]],
            Below = examples.Count == 0 ? [l["Dispatch.NoExamples"]] : [],
            Columns =
            [
                new("0", Fit([headers[0]])), new(null, Fit(rows.Select(r => (string)r[1]!).Append(headers[1]))),
                new(null, Fit(rows.Select(r => (string)r[2]!).Append(headers[2]))), new(null, 30), new(null, 80),
            ],
        };
    }

    /// <summary>A width in characters that fits the longest text (CJK counted twice, as Excel draws it), from 8 to 40.</summary>
    private static double Fit(IEnumerable<string> texts) =>
        Math.Clamp(texts.Select(t => t.Sum(c => c >= '\u2E80' ? 2 : 1)).DefaultIfEmpty(0).Max() + 2, 8, 40);
}
