using Microsoft.Playwright;
using TalentHub.BrowserTests.Support;

namespace TalentHub.BrowserTests.Stories;

[Collection(BrowserCollection.Name)]
public sealed class FarmerEnrollmentStory(BrowserApp app)
{
    [Fact]
    public async Task Farmer_OnAPhone_FindsACourse_Enrolls_SeesTheConfirmation_AndCancels()
    {
        var page = await app.NewPageAsync(360, 740);
        await app.LoginAsync(page, "13800000001");

        await page.GotoAsync("/Catalog");
        await page.SelectOptionAsync("#County", "330523000000");
        await page.ClickAsync("form[method=get] button[type=submit]");
        await page.WaitForURLAsync("**/Catalog?County=330523000000**");
        await BrowserApp.ScreenshotAsync(page, "farmer-catalog-phone");
        // Open courses with seats until one says this farmer may enroll (some have an age limit).
        var links = await page.Locator(".course-card").Filter(new() { Has = page.Locator(".badge.text-bg-success") })
            .EvaluateAllAsync<string[]>("cards => cards.map(c => c.getAttribute('href'))");
        string? title = null;
        foreach (var link in links)
        {
            await page.GotoAsync(link);
            if (await page.Locator("#enroll").CountAsync() == 0) continue;
            title = (await page.InnerTextAsync("h1")).Trim();
            break;
        }
        Assert.NotNull(title);
        await BrowserApp.ScreenshotAsync(page, "farmer-course-phone");
        await page.ClickAsync("#enroll");
        await page.WaitForURLAsync("**/My/Enrollments");
        Assert.Contains("报名成功", await page.InnerTextAsync("[role=status]"));
        var mine = page.Locator("article[data-enrollment]").Filter(new() { HasText = title });
        Assert.Equal(1, await mine.CountAsync());
        var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= 360, $"page is {width}px wide on a 360px phone");
        await BrowserApp.ScreenshotAsync(page, "farmer-enrolled-phone");

        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await mine.Locator("button[type=submit]").ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Equal(0, await page.Locator("article[data-enrollment]").Filter(new() { HasText = title }).CountAsync());
        await BrowserApp.ScreenshotAsync(page, "farmer-cancelled-phone");
        await page.Context.CloseAsync();
    }
}
