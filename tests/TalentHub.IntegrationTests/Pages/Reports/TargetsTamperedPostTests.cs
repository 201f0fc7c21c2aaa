using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Domain.Reports;
using System.Text.RegularExpressions;
using TalentHub.Web.Domain.Training;

namespace TalentHub.IntegrationTests.Pages.Reports;

/// <summary>
/// fix37: a tampered post to /Reports/Targets (a cell of an unknown county or indicator) was refused with a model error under a
/// key no field shows: the page came back unchanged, saying nothing. The error now shows above the table, localized, and
/// nothing of that post is stored. Sibling: the program form's standard and target rows.
/// </summary>
public sealed class TargetsTamperedPostTests(TalentHubFactory app) : AppTest(app)
{
    private const string Anji = "330523000000";
    private const string Url = "/Reports/Targets?Year=2084";

    private static Dictionary<string, string> Cells(string county, string indicator) => new()
    {
        ["Year"] = "2084",
        ["Cells[0].County"] = Anji, ["Cells[0].Indicator"] = nameof(Indicator.PeopleTrained), ["Cells[0].Value"] = "120", ["Cells[0].Shown"] = "",
        ["Cells[1].County"] = county, ["Cells[1].Indicator"] = indicator, ["Cells[1].Value"] = "7", ["Cells[1].Shown"] = "",
    };

    [Theory]
    [InlineData("999999000000", nameof(Indicator.NewFamilyFarms), "", "提交的表格含有无法识别的县（市、区）或指标，未保存任何目标。")]
    [InlineData(Anji, "NoSuchIndicator", "", "提交的表格含有无法识别的县（市、区）或指标，未保存任何目标。")]
    [InlineData(Anji, "99", "&culture=en", "The form held a county or indicator this table does not have; no target was saved.")]
    public async Task ACellOfAnUnknownCountyOrIndicator_IsShownAboveTheTable_AndNothingIsSaved(string county, string indicator, string culture, string message)
    {
        var client = await App.LoginAsync("city.officer");

        var response = await client.PostFormAsync(Url + culture, Cells(county, indicator), Url + culture);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches("class=\"alert alert-danger validation-summary-errors\"[^>]*>\\s*<ul>\\s*<li>" + Regex.Escape(message), html);
        Assert.False(await App.QueryAsync(db => db.Targets.AnyAsync(t => t.Year == 2084)));
    }

