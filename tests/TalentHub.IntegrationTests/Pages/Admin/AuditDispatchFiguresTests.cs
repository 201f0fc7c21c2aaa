using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Domain.Reports;

namespace TalentHub.IntegrationTests.Pages.Admin;

/// <summary>
/// admin30: /Admin/Audit showed the figures of an issued dispatch report (月报) as raw JSON, cut short by the log. The page
/// and its export show them as localized "label: value" lines, in both languages, and no JSON.
/// </summary>
public sealed partial class AuditDispatchFiguresTests(TalentHubFactory app) : AppTest(app)
{
    /// <summary>Each case issues its own month (of a year no other test sets targets for), then a target changes its figures.</summary>
    [Theory]
    [InlineData("zh-CN", 2004, "通报数据", "月份: 2004-04", "[县区]: 第\\d+名")]
    [InlineData("en", 2005, "Figures", "Month: 2005-04", "(County|District): rank \\d+")]
    public async Task AnIssuedAndARegeneratedReport_ShowTheirFiguresAsLabelledLines(string culture, int year, string field, string month, string county)
    {
        var issuedMonth = $"{year}-04";
        var officer = await App.LoginAsync("city.officer");
        await officer.PostFormAsync("/Reports/Dispatch", new() { ["Month"] = issuedMonth }, "/Reports/Dispatch");
        // A data correction, so the regeneration changes the figures (an unchanged field is not in the entry).
        await App.QueryAsync(async db =>
        {
            db.Targets.Add(AnnualTarget.Create(year, "330523000000", Indicator.PeopleTrained, 1));
            return await db.SaveChangesAsync();
        });
        await officer.PostFormAsync("/Reports/Dispatch", new() { ["Month"] = issuedMonth, ["Regenerate"] = "true" }, "/Reports/Dispatch");
        var id = await App.QueryAsync(db => db.DispatchReports.Where(r => r.Month == issuedMonth).Select(r => r.Id).SingleAsync());
        var admin = await App.LoginAsync("admin");

        var html = await admin.GetStringAsync($"/Admin/Audit?Type=DispatchReport&Id={id}&culture={culture}");

        var cells = ChangesCell().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
        var figures = cells.Where(c => c.Contains(field + "</span>", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, figures.Count); // the issue (a create) and the regeneration (an update, before → after)
        Assert.All(figures, c =>
        {
            Assert.DoesNotContain("{", c);
            Assert.Matches(county, c); // the first county at least (the log keeps the start of long figures)
        });
        // reports31: the line named the month twice (in its figures and its month field); now once, in the field.
        Assert.Single(Regex.Matches(figures[^1], Regex.Escape(issuedMonth)));
        var rows = ExportFiles.Csv(await admin.GetByteArrayAsync($"/Admin/Audit?handler=Export&format=csv&Type=DispatchReport&Id={id}&culture={culture}"));
        var exported = rows.Skip(1).Select(r => r[5]).Where(c => c.Contains(field + ": ", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, exported.Count);
        Assert.All(exported, c => Assert.DoesNotContain("{", c));
        Assert.Single(Regex.Matches(exported[^1], Regex.Escape(issuedMonth)));
        Assert.Contains(month, exported[^1]);
    }

    [GeneratedRegex("<td class=\"small\">\\s*(<ul class=\"list-unstyled mb-0\" data-changes>.*?</ul>|<details>.*?</details>)", RegexOptions.Singleline)]
    private static partial Regex ChangesCell();
}
