using TalentHub.BrowserTests.Pages.Admin;
using TalentHub.BrowserTests.Pages.Shared;
using TalentHub.BrowserTests.Pages.Training;
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
        var jobs = new JobsPage(page);
        await new Layout(page).LoginAsync("admin", authenticatorCode: app.CodeFor("admin"));

        await jobs.OpenAsync();
        Assert.NotEmpty((await jobs.NextFireAsync("DatabaseBackup"))!);
        await jobs.RunNowAsync("DatabaseBackup");

        await jobs.ReloadUntilResultAsync("DatabaseBackup", "Succeeded");
        Assert.Equal(1, await jobs.LastResult("DatabaseBackup", "Succeeded").CountAsync());
        Assert.Single(Directory.GetFiles(Path.Combine(app.DataDirectory, "backups"), "talenthub-*.db"));
        await BrowserApp.ScreenshotAsync(page, "admin-jobs");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Trainer_SeesOnlyTheirCourses_AndOpensARoster()
    {
        var page = await app.NewPageAsync();
        var layout = new Layout(page);
        var courses = new CoursesPage(page);
        await layout.LoginAsync("trainer.wang", authenticatorCode: app.CodeFor("trainer.wang"));

        await layout.OpenMenuAsync("培训班", "**/Courses");
        Assert.True(await courses.CourseLinks.CountAsync() > 0);
        await courses.OpenFirstCourseAsync();
        await courses.OpenRosterAsync();
        Assert.Contains("花名册", await courses.HeadingAsync());
        await BrowserApp.ScreenshotAsync(page, "trainer-roster");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task CityOfficer_RaisesACountyTargetOfTheProgram()
    {
        var page = await app.NewPageAsync();
        var layout = new Layout(page);
        var program = new ProgramEditPage(page);
        await layout.LoginAsync("city.officer", authenticatorCode: app.CodeFor("city.officer"));

        await layout.OpenMenuAsync("培训项目", "**/Programs");
        var editUrl = await program.OpenFirstFromListAsync();
        var before = int.Parse(await program.FirstCountyTarget.InputValueAsync());
        await program.FirstCountyTarget.FillAsync((before + 10).ToString());
        await program.SaveAsync();

        await page.GotoAsync(editUrl);
        Assert.Equal((before + 10).ToString(), await program.FirstCountyTarget.InputValueAsync());
        await BrowserApp.ScreenshotAsync(page, "city-officer-program");
        await page.Context.CloseAsync();
    }
}
