using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using TalentHub.BrowserTests.Support;
using TalentHub.IntegrationTests.Builders;
using TalentHub.IntegrationTests.Support;
using TalentHub.Web.Data;
using static Microsoft.Playwright.Assertions;

namespace TalentHub.BrowserTests.Stories;

/// <summary>
/// fix18: a file over a form's cap is refused in the browser, before anything is sent, with the size message next to
/// the file field and what the user typed still in the form (a typical example's photo over 40 MB used to lose the
/// headline and story: the server cannot read a form that large). Each of the five forms with a file field.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class FileOverTheCapStory(BrowserApp app)
{
    /// <summary>Every file field's cap is 5 MiB (imports: the default <c>ImportOptions</c>; the photo: <c>ExamplePhotos.MaxBytes</c>).</summary>
    private const long Cap = 5 * 1024 * 1024;

    [Theory]
    [InlineData("people", "文件不能超过 5 MB。")]
    [InlineData("entities", "文件不能超过 5 MB。")]
    [InlineData("roster", "文件超过 5 MB 的上限。")]
    [InlineData("assessment", "文件超过 5 MB 的上限。")]
    [InlineData("example", "照片不能超过 5 MB。")]
    public async Task AFileOverTheCap_IsRefusedBeforeItIsSent_AndTheTypedTextStays(string form, string message)
    {
        var url = await PageAsync(form);
        var field = form == "example" ? "Input.Photo" : "Upload";
        var file = Path.Combine(Path.GetTempPath(), $"fix18-over-cap-{Guid.NewGuid():N}.{(form == "example" ? "jpg" : "csv")}");
        await using (var stream = File.Create(file)) stream.SetLength(Cap + 1);
        try
        {
            var page = await app.NewPageAsync();
            await app.LoginAsync(page, form == "example" ? "anji.officer" : "anji.clerk");
            await page.GotoAsync(url);
            var posts = new List<string>();
            page.Request += (_, request) => { if (request.Method == "POST") posts.Add(request.Url); };
            if (form == "example")
            {
                await page.FillAsync("#Input_Title", "大照片");
                await page.FillAsync("#Input_Story", "参加培训后创办家庭农场。");
            }
            var upload = page.Locator("form:has(input[type=file])");
            var input = upload.Locator("input[type=file]");
            await input.SetInputFilesAsync(file);
            await upload.Locator("button[type=submit]").ClickAsync();

            await Expect(upload.Locator($"[data-valmsg-for='{field}']")).ToHaveTextAsync(message);
            await Expect(input).ToHaveAttributeAsync("aria-invalid", "true");
            Assert.Empty(posts);
            Assert.EndsWith(url, page.Url);
            if (form == "example")
            {
                await Expect(page.Locator("#Input_Title")).ToHaveValueAsync("大照片");
                await Expect(page.Locator("#Input_Story")).ToHaveValueAsync("参加培训后创办家庭农场。");
            }
        }
        finally { File.Delete(file); }
    }

    /// <summary>The form's page, with what it needs (as <see cref="UploadForms.OpenAsync"/>, whose HTTP client cannot reach this app).</summary>
    private async Task<string> PageAsync(string form)
    {
        switch (form)
        {
            case "people": return "/People/Import";
            case "entities": return "/Entities/Import";
            case "roster": return $"/Courses/{await app.CreateOpenCourseAsync()}/Roster/Import";
            case "assessment":
                var course = await app.InProgressCourseAsync(assessed: true);
                await app.TraineesAsync(course.Id, 1); // scores are taken while someone holds a place
                return $"/Courses/{course.Id}/Assessment";
            default:
                var person = await app.QueryAsync(db => db.People.IgnoreQueryFilters([RegionFilter.Name])
                    .Where(p => p.CountyCode == "330523000000").OrderBy(p => p.Id).Select(p => p.Id).FirstAsync());
                return $"/Reports/Examples/Create?Subject=Person&SubjectId={person}";
        }
    }
}
