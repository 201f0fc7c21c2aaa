using Microsoft.Playwright;
using TalentHub.BrowserTests.Support;

namespace TalentHub.BrowserTests.Stories;

[Collection(BrowserCollection.Name)]
public sealed class CountyOfficerStory(BrowserApp app)
{
    [Fact]
    public async Task AnjiOfficer_LogsIn_SwitchesToEnglishAndBack_AndBrowsesTheRegistry()
    {
        var page = await app.NewPageAsync();

        await app.LoginAsync(page, "anji.officer");
        Assert.Equal("zh-CN", await page.GetAttributeAsync("html", "lang"));
        Assert.Contains("陈晓燕", await page.InnerTextAsync("#current-user"));

        await page.ClickAsync("#culture-switch");
        await page.WaitForSelectorAsync("html[lang=en]");
        Assert.Contains("Talent registry", await page.InnerTextAsync("nav"));

        await page.ClickAsync("nav >> text=Talent registry");
        await page.WaitForURLAsync("**/People");
        var rows = page.Locator("table tbody tr");
        Assert.True(await rows.CountAsync() > 0);
        Assert.Matches(@"330523\*{8}", await rows.First.InnerTextAsync());
        await BrowserApp.ScreenshotAsync(page, "county-officer-people-en");

        await rows.First.Locator("a").ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/People/\d+$"));

        await page.ClickAsync("#culture-switch");
        await page.WaitForSelectorAsync("html[lang=zh-CN]");
        Assert.Contains("身份证号", await page.InnerTextAsync("main"));
        await BrowserApp.ScreenshotAsync(page, "county-officer-person-zh");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Farmer_OnAPhone_SeesTheCollapsedMenuAndHomePage()
    {
        var page = await app.NewPageAsync(360, 740);

        await app.LoginAsync(page, "13800000001");

        Assert.True(await page.IsVisibleAsync(".navbar-toggler"));
        var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= 360, $"page is {width}px wide on a 360px phone");
        await BrowserApp.ScreenshotAsync(page, "farmer-home-phone");
        await page.Context.CloseAsync();
    }
}
