using TalentHub.BrowserTests.Pages.Shared;
using TalentHub.BrowserTests.Pages.Training;
using TalentHub.BrowserTests.Support;

namespace TalentHub.BrowserTests.Stories;

[Collection(BrowserCollection.Name)]
public sealed class FarmerEnrollmentStory(BrowserApp app)
{
    [Fact]
    public async Task Farmer_OnAPhone_FindsACourse_Enrolls_SeesTheConfirmation_AndCancels()
    {
        var page = await app.NewPageAsync(360, 740);
        var layout = new Layout(page);
        var catalog = new CatalogPage(page);
        var mine = new MyEnrollmentsPage(page);
        await layout.LoginAsync("13800000001");

        await catalog.FilterByCountyAsync("330523000000");
        await BrowserApp.ScreenshotAsync(page, "farmer-catalog-phone");
        // Open courses with seats until one says this farmer may enroll (some have an age limit).
        string? title = null;
        foreach (var link in await catalog.CoursesWithSeatsAsync())
            if ((title = await catalog.OpenIfEnrollableAsync(link)) is not null) break;
        Assert.NotNull(title);
        await BrowserApp.ScreenshotAsync(page, "farmer-course-phone");
        await catalog.EnrollAsync();
        Assert.Contains("报名成功", await layout.Flash.InnerTextAsync());
        Assert.Equal(1, await mine.Enrollment(title).CountAsync());
        var width = await layout.ScrollWidthAsync();
        Assert.True(width <= 360, $"page is {width}px wide on a 360px phone");
        await BrowserApp.ScreenshotAsync(page, "farmer-enrolled-phone");

        await mine.CancelAsync(title);
        Assert.Equal(0, await mine.Enrollment(title).CountAsync());
        await BrowserApp.ScreenshotAsync(page, "farmer-cancelled-phone");
        await page.Context.CloseAsync();
    }
}
