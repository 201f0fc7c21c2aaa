using System.Text;
using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Data;
using static TalentHub.IntegrationTests.Pages.People.PeopleTestData;

namespace TalentHub.IntegrationTests.Pages.People;

/// <summary>
/// A person's place is a village (行政村/社区): on every path that sets it (create form, edit form, import, sign-up) a
/// township or county code is refused with the field's message, and nothing is written or changed.
/// </summary>
public sealed class PersonPlaceIsAVillageTests(TalentHubFactory app) : AppTest(app)
{
    private const string Township = "330523108000"; // 安吉县 天荒坪镇
    private const string County = "330523000000";   // 安吉县
    private const string VillageMessage = "请选择所在村（社区）。";

    [Theory]
    [InlineData(Township)]
    [InlineData(County)]
    public async Task TheCreateForm_RefusesATownshipOrCountyCode(string code)
    {
        var client = await App.LoginAsync("anji.clerk");
        var name = NewName("乡镇");
        var form = CreateForm(name, NewIdNumber(YuCun).Value);
        form["Input.RegionCode"] = code;

        var response = await client.PostFormAsync("/People/Create", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(VillageMessage, FieldError(await response.Content.ReadAsStringAsync(), "Input.RegionCode"));
        Assert.Equal(0, await App.CountNamedAsync(name));
    }

    [Theory]
    [InlineData(Township)]
    [InlineData(County)]
    public async Task TheEditForm_RefusesATownshipOrCountyCode_AndTheRecordIsUnchanged(string code)
    {
        var person = await App.AddPersonAsync(NewName("原村"), YuCun);
        var before = await App.PersonAsync(person.Id);
        var client = await App.LoginAsync("anji.clerk");

        var response = await client.PostPairsAsync($"/People/{person.Id}/Edit",
        [
            ("Input.Name", NewName("改村")), ("Input.IdNumber", ""), ("Input.Mobile", ""), ("Input.RegionCode", code),
            ("Input.Version", before!.Version.ToString()), ("Input.Categories", "HighQualityFarmer"),
        ]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(VillageMessage, FieldError(await response.Content.ReadAsStringAsync(), "Input.RegionCode"));
        var after = await App.PersonAsync(person.Id);
        Assert.Equal((before.Name, YuCun, before.Version), (after!.Name, after.RegionCode, after.Version));
    }

    [Theory]
    [InlineData(Township)]
    [InlineData(County)]
    public async Task TheImport_RefusesATownshipOrCountyCode_OnItsRow(string code)
    {
        var client = await App.LoginAsync("anji.clerk");
        var name = NewName("导入乡镇");
        var csv = $"姓名,身份证号,所在村（社区）,人才类别\r\n{name},{NewIdNumber(YuCun).Value},{code},高素质农民";

        var (_, html) = await client.ValidateAsync("/People/Import", Encoding.UTF8.GetBytes(csv), "乡镇.csv");

        var error = Assert.Single(ImportClient.Errors(html));
        Assert.Equal((2, "C（所在村（社区））"), (error.Row, error.Column));
        Assert.Contains($"找不到村（社区）“{code}”", error.Reason);
        Assert.DoesNotContain("name=\"Token\"", html);
        Assert.Equal(0, await App.CountNamedAsync(name));
    }

    [Theory]
    [InlineData(Township)]
    [InlineData(County)]
    public async Task SignUp_RefusesATownshipOrCountyCode(string code)
    {
        var name = NewName("注册乡镇");
        const string password = "tea terraces after the rain";

        var response = await App.NewClient().PostFormAsync("/Identity/Account/Register", new()
        {
            ["Input.Mobile"] = NewMobile(), ["Input.Name"] = name, ["Input.IdNumber"] = NewIdNumber(YuCun).Value,
            ["Input.VillageCode"] = code, ["Input.Password"] = password, ["Input.ConfirmPassword"] = password,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(VillageMessage, FieldError(await response.Content.ReadAsStringAsync(), "Input.VillageCode"));
        Assert.Equal(0, await App.CountNamedAsync(name));
    }
}
