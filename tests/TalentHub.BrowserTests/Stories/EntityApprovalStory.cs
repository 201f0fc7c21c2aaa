using TalentHub.Web.Data;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using TalentHub.BrowserTests.Support;
using TalentHub.IntegrationTests.Support;
using TalentHub.Web.Domain.Common;

namespace TalentHub.BrowserTests.Stories;

[Collection(BrowserCollection.Name)]
public sealed partial class EntityApprovalStory(BrowserApp app)
{
    [Fact]
    public async Task AnjiClerk_RegistersAFamilyFarmWithItsLeader_AndAnjiOfficer_ApprovesIt()
    {
        var leader = await app.QueryAsync(db => db.People.IgnoreQueryFilters([RegionFilter.Name])
            .Where(p => p.CountyCode == "330523000000").OrderBy(p => p.Id).Select(p => new { p.Id, p.Name }).FirstAsync());
        var name = $"余村{Guid.NewGuid().ToString("N")[..4]}白茶家庭农场";
        var code = CreditCode.Create("92330523MA" + Guid.NewGuid().ToString("N")[..7].ToUpperInvariant()); // hex: all in the code alphabet
        var page = await app.NewPageAsync();

        // The clerk registers the farm and submits it.
        await app.LoginAsync(page, "anji.clerk");
        await page.GotoAsync("/Entities");
        await page.ClickAsync("#create-entity");
        await page.WaitForURLAsync("**/Entities/Create");
        await page.FillAsync("#Input_Name", name);
        await page.SelectOptionAsync("#Input_Type", "FamilyFarm");
        await page.FillAsync("#Input_CreditCode", code);
        await page.FillAsync("#Input_RegisteredOn", "2024-03-05");
        await page.SelectOptionAsync("#Input_RegionCode", "330523108204");
        await page.FillAsync("#Input_Address", "天荒坪镇余村 8 号");
        await page.FillAsync("#Input_Industry", "白茶");
        await page.FillAsync("#Who", leader.Name);
        await page.ClickAsync("#find-people");
        await page.WaitForSelectorAsync($"#Input_LegalRepresentativeId option[value='{leader.Id}']", new() { State = WaitForSelectorState.Attached });
        Assert.Equal(name, await page.InputValueAsync("#Input_Name"));
        await page.SelectOptionAsync("#Input_LegalRepresentativeId", leader.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.FillAsync("#Input_LandArea", "38.5");
        await page.FillAsync("#Input_FamilyLabour", "3");
        await page.FillAsync("#Input_AnnualRevenue", "126.8");
        await BrowserApp.ScreenshotAsync(page, "entity-create-zh");
        await page.ClickAsync("#save");
        await page.WaitForURLAsync(DetailsUrl());
        var url = page.Url;
        Assert.Contains("草稿", await page.InnerTextAsync("#entity-status"));
        Assert.Contains(leader.Name, await page.InnerTextAsync("#members"));
        Assert.Contains("负责人", await page.InnerTextAsync("#members"));

        await page.ClickAsync("#move-Submitted");
        await page.WaitForSelectorAsync("#entity-status >> text=待审核");
        await page.ClickAsync("header form[action='/Identity/Account/Logout'] button");
        await page.WaitForSelectorAsync("#current-user", new() { State = WaitForSelectorState.Detached });

        // The officer finds it in the list and approves it.
        await app.LoginAsync(page, "anji.officer");
        await page.GotoAsync("/Entities?Status=Submitted");
        await page.FillAsync("#Q", name);
        await page.ClickAsync("#entity-filter button[type=submit]");
        await page.WaitForSelectorAsync($"#entities a:text-is('{name}')");
        await BrowserApp.ScreenshotAsync(page, "entity-list-zh");
        await page.ClickAsync($"#entities a:text-is('{name}')");
        await page.WaitForURLAsync(url);
        await page.FillAsync("#Reason", "材料齐全，现场核实无误");
        await page.ClickAsync("#move-Approved");
        await page.WaitForSelectorAsync("#entity-status >> text=已认定（在册）");

        var history = await page.InnerTextAsync("#history-table");
        Assert.Contains("周立新", history);
        Assert.Contains("陈晓燕", history);
        Assert.Contains("材料齐全", history);
        Assert.Matches(@"\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}", history);
        Assert.Equal("zh-CN", await page.GetAttributeAsync("html", "lang"));
        await BrowserApp.ScreenshotAsync(page, "entity-approved-zh");
        await page.Context.CloseAsync();
    }

    [GeneratedRegex(@"/Entities/\d+$")]
    private static partial Regex DetailsUrl();
}
