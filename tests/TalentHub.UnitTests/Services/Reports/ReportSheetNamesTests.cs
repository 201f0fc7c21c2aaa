using TalentHub.UnitTests.Builders;
using System.Globalization;
using System.Xml.Linq;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using TalentHub.Web;
using TalentHub.Web.Domain.Reports;
using TalentHub.Web.Services.Reports;
using TalentHub.Web.Services.Spreadsheets;

namespace TalentHub.UnitTests.Services.Reports;

/// <summary>
/// fix29b: every report sheet has a deliberate name Excel takes as it is, in both languages: at most 31 characters and
/// none of <c>: \ / ? * [ ]</c>, so <see cref="SheetWriter.SheetNames"/> never has to cut one (the English "Spend per
/// trainee against the subsidy standard" came out as "Spend per trainee against the").
/// </summary>
public sealed class ReportSheetNamesTests
{
    private static readonly IStringLocalizer L = Texts.L;

    private static readonly char[] Forbidden = [':', '\\', '/', '?', '*', '[', ']'];

    private static T In<T>(string culture, Func<T> read)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo(culture);
        try { return read(); }
        finally { CultureInfo.CurrentUICulture = before; }
    }

    /// <summary>The sheet names of the /Reports workbook, the dispatch workbook and the examples list, as written.</summary>
    private static List<string> ReportSheetNames(string culture) => In(culture, () =>
    {
        var english = culture == "en";
        var board = new ProgressBoard(2026, new DateOnly(2026, 11, 30), []);
        var dashboard = Dashboard.For(board, new Dictionary<int, IndicatorValues>(), new Dictionary<string, string>(), null, null);
        var outcomes = new OutcomeFigures([], new OutcomeRow(null) { Talents = Enum.GetValues<TalentHub.Web.Domain.People.TalentCategory>().ToDictionary(t => t, _ => 0) }, []);
        var dispatch = new DispatchFigures("2026-11", new DateOnly(2026, 11, 30), [], []);
        return dashboard.Sheets(L).Concat(OutcomeSheets.For(outcomes, new Dictionary<string, string>(), L))
            .Append(ExamplesService.Sheet([], c => c, L))
            .Concat(DispatchSheets.For(dispatch, english ? "Huzhou City" : "湖州市", DateTimeOffset.UnixEpoch, L, english))
            .Select(s => s.Name).ToList();
    });

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public void EveryReportSheet_HasAnExcelName_ThatIsNotCut(string culture)
    {
        var names = ReportSheetNames(culture);

        Assert.Equal(9 + 2, names.Count);
        // The /Reports download names a .csv by its table's key: the keys are the sheets', in the export's order.
        Assert.Equal(In(culture, () => TalentHub.Web.Pages.Reports.IndexModel.SheetKeys.Select(k => L[k].Value).ToList()), names.Take(9));
        Assert.All(names, n =>
        {
            Assert.InRange(n.Length, 1, 31);
            Assert.True(n.IndexOfAny(Forbidden) < 0, $"'{n}' holds a character Excel forbids");
            Assert.False(n.StartsWith('\'') || n.EndsWith('\''), n);
            Assert.Equal(n, n.Trim());
        });
        Assert.Equal(names.Take(9), SheetWriter.SheetNames(names.Take(9))); // taken as they are, none cut or renumbered
        Assert.Equal(names.Skip(9), SheetWriter.SheetNames(names.Skip(9)));
    }

    /// <summary>Every sheet name in the resource files (<c>Sheet.*</c>, <c>Export.*.Sheet</c>) is one Excel takes, in both files.</summary>
    [Theory]
    [InlineData("SharedResource.zh-CN.resx")]
    [InlineData("SharedResource.en.resx")]
    public void EverySheetNameResource_IsAnExcelName(string file)
    {
        var path = RepositoryFiles.PathOf("src", "TalentHub.Web", "Resources", file);
        var names = XDocument.Load(path).Root!.Elements("data")
            .Where(d => ((string)d.Attribute("name")!).StartsWith("Sheet.", StringComparison.Ordinal) || ((string)d.Attribute("name")!).EndsWith(".Sheet", StringComparison.Ordinal))
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");

        Assert.True(names.Count >= 11, string.Join(", ", names.Keys));
        Assert.All(names, n => Assert.True(n.Value.Length is >= 1 and <= 31 && n.Value.IndexOfAny(Forbidden) < 0, $"{n.Key}: '{n.Value}'"));
    }
}
