using static Microsoft.Playwright.Assertions;
using TalentHub.BrowserTests.Pages.Shared;
using TalentHub.BrowserTests.Pages.Training;
using TalentHub.BrowserTests.Support;

namespace TalentHub.BrowserTests.Stories;

/// <summary>Issue 10: a farmer and a trainer on a 360×740 phone; confirmations; contrast and tap sizes (axe-core).</summary>
[Collection(BrowserCollection.Name)]
public sealed class PhoneUxStories(BrowserApp app)
{
    [Fact]
    public async Task Farmer_OnAPhone_SeesTheCoursesTheyMayJoinFirst_AndWhyNotForTheOthers()
    {
        var page = await app.NewPageAsync(360, 740);
        var catalog = new CatalogPage(page);
        await new Layout(page).LoginAsync("13800000001");

        await page.GotoAsync("/Catalog");
        var eligibleOnly = await catalog.EligibilityInOrderAsync();
        Assert.NotEmpty(eligibleOnly);
        Assert.All(eligibleOnly, e => Assert.Equal("true", e));
        Assert.Equal(0, await catalog.Reasons.CountAsync());

        await catalog.ToggleAllAsync();
        var all = await catalog.EligibilityInOrderAsync();
        Assert.Contains("false", all);
        // Eligible first: no "true" after the first "false".
        Assert.DoesNotContain("true", all.SkipWhile(e => e == "true"));
        Assert.True(await catalog.Reasons.CountAsync() > 0);
        Assert.Contains("指定县", string.Join(" ", await catalog.Reasons.AllInnerTextsAsync()));
        Assert.True(await page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= 360);
        await BrowserApp.ScreenshotAsync(page, "farmer-catalog-all-phone");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Trainer_OnAPhone_ReadsTheRosterWithoutScrollingSideways()
    {
        var page = await app.NewPageAsync(360, 740);
        var layout = new Layout(page);
        var courses = new CoursesPage(page);
        await layout.LoginAsync("trainer.wang", authenticatorCode: app.CodeFor("trainer.wang"));

        await page.GotoAsync("/Courses");
        Assert.True(await layout.ScrollWidthAsync() <= 360, "course list scrolls sideways");
        var links = await courses.CourseLinks.EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        var found = false;
        foreach (var link in links.Distinct())
        {
            await page.GotoAsync(link + "/Roster");
            if (found = await page.Locator("#roster-participants tbody tr").CountAsync() > 0) break;
        }
        Assert.True(found, "no roster of this trainer has participants");
        await page.EvaluateAsync("() => document.querySelectorAll('details').forEach(d => d.open = true)");
        var width = await layout.ScrollWidthAsync();
        Assert.True(width <= 360, $"roster is {width}px wide on a 360px phone");
        // No table scrolls inside its box either.
        Assert.Equal(0, await page.EvaluateAsync<int>(
            "() => [...document.querySelectorAll('.table-responsive')].filter(b => b.scrollWidth > b.clientWidth + 1).length"));
        await BrowserApp.ScreenshotAsync(page, "trainer-roster-phone");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Farmer_CancellingAPlace_IsAskedFirst_AndKeepsThePlaceWhenTheyDecline()
    {
        var page = await app.NewPageAsync(360, 740);
        var catalog = new CatalogPage(page);
        var mine = new MyEnrollmentsPage(page);
        await new Layout(page).LoginAsync("13800000001");

        await page.GotoAsync("/Catalog");
        string? title = null;
        foreach (var link in await catalog.CoursesWithSeatsAsync())
            if ((title = await catalog.OpenIfEnrollableAsync(link)) is not null) break;
        Assert.NotNull(title);
        await catalog.EnrollAsync();

        var question = await mine.CancelButKeepAsync(title);
        Assert.Contains(title, question);
        await page.ReloadAsync();
        await Expect(mine.Enrollment(title)).ToHaveCountAsync(1);

        await mine.CancelAsync(title);
        await Expect(mine.Enrollment(title)).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("/Identity/Account/Login", false)]
    [InlineData("/", true)]
    [InlineData("/Catalog", true)]
    [InlineData("/Catalog?All=true", true)]
    [InlineData("/My/Enrollments", true)]
    [InlineData("/My/Messages", true)]
    public async Task FarmerPages_PassAxeContrastAndTargetSize(string path, bool signedIn)
    {
        var page = await app.NewPageAsync(360, 740, bypassCsp: true);
        if (signedIn) await new Layout(page).LoginAsync("13800000001");
        await page.GotoAsync(path);
        var violations = await Axe.RunAsync(page, "color-contrast", "target-size");
        Assert.True(violations.Count == 0, string.Join("\n", violations));
        await page.Context.CloseAsync();
    }
}
