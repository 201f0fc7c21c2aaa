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
