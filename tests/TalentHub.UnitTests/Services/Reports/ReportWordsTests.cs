using TalentHub.UnitTests.Builders;
using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using TalentHub.Web;
using TalentHub.Web.Services.Reports;
using TalentHub.Web.Services.Spreadsheets;

namespace TalentHub.UnitTests.Services.Reports;

/// <summary>imports32 item 5: the report files say in words what the pages say in words (持平, not 0; "—" for none).</summary>
public sealed class ReportWordsTests
{
    private static readonly IStringLocalizer L = Texts.L;

    private static T In<T>(string culture, Func<T> read)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo(culture);
        try { return read(); }
        finally { CultureInfo.CurrentUICulture = before; }
    }

    [Theory]
    [InlineData("zh-CN", 0, "持平")]
    [InlineData("zh-CN", 2, "上升2位")]
    [InlineData("zh-CN", -1, "下降1位")]
    [InlineData("zh-CN", null, "—")]
    [InlineData("en", 0, "no change")]
    [InlineData("en", 3, "up 3")]
    [InlineData("en", -2, "down 2")]
    public void A_movement_reads_as_the_dashboard_says_it(string culture, int? places, string words) =>
        Assert.Equal(words, In(culture, () => ReportNumbers.Movement(places, L)));

    [Theory]
    [InlineData("zh-CN", "\"↑\"0;\"↓\"0;\"持平\"")]
    [InlineData("en", "\"↑\"0;\"↓\"0;\"no change\"")]
    public void The_dispatch_workbook_shows_an_unchanged_rank_in_the_pages_words(string culture, string format) =>
        Assert.Equal(format, In(culture, () => DispatchSheets.MovementFormat(L)));

    [Fact]
    public void An_empty_cell_reads_as_the_pages_dash()
    {
        var sheet = new SheetData("t", ["a", "b"], [["x", null], ["y", 1.5m]]);

        var rows = ReportNumbers.Dashed(sheet).Rows.ToList();

        Assert.Equal(["x", "—"], rows[0]);
        Assert.Equal(["y", 1.5m], rows[1]);
    }
}
