using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using TalentHub.BrowserTests.Support;
using TalentHub.IntegrationTests.Support;
using TalentHub.Web.Data;
using static Microsoft.Playwright.Assertions;

namespace TalentHub.BrowserTests.Stories;

/// <summary>
/// fix16: a file far over a form's request ceiling (an import file of 40 MB, over the server's own 30 MB body limit too;
/// a 45 MB photo) sent by a real browser, which uploads without waiting: the form comes back with its size message next
/// to the file field, not a bare 400 page or a reset connection. The page's own check of the cap (fix18,
/// <see cref="FileOverTheCapStory"/>) is taken off first, as for a browser that does not run the page's script.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class OversizedUploadStory(BrowserApp app)
{
    [Theory]
    [InlineData("import")]
    [InlineData("photo")]
    public async Task AFileFarOverTheCeiling_ComesBackToTheFormWithTheSizeMessage(string form)
    {
        var file = Path.Combine(Path.GetTempPath(), $"fix16-oversized-{Guid.NewGuid():N}.{(form == "import" ? "csv" : "jpg")}");
        await using (var stream = File.Create(file)) stream.SetLength((form == "import" ? 40 : 45) * 1024 * 1024);
        try
        {
            var page = await app.NewPageAsync();
            await app.LoginAsync(page, form == "import" ? "anji.clerk" : "anji.officer");
            if (form == "import")
            {
                await page.GotoAsync("/People/Import");
                await page.SetInputFilesAsync("#Upload", file);
                await page.Locator("#Upload").EvaluateAsync("e => e.removeAttribute('data-max-bytes')");
                await page.FollowAsync(() => page.ClickAsync("form[enctype] button[type=submit]"), "**/People/Import?tooLarge=true");
                await Expect(page.Locator("#upload-error")).ToHaveTextAsync("文件不能超过 5 MB。");
            }
            else
            {
                var person = await app.QueryAsync(db => db.People.IgnoreQueryFilters([RegionFilter.Name])
                    .Where(p => p.CountyCode == "330523000000").OrderBy(p => p.Id).Select(p => p.Id).FirstAsync());
                await page.GotoAsync($"/Reports/Examples/Create?Subject=Person&SubjectId={person}");
                await page.FillAsync("#Input_Title", "大照片");
                await page.FillAsync("#Input_Story", "参加培训后创办家庭农场。");
                await page.SetInputFilesAsync("#Input_Photo", file);
                await page.Locator("#Input_Photo").EvaluateAsync("e => e.removeAttribute('data-max-bytes')");
                await page.FollowAsync(() => page.ClickAsync("form[enctype] button[type=submit]"), "**/Reports/Examples/Create?*tooLarge=true");
                await Expect(page.Locator("[data-valmsg-for='Input.Photo']")).ToHaveTextAsync("照片不能超过 5 MB。");
            }
        }
        finally { File.Delete(file); }
    }
}
