using static Microsoft.Playwright.Assertions;
using TalentHub.BrowserTests.Support;

namespace TalentHub.BrowserTests.Stories;

/// <summary>
/// reports31: on a 360 px phone the talent-category chart turned its axis labels 45° and cut them at 64 px
/// ("返乡入乡创业人员" lost its end). Every category label of every dashboard chart is now whole and unturned: side by side
/// when it fits under its bar, else the chart is laid out horizontally with the label wrapped at the left.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DashboardPhoneChartsStory(BrowserApp app)
{
    /// <summary>
    /// Per chart, its category axes as drawn: which axis, its labels, turn, overflow, wrap width, and — for labels side by
    /// side — whether each fits its slot of the grid (measured in the chart's font).
    /// </summary>
    private const string Axes = """
        (id) => {
            const c = echarts.getInstanceByDom(document.getElementById(id));
            const o = c.getOption(), rect = c.getModel().getComponent('grid').coordinateSystem.getRect();
            const ctx = document.createElement('canvas').getContext('2d');
            return JSON.stringify(['xAxis', 'yAxis'].flatMap(k => o[k].filter(a => a.type === 'category').map(a => {
                const l = a.axisLabel || {}, size = l.fontSize || 12;
                ctx.font = size + 'px ' + getComputedStyle(document.body).fontFamily;
                const slot = rect.width / a.data.length;
                return { axis: k, labels: a.data.map(String), rotate: l.rotate || 0, overflow: l.overflow || '', width: l.width || 0,
                    fits: k === 'yAxis' || a.data.every(d => ctx.measureText(String(d)).width <= slot) };
            })));
        }
        """;


    private static async Task<System.Text.Json.JsonElement[]> AxesOf(Microsoft.Playwright.IPage page, string chart) =>
        System.Text.Json.JsonDocument.Parse(await page.EvaluateAsync<string>(Axes, chart)).RootElement.EnumerateArray().ToArray();

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public async Task EveryChartLabel_IsWholeAndReadable_At360Px(string culture)
    {
        var page = await app.NewPageAsync(360, 740);
        await app.LoginAsync(page, "city.officer");
        await page.GotoAsync($"/Reports?culture={culture}");
        string[] charts = ["chart-progress", "chart-trend", "chart-talents", "chart-rates", "chart-satisfaction", "chart-followups", "chart-spend"];
        foreach (var chart in charts) await Expect(page.Locator($"#{chart}[data-narrow=true]")).ToHaveCountAsync(1);
        var talents = await page.EvaluateAsync<string[]>("JSON.parse(document.getElementById('report-data').textContent).outcomes.talents.categories");

        foreach (var chart in charts)
        {
            var axes = await AxesOf(page, chart);
            Assert.NotEmpty(axes);
            foreach (var a in axes)
            {
                var axis = a.GetProperty("axis").GetString();
                var what = $"{chart} {axis} ({culture})";
                Assert.True(a.GetProperty("rotate").GetDouble() == 0, $"{what}: labels turned");
                Assert.NotEqual("truncate", a.GetProperty("overflow").GetString());
                Assert.True(a.GetProperty("fits").GetBoolean(), $"{what}: a label is wider than its bar");
                if (axis == "yAxis" && chart != "chart-progress")
                {
                    Assert.Equal("break", a.GetProperty("overflow").GetString()); // wrapped, not cut
                    Assert.True(a.GetProperty("width").GetDouble() >= 80, $"{what}: too narrow a label column");
                }
            }
        }
        // The talent categories, too long to stand side by side, run down the left, whole.
        var talentAxis = Assert.Single(await AxesOf(page, "chart-talents"));
        Assert.Equal("yAxis", talentAxis.GetProperty("axis").GetString());
        Assert.Equal(talents, talentAxis.GetProperty("labels").EnumerateArray().Select(e => e.GetString()!).ToArray());
        Assert.True(await page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= 360, "the dashboard scrolls sideways");
        await page.Locator("#chart-talents").ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.ResultsDirectory, $"dashboard-phone-talents-{culture}.png") });
        await page.Context.CloseAsync();
    }

    /// <summary>
    /// rev36: on a 360 px phone each report table stacks into cards, and its caption (the table's name and its "export this
    /// table" link) was squeezed into a column a word or two wide ("月度 / 趋势 / · 导 / 出本 / 表 / CSV") beside the cards.
    /// Every caption of the dashboard now runs the width of its table.
    /// </summary>
    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public async Task EveryTableCaption_RunsTheTablesWidth_At360Px(string culture)
    {
        var page = await app.NewPageAsync(360, 740);
        await app.LoginAsync(page, "city.officer");
        await page.GotoAsync($"/Reports?culture={culture}");
        var captions = await page.EvaluateAsync<double[][]>("""
            () => [...document.querySelectorAll('table.table-stack > caption')].map(c =>
                [c.getBoundingClientRect().width, c.closest('table').getBoundingClientRect().width])
            """);
        Assert.True(captions.Length >= 6, $"only {captions.Length} stacked tables with a caption");
        Assert.All(captions, c => Assert.True(c[0] >= c[1] * 0.9, $"a caption {c[0]:0} px wide beside its {c[1]:0} px table"));
        await page.Context.CloseAsync();
    }
}
