using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Data;

namespace TalentHub.IntegrationTests.Pages.Shell;

/// <summary>
/// Review11: a 0-byte file said “please choose a file”, as if none had been chosen. Every file input (people and entity
/// imports, roster import, scores import, an example's photo) now says the chosen file is empty, in the page's language,
/// while sending no file still asks for one.
/// </summary>
public sealed class EmptyUploadTests(TalentHubFactory app) : AppTest(app)
{
    private const string Chinese = "所选文件是空的（0 字节）";
    private const string English = "The chosen file is empty (0 bytes)";

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
    public async Task AnEmptyFile_IsCalledEmpty_NotMissing(string page, bool english)
    {
        var (client, url, field, form) = await PageAsync(page);

        var html = WebUtility.HtmlDecode(await PostAsync(client, url, field, form, english, []));

        Assert.Contains(english ? English : Chinese, html);
        Assert.DoesNotContain(english ? "Choose a file" : "请选择要导入的文件", html);
    }

    [Fact]
    public async Task NoFileAtAll_StillAsksForOne()
    {
        var (client, url, _, form) = await PageAsync("people");

        var html = WebUtility.HtmlDecode(await PostAsync(client, url, null, form, false, []));

        Assert.Contains("请选择要导入的文件", html);
        Assert.DoesNotContain(Chinese, html);
    }

    private async Task<(HttpClient Client, string Url, string Field, Dictionary<string, string> Form)> PageAsync(string page)
    {
        switch (page)
        {
            case "people": return (await App.LoginAsync("anji.clerk"), "/People/Import?handler=Validate", "Upload", []);
            case "entities": return (await App.LoginAsync("anji.clerk"), "/Entities/Import?handler=Validate", "Upload", []);
            case "roster":
                return (await App.LoginAsync("anji.clerk"), $"/Courses/{await App.CreateOpenCourseAsync()}/Roster/Import?handler=Validate", "Upload", []);
            case "assessment":
                var course = await App.InProgressCourseAsync(assessed: true);
                await App.TraineesAsync(course.Id, 1); // scores are taken while someone holds a place
                return (await App.LoginAsync("anji.clerk"), $"/Courses/{course.Id}/Assessment?handler=Validate", "Upload", []);
            default:
                var person = await App.QueryAsync(db => db.People.IgnoreQueryFilters([RegionFilter.Name])
                    .Where(p => p.CountyCode == "330523000000").OrderBy(p => p.Id).Select(p => p.Id).FirstAsync());
                return (await App.LoginAsync("anji.officer"), $"/Reports/Examples/Create?Subject=Person&SubjectId={person}", "Input.Photo",
                    new() { ["Input.Title"] = "空照片", ["Input.Story"] = "参加培训后创办家庭农场。" });
        }
    }

    private static async Task<string> PostAsync(HttpClient client, string url, string? field, Dictionary<string, string> fields, bool english, byte[] bytes)
    {
        var page = url.Split("?handler=")[0];
        var token = FormClient.TokenOf(await client.GetStringAsync(page));
        using var content = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        foreach (var (name, value) in fields) content.Add(new StringContent(value), name);
        if (field is not null)
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue(field == "Upload" ? "text/csv" : "image/jpeg");
            content.Add(file, field, field == "Upload" ? "empty.csv" : "empty.jpg");
        }
        var response = await client.PostAsync(url + (url.Contains('?') ? "&" : "?") + (english ? "culture=en" : "culture=zh-CN"), content);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {response.Headers.Location}");
        return await response.Content.ReadAsStringAsync();
    }
}
