using Microsoft.Playwright;
using TalentHub.BrowserTests.Pages.Shared;
using TalentHub.BrowserTests.Support;
using static Microsoft.Playwright.Assertions;

namespace TalentHub.BrowserTests.Stories;

/// <summary>
/// fix18, fix23: on wide screens (≥1200 px) the whole menu is one row under the brand, for every staff role, in English as
/// in Chinese. The admin's 16 items took two rows in English up to about 1,600 px; the administration pages are now in
/// one dropdown ("Administration" / "系统管理"), which opens on a wide screen and inside the folded menu on a phone. Below
/// 1200 px the menu folds behind the toggler. Screenshots go to TestResults/browser.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class HeaderMenuStory(BrowserApp app)
{
    private const string Rows = "() => new Set([...document.querySelectorAll('#main-nav > .navbar-nav > .nav-item')].map(e => Math.round(e.getBoundingClientRect().top))).size";

    [Theory]
    [InlineData("admin", "/Admin/Security")]
    [InlineData("city.officer", "/Admin/ApiTokens")]
    [InlineData("anji.officer", null)]
    [InlineData("anji.clerk", null)]
    [InlineData("trainer.wang", null)]
    public async Task TheMenu_IsOneRowFrom1200Px_InBothLanguages_AndFoldsBehindTheToggler_OnAPhone(string login, string? inDropdown)
    {
        var page = await app.NewPageAsync(1366, 800);
        await app.LoginAsync(page, login);
        var layout = new Layout(page);
        var dropdown = page.Locator("#admin-menu");
        foreach (var culture in new[] { "en", "zh-CN" })
        {
            if (await layout.LanguageAsync() != culture) await layout.SwitchLanguageAsync(culture);
            foreach (var width in new[] { 1200, 1280, 1366 })
            {
                await page.SetViewportSizeAsync(width, 800);
                await BrowserApp.ScreenshotAsync(page, $"fix23-menu-{login}-{culture}-{width}");
                var rows = await page.EvaluateAsync<int>(Rows);
                Assert.True(rows == 1, $"{login}, {culture}, {width} px: the menu takes {rows} rows");
            }
            if (inDropdown is null)
            {
                Assert.Equal(0, await dropdown.CountAsync());
                continue;
            }
            // The dropdown opens below the bar with the administration pages.
            await page.SetViewportSizeAsync(1200, 800);
            var link = dropdown.Locator($"a[href='{inDropdown}']");
            await Expect(link).ToBeHiddenAsync();
            await dropdown.Locator("button.dropdown-toggle").ClickAsync();
            await Expect(link).ToBeVisibleAsync();
            await BrowserApp.ScreenshotAsync(page, $"fix23-menu-{login}-{culture}-1200-open");
            await page.Keyboard.PressAsync("Escape");
            await Expect(link).ToBeHiddenAsync();
        }

        await page.SetViewportSizeAsync(360, 800);
        await BrowserApp.ScreenshotAsync(page, $"fix23-menu-{login}-360");
        await Expect(layout.MenuToggler).ToBeVisibleAsync();
        await Expect(page.Locator("#main-nav")).ToBeHiddenAsync();
        Assert.True(await layout.ScrollWidthAsync() <= 360);
        if (inDropdown is null) return;
        await layout.MenuToggler.ClickAsync();
        await page.WaitForSelectorAsync("#main-nav.show"); // after Bootstrap's collapse transition
        await dropdown.Locator("button.dropdown-toggle").ClickAsync();
        await Expect(dropdown.Locator($"a[href='{inDropdown}']")).ToBeVisibleAsync();
        Assert.True(await layout.ScrollWidthAsync() <= 360);
    }
}
