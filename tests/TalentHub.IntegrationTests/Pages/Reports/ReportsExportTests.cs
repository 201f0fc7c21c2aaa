using System.Net;
using System.Text.RegularExpressions;
using MiniExcelLibs;
using TalentHub.Web.Domain.Reports;

namespace TalentHub.IntegrationTests.Pages.Reports;

/// <summary>
/// xlsx16: the dashboard's .xlsx holds the sections the page shows: the typical examples (masked, the viewer's counties
/// only) and, in the progress table, each indicator's schedule share and the movement since last month.
/// </summary>
public sealed partial class ReportsExportTests(TalentHubFactory app) : AppTest(app)
{
    private static List<IDictionary<string, object?>> Rows(byte[] bytes, string sheet) =>
        MiniExcel.Query(new MemoryStream(bytes), useHeaderRow: false, sheetName: sheet).Cast<IDictionary<string, object?>>().ToList();

    [GeneratedRegex("<h2 class=\"h6 card-title\">(.*?)</h2>")]
    private static partial Regex CardTitle();

    [Theory]
    [InlineData("city.officer", 2)]
    [InlineData("anji.officer", 1)] // the Wuxing cooperative's example is another county's
    public async Task Xlsx_HoldsTheExamplesThePageShows_MaskedAndScoped(string user, int seeded)
    {
        var client = await App.LoginAsync(user);
        var year = App.SeedDay.AddMonths(-1).Year; // the seed approved its examples in the month before its day
        var page = await client.GetStringAsync($"/Reports?Year={year}");
        var titles = CardTitle().Matches(page).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
        Assert.True(titles.Count >= seeded);

        var rows = Rows(await client.GetByteArrayAsync($"/Reports?handler=Export&format=xlsx&Year={year}"), "典型案例");
        Assert.Equal(["县（市、区）", "人员或经营主体", "标题", "审核时间", "事迹简介"], rows[0].Values.Take(5).ToArray());
        Assert.Equal(titles, rows.Skip(1).Select(r => (string)r["C"]!).ToList());
        var tea = rows.Single(r => Equals(r["C"], "返乡创办白茶合作基地，带动农户增收"));
        Assert.Equal("安吉县", tea["A"]);
        Assert.Matches("^.\\*.$", (string)tea["B"]!); // 熊*飞: masked as on the card
        if (user == "anji.officer") Assert.DoesNotContain(rows.Skip(1), r => Equals(r["A"], "吴兴区"));
    }

    [Fact]
    public async Task Xlsx_ProgressSheet_HasTheScheduleShareAndTheMovement_AsThePageTable()
    {
        var client = await App.LoginAsync("city.officer");
        var rows = Rows(await client.GetByteArrayAsync("/Reports?handler=Export&format=xlsx"), "目标完成进度");
        var header = rows[0].Values.Select(v => (string?)v).ToList();
        Assert.Contains("培训结业人数 · 序时进度", header);
        Assert.Equal("较上月", header[^1]);
        Assert.Equal(2 + 3 * Indicators.All.Count + 2, header.Count);
    }
}