    /// <summary>
    /// probe37: a cell missing one of its fields (its Value renamed in devtools) read as "cleared" and deleted the county's
    /// stored target; a missing Indicator read as the first indicator; a cell given twice was taken twice. Each is a tampered
    /// form now: the error above the table, and the stored target stays.
    /// </summary>
    [Theory]
    [InlineData("Cells[1].Value")]
    [InlineData("Cells[1].Indicator")]
    [InlineData("twice")]
    public async Task ACellMissingAFieldOrGivenTwice_IsRefused_AndTheStoredTargetStays(string tamper)
    {
        const string year = "2085";
        const string url = "/Reports/Targets?Year=" + year;
        var client = await App.LoginAsync("city.officer");
        var stored = new Dictionary<string, string>
        {
            ["Year"] = year,
            ["Cells[0].County"] = Anji, ["Cells[0].Indicator"] = nameof(Indicator.NewFamilyFarms), ["Cells[0].Value"] = "40", ["Cells[0].Shown"] = "",
            ["Cells[1].County"] = Anji, ["Cells[1].Indicator"] = nameof(Indicator.PeopleTrained), ["Cells[1].Value"] = "180", ["Cells[1].Shown"] = "",
        };
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync(url, stored, url)).StatusCode);
        var post = new Dictionary<string, string>(stored) { ["Cells[0].Shown"] = "40", ["Cells[1].Shown"] = "180", ["Cells[1].Value"] = "" };
        if (tamper == "twice")
        {
            post["Cells[0].Indicator"] = nameof(Indicator.PeopleTrained);
            post["Cells[0].Value"] = "180";
            post["Cells[0].Shown"] = "180";
        }
        else post.Remove(tamper);

        var response = await client.PostFormAsync(url, post, url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("提交的表格含有无法识别的县（市、区）或指标，未保存任何目标。", await response.Content.ReadAsStringAsync());
        var targets = await App.QueryAsync(db => db.Targets.Where(t => t.Year == 2085 && t.CountyCode == Anji && t.ProgramId == null)
            .ToDictionaryAsync(t => t.Indicator, t => t.Value));
        Assert.Equal(180m, targets[Indicator.PeopleTrained]);
        Assert.Equal(40m, targets[Indicator.NewFamilyFarms]);
    }

    /// <summary>probe37 sibling: a program row missing its amount read as "cleared" and removed the stored subsidy standard.</summary>
    [Fact]
    public async Task ProgramForm_ARowMissingItsAmount_IsRefused_AndTheStoredStandardStays()
    {
        var client = await App.LoginAsync("city.officer");
        var name = $"缺字段项目-{Guid.NewGuid():N}"[..20];
        var fields = new Dictionary<string, string>
        {
            ["Input.Name"] = name, ["Input.Year"] = "2027", ["Input.Budget"] = "10", ["Input.RepeatRuleApplies"] = "true", ["Input.Version"] = "0",
            ["Input.Standards[0].Type"] = nameof(TraineeType.BusinessManagement), ["Input.Standards[0].Yuan"] = "5000",
            ["Input.Targets[0].County"] = Anji, ["Input.Targets[0].Trainees"] = "120",
        };
        var created = await client.PostFormAsync("/Programs/Create", fields);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var program = await App.QueryAsync(db => db.Programs.Where(p => p.Name == name).Select(p => new { p.Id, p.Version }).SingleAsync());
        var edit = new Dictionary<string, string>(fields) { ["Input.Version"] = program.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        edit.Remove("Input.Standards[0].Yuan");
        edit.Remove("Input.Targets[0].Trainees");

        var response = await client.PostFormAsync($"/Programs/{program.Id}/Edit", edit);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("提交的表单含有无法识别的培训对象类型或县（市、区），未保存。", await response.Content.ReadAsStringAsync());
        Assert.True(await App.QueryAsync(db => db.Programs.Where(p => p.Id == program.Id)
            .AllAsync(p => p.Standards.Any(s => s.YuanPerTrainee == 5000m) && p.Targets.Any(t => t.Value == 120m))));
    }

    [Fact]
    public async Task ProgramForm_ARowOfAnUnknownCountyOrTraineeType_IsShownAboveTheForm_AndNothingIsSaved()
    {
        var client = await App.LoginAsync("city.officer");
        var name = $"篡改项目-{Guid.NewGuid():N}"[..20];
        var fields = new Dictionary<string, string>
        {
            ["Input.Name"] = name, ["Input.Year"] = "2027", ["Input.Budget"] = "10", ["Input.RepeatRuleApplies"] = "true", ["Input.Version"] = "0",
            ["Input.Standards[0].Type"] = nameof(TraineeType.BusinessManagement), ["Input.Standards[0].Yuan"] = "5000",
            ["Input.Standards[1].Type"] = "NoSuchType", ["Input.Standards[1].Yuan"] = "1",
            ["Input.Targets[0].County"] = Anji, ["Input.Targets[0].Trainees"] = "120",
            ["Input.Targets[1].County"] = "999999000000", ["Input.Targets[1].Trainees"] = "5",
        };

        var response = await client.PostFormAsync("/Programs/Create", fields);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(Regex.Matches(html, "提交的表单含有无法识别的培训对象类型或县（市、区），未保存。"));
        Assert.Matches("validation-summary-errors\"[^>]*>\\s*<ul>\\s*<li>提交的表单含有无法识别的培训对象类型或县", html);
        Assert.False(await App.QueryAsync(db => db.Programs.AnyAsync(p => p.Name == name)));
    }
}
