using static Microsoft.Playwright.Assertions;
using TalentHub.BrowserTests.Pages.People;
using TalentHub.BrowserTests.Pages.Shared;
using TalentHub.BrowserTests.Support;

namespace TalentHub.BrowserTests.Stories;

[Collection(BrowserCollection.Name)]
public sealed class CountyOfficerStory(BrowserApp app)
{
    [Fact]
    public async Task AnjiOfficer_LogsIn_SwitchesToEnglishAndBack_AndBrowsesTheRegistry()
    {
        var page = await app.NewPageAsync();
        var layout = new Layout(page);
        var people = new PeopleListPage(page);

        await layout.LoginAsync("anji.officer", authenticatorCode: app.CodeFor("anji.officer"));
        Assert.Equal("zh-CN", await layout.LanguageAsync());
        Assert.Contains("陈晓燕", await layout.CurrentUser.InnerTextAsync());

        await layout.SwitchLanguageAsync("en");
        Assert.Contains("Talent registry", await layout.Nav.InnerTextAsync());

        await layout.OpenMenuAsync("Talent registry", "**/People");
        await Expect(people.Rows).ToHaveCountAsync(20); // a full first page: Anji has more than 20 people
        Assert.Matches(@"330523\*{8}", await people.Rows.First.InnerTextAsync());
        await BrowserApp.ScreenshotAsync(page, "county-officer-people-en");

        await people.OpenFirstPersonAsync();

        await layout.SwitchLanguageAsync("zh-CN");
        Assert.Contains("身份证号", await people.MainTextAsync());
        await BrowserApp.ScreenshotAsync(page, "county-officer-person-zh");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Farmer_OnAPhone_SeesTheCollapsedMenuAndHomePage()
    {
        var page = await app.NewPageAsync(360, 740);
        var layout = new Layout(page);

        await layout.LoginAsync("13800000001");

        await Expect(layout.MenuToggler).ToBeVisibleAsync();
        var width = await layout.ScrollWidthAsync();
        Assert.True(width <= 360, $"page is {width}px wide on a 360px phone");
        await BrowserApp.ScreenshotAsync(page, "farmer-home-phone");
        await page.Context.CloseAsync();
    }
}
