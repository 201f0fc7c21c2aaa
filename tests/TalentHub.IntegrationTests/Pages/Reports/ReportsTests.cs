using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using TalentHub.Web.Domain.Reports;
using TalentHub.Web.Services.Reports;

namespace TalentHub.IntegrationTests.Pages.Reports;

/// <summary>Targets page, dashboard scoping and export, and the snapshot job's idempotence, through the real app.</summary>
public sealed class ReportsTests(TalentHubFactory app) : AppTest(app)
{
    private const string Anji = "330523000000";
    private const string Wuxing = "330502000000";

    private static List<IDictionary<string, object?>> Rows(byte[] bytes, string sheet) =>
        MiniExcel.Query(new MemoryStream(bytes), useHeaderRow: false, sheetName: sheet).Cast<IDictionary<string, object?>>().ToList();

    [Fact]
    public async Task CityOfficer_SetsTargets_AndABadValueSavesNothing()
    {
        var client = await App.LoginAsync("city.officer");
        var page = await client.GetStringAsync("/Reports/Targets?Year=2091");
        Assert.Contains("targets-form", page);
        var fields = new Dictionary<string, string>
        {
            ["Year"] = "2091",
            ["Cells[0].County"] = Anji, ["Cells[0].Indicator"] = nameof(Indicator.PeopleTrained), ["Cells[0].Value"] = "250",
            ["Cells[1].County"] = Anji, ["Cells[1].Indicator"] = nameof(Indicator.FollowUpRate), ["Cells[1].Value"] = "120",
        };

        var refused = await client.PostFormAsync("/Reports/Targets?Year=2091", fields, "/Reports/Targets?Year=2091");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("比率目标不能超过100", await refused.Content.ReadAsStringAsync());
        Assert.False(await App.QueryAsync(db => db.Targets.AnyAsync(t => t.Year == 2091)));

        fields["Cells[1].Value"] = "92.5";
        var saved = await client.PostFormAsync("/Reports/Targets?Year=2091", fields, "/Reports/Targets?Year=2091");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var targets = await App.QueryAsync(db => db.Targets.AsNoTracking().Where(t => t.Year == 2091).ToListAsync());
        Assert.Equal(250m, targets.Single(t => t.Indicator == Indicator.PeopleTrained).Value);
        Assert.Equal(92.5m, targets.Single(t => t.Indicator == Indicator.FollowUpRate).Value);
        Assert.True(await App.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == nameof(AnnualTarget))));
    }

    [Fact]
    public async Task CountyStaff_MayNotSetTargets()
    {
        var client = await App.LoginAsync("anji.officer");
        var response = await client.GetAsync("/Reports/Targets");
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task CityOfficer_SeesEveryCounty_WithChartsAndMapData()
    {
        var client = await App.LoginAsync("city.officer");
        var page = await client.GetStringAsync("/Reports");
        Assert.Contains($"data-county=\"{Anji}\"", page);
        Assert.Contains($"data-county=\"{Wuxing}\"", page);
        Assert.Contains("id=\"chart-map\"", page);
        Assert.Contains("type=\"application/json\" id=\"report-data\"", page);
        Assert.DoesNotContain("<script>", page);
    }

    [Fact]
    public async Task CountyOfficer_SeesOnlyTheirCounty_ByFilterUrlAndExport()
    {
        var client = await App.LoginAsync("anji.officer");

        var page = await client.GetStringAsync($"/Reports?County={Wuxing}");
        Assert.Contains($"tr data-county=\"{Anji}\"", page);
        Assert.DoesNotContain($"tr data-county=\"{Wuxing}\"", page);
        Assert.DoesNotContain("id=\"chart-map\"", page);
        Assert.Contains("data-county=\"average\"", page);

        var bytes = await client.GetByteArrayAsync($"/Reports?handler=Export&format=xlsx&County={Wuxing}");
        var rows = Rows(bytes, "目标完成进度");
        Assert.Equal(3, rows.Count); // header, Anji, city average
        Assert.Equal("安吉县", rows[1]["B"]);
        Assert.Equal("全市平均", rows[2]["B"]);
        var csv = System.Text.Encoding.UTF8.GetString(await client.GetByteArrayAsync($"/Reports?handler=Export&format=csv&County={Wuxing}"));
        Assert.DoesNotContain("吴兴区", csv);
    }

    [Fact]
    public async Task SnapshotJob_TwiceWritesTheSameRows()
    {
        var day = new DateOnly(2026, 3, 31);
        async Task<List<(string, Indicator, decimal?)>> RunAsync()
        {
            using var scope = App.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<ReportsService>().WriteSnapshotAsync(day);
            return await App.QueryAsync(async db => (await db.Snapshots.AsNoTracking().Where(s => s.Day == day).ToListAsync())
                .Select(s => (s.CountyCode, s.Indicator, s.Value)).OrderBy(s => s.CountyCode).ThenBy(s => s.Indicator).ToList());
        }

        var first = await RunAsync();
        var second = await RunAsync();

        Assert.Equal(5 * Indicators.All.Count, first.Count);
        Assert.Equal(first, second);
    }
}
