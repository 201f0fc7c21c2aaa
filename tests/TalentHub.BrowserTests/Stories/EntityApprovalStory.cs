using TalentHub.Web.Data;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using TalentHub.BrowserTests.Pages.Entities;
using TalentHub.BrowserTests.Pages.Shared;
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
        var layout = new Layout(page);
        var form = new EntityFormPage(page);
        var details = new EntityDetailsPage(page);
        var list = new EntitiesListPage(page);

        // The clerk registers the farm and submits it.
        await layout.LoginAsync("anji.clerk", authenticatorCode: app.CodeFor("anji.clerk"));
        await form.OpenFromListAsync();
        await form.FillRegistrationAsync(name, "FamilyFarm", code, "2024-03-05", "330523108204", "天荒坪镇余村 8 号", "白茶");
        await form.FindPeopleAsync(leader.Name, leader.Id);
        Assert.Equal(name, await form.NameAsync());
        await form.ChooseLegalRepresentativeAsync(leader.Id);
        await form.FillFarmFiguresAsync("38.5", "3", "126.8");
        await BrowserApp.ScreenshotAsync(page, "entity-create-zh");
        await page.FollowAsync(form.SaveAsync, DetailsUrl());
        var url = page.Url;
        Assert.Contains("草稿", await details.StatusAsync());
        Assert.Contains(leader.Name, await details.MembersAsync());
        Assert.Contains("负责人", await details.MembersAsync());

        await details.MoveAsync("Submitted", "待审核");
        await layout.LogoutAsync();

        // The officer finds it in the list and approves it.
        await layout.LoginAsync("anji.officer", authenticatorCode: app.CodeFor("anji.officer"));
        await list.SearchAsync("Submitted", name);
        await BrowserApp.ScreenshotAsync(page, "entity-list-zh");
        await list.OpenAsync(name, url);
        await details.MoveAsync("Approved", "已认定（在册）", reason: "材料齐全，现场核实无误");

        var history = await details.HistoryAsync();
        Assert.Contains("周立新", history);
        Assert.Contains("陈晓燕", history);
        Assert.Contains("材料齐全", history);
        Assert.Matches(@"\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}", history);
        Assert.Equal("zh-CN", await layout.LanguageAsync());
        await BrowserApp.ScreenshotAsync(page, "entity-approved-zh");
        await page.Context.CloseAsync();
    }

    [GeneratedRegex(@"/Entities/\d+$")]
    private static partial Regex DetailsUrl();
}
