using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TalentHub.BrowserTests.Support;

namespace TalentHub.BrowserTests.Stories;

/// <summary>The main story of the admin, the trainer and the city officer.</summary>
[Collection(BrowserCollection.Name)]
public sealed class StaffStories(BrowserApp app)
{
    [Fact]
    public async Task Admin_RunsTheBackupNow_AndSeesItsResultInTheJobsConsole()
    {
        var page = await app.NewPageAsync();
        await app.LoginAsync(page, "admin");

        await page.GotoAsync("/Admin/Jobs");
        var backup = page.Locator("tr[data-job=DatabaseBackup]");
        Assert.NotEmpty((await backup.Locator("[data-next-fire]").GetAttributeAsync("data-next-fire"))!);
        await backup.Locator("button[data-action=run]").ClickAsync();
        await page.WaitForSelectorAsync("[role=status]");

        // The run is asynchronous: reload until its result is recorded.
        for (var i = 0; i < 40 && await backup.Locator("[data-last-result=Succeeded]").CountAsync() == 0; i++)
        {
            await Task.Delay(250);
            await page.ReloadAsync();
        }
        Assert.Equal(1, await backup.Locator("[data-last-result=Succeeded]").CountAsync());
        Assert.Single(Directory.GetFiles(Path.Combine(app.DataDirectory, "backups"), "talenthub-*.db"));
        await BrowserApp.ScreenshotAsync(page, "admin-jobs");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Trainer_SeesOnlyTheirCourses_AndOpensARoster()
    {
        var page = await app.NewPageAsync();
        await app.LoginAsync(page, "trainer.wang");

        await page.ClickAsync("nav >> text=培训班");
        await page.WaitForURLAsync("**/Courses");
        var courses = page.Locator("main table tbody tr a[href^='/Courses/']");
        Assert.True(await courses.CountAsync() > 0);
        await courses.First.ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/Courses/\d+$"));
        await page.ClickAsync("a[href$='/Roster']");
        await page.WaitForURLAsync(new Regex(@"/Courses/\d+/Roster$"));
        Assert.Contains("花名册", await page.InnerTextAsync("h1"));
        await BrowserApp.ScreenshotAsync(page, "trainer-roster");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task CityOfficer_RaisesACountyTargetOfTheProgram()
    {
        var page = await app.NewPageAsync();
        await app.LoginAsync(page, "city.officer");

        await page.ClickAsync("nav >> text=培训项目");
        await page.WaitForURLAsync("**/Programs");
        await page.ClickAsync("main a[href$='/Edit']");
        var editUrl = page.Url;
        var target = page.Locator("#target-0");
        var before = int.Parse(await target.InputValueAsync());
        await target.FillAsync((before + 10).ToString());
        await page.ClickAsync("main form button[type=submit]");
        await page.WaitForSelectorAsync("[role=status]");

        await page.GotoAsync(editUrl);
        Assert.Equal((before + 10).ToString(), await page.Locator("#target-0").InputValueAsync());
        await BrowserApp.ScreenshotAsync(page, "city-officer-program");
        await page.Context.CloseAsync();
    }
}
