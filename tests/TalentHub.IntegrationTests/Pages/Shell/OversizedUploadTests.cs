using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Data;
using TalentHub.Web.Services.Reports;
using TalentHub.Web.Services.Spreadsheets;

namespace TalentHub.IntegrationTests.Pages.Shell;

/// <summary>
/// A post larger than a page's request ceiling (an example photo over 40 MB, an import file over twice its cap) is
/// answered with the page again and the size message next to the file field, in the page's language and naming the cap
/// in MB: never a bare 400 or a 500. Every multipart form (people, entities, roster and score imports, example photo).
/// </summary>
public sealed class OversizedUploadTests(TalentHubFactory app) : AppTest(app)
{
    public static TheoryData<string, bool> PagesAndCultures()
    {
        var data = new TheoryData<string, bool>();
        foreach (var page in new[] { "people", "entities", "roster", "assessment", "example" })
        {
            data.Add(page, false);
            data.Add(page, true);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(PagesAndCultures))]
    public async Task AFileOverTheRequestCeiling_ShowsTheFormWithTheSizeMessage(string page, bool english)
    {
        var (client, url, field, form, message) = await PageAsync(page, english);
        var ceiling = field == "Upload" ? ImportOptions.From(App.Services.GetRequiredService<IConfiguration>()).RequestCeilingBytes
            : ExamplePhotos.RequestCeilingBytes;

        var (status, html) = await PostAsync(client, url, field, form, english, new byte[ceiling + 1024 * 1024]);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(message, WebUtility.HtmlDecode(html));
        Assert.Matches($"<span class=\"text-danger[^\"]*\"[^>]*data-valmsg-for=\"{Regex.Escape(field)}\"[^>]*>{Regex.Escape(message)}", WebUtility.HtmlDecode(html));
    }

    private async Task<(HttpClient Client, string Url, string Field, Dictionary<string, string> Form, string Message)> PageAsync(string page, bool english)
    {
        var import = english ? "The file must not be larger than 5 MB." : "文件不能超过 5 MB。";
        switch (page)
        {
            case "people": return (await App.LoginAsync("anji.clerk"), "/People/Import?handler=Validate", "Upload", [], import);
            case "entities": return (await App.LoginAsync("anji.clerk"), "/Entities/Import?handler=Validate", "Upload", [], import);
            case "roster":
                return (await App.LoginAsync("anji.clerk"), $"/Courses/{await App.CreateOpenCourseAsync()}/Roster/Import?handler=Validate", "Upload", [],
                    english ? "The file is over the 5 MB limit." : "文件超过 5 MB 的上限。");
            case "assessment":
                var course = await App.InProgressCourseAsync(assessed: true);
                await App.TraineesAsync(course.Id, 1);
                return (await App.LoginAsync("anji.clerk"), $"/Courses/{course.Id}/Assessment?handler=Validate", "Upload", [],
                    english ? "The file is over the 5 MB limit." : "文件超过 5 MB 的上限。");
            default:
                var person = await App.QueryAsync(db => db.People.IgnoreQueryFilters([RegionFilter.Name])
                    .Where(p => p.CountyCode == "330523000000").OrderBy(p => p.Id).Select(p => p.Id).FirstAsync());
                return (await App.LoginAsync("anji.officer"), $"/Reports/Examples/Create?Subject=Person&SubjectId={person}", "Input.Photo",
                    new() { ["Input.Title"] = "大照片", ["Input.Story"] = "参加培训后创办家庭农场。" },
                    english ? "The photo may not exceed 5 MB" : "照片不能超过 5 MB");
        }
    }

    /// <summary>Posts the upload in the given language and follows the redirect back to the form, as a browser does.</summary>
    private static async Task<(HttpStatusCode Status, string Html)> PostAsync(HttpClient client, string url, string field, Dictionary<string, string> fields, bool english, byte[] bytes)
    {
        var culture = english ? "culture=en" : "culture=zh-CN";
        var page = url.Split("?handler=")[0];
        var token = FormClient.TokenOf(await client.GetStringAsync(page));
        using var content = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        foreach (var (name, value) in fields) content.Add(new StringContent(value), name);
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(field == "Upload" ? "text/csv" : "image/jpeg");
        content.Add(file, field, field == "Upload" ? "big.csv" : "big.jpg");
        var response = await client.PostAsync(url + (url.Contains('?') ? "&" : "?") + culture, content);
        // Refused before the body is read: back to the form, in the same language, without the handler.
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        Assert.Equal(page + (page.Contains('?') ? "&" : "?") + culture + "&tooLarge=true", location);
        response = await client.GetAsync(location);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
