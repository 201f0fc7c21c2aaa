using static Microsoft.Playwright.Assertions;
using TalentHub.BrowserTests.Pages.Shared;
using TalentHub.BrowserTests.Support;

namespace TalentHub.BrowserTests.Stories;

/// <summary>
/// The language switch is a plain link (issue 12: anonymous pages carry no per-visitor token, so /Catalog can be
/// output-cached): a visitor switches a filtered catalog to English and back and stays on the same filtered page.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AnonymousCatalogStory(BrowserApp app)
{
    [Fact]
    public async Task Visitor_SwitchesTheFilteredCatalogToEnglishAndBack_AndKeepsTheFilter()
    {
        var page = await app.NewPageAsync();
        var layout = new Layout(page);
        await page.GotoAsync("/Catalog?Topic=Ecommerce");
        Assert.Equal("zh-CN", await layout.LanguageAsync());
        await Expect(page.Locator("#culture-switch")).ToHaveAttributeAsync("lang", "en");

        await layout.SwitchLanguageAsync("en");
        Assert.EndsWith("/Catalog?Topic=Ecommerce", page.Url);
        await Expect(page.Locator("h1")).ToHaveTextAsync("Training courses");
        await Expect(page.Locator("#Topic")).ToHaveValueAsync("Ecommerce");

        await layout.SwitchLanguageAsync("zh-CN");
        Assert.EndsWith("/Catalog?Topic=Ecommerce", page.Url);
        await Expect(page.Locator("h1")).ToHaveTextAsync("培训课程");
        await page.Context.CloseAsync();
    }
}
