using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Data;

namespace TalentHub.IntegrationTests.Support;

/// <summary>
/// Every form with a file field (people, entity, roster and score imports; a typical example's photo), opened as the
/// user who may post it, for tests that treat them alike (empty files, uploads over the request ceiling).
/// </summary>
public static class UploadForms
{
    /// <summary>The forms' names for <see cref="OpenAsync"/>.</summary>
    public static readonly string[] All = ["people", "entities", "roster", "assessment", "example"];

    /// <summary>Each form in Chinese (false) and English (true).</summary>
    public static TheoryData<string, bool> InBothLanguages()
    {
        var data = new TheoryData<string, bool>();
        foreach (var form in All)
        {
            data.Add(form, false);
            data.Add(form, true);
        }
        return data;
    }

    /// <summary>
    /// A signed-in client, the post's address (with its handler), the file field's name and the other fields the form
    /// needs; an import's file field is <c>Upload</c>, the photo's <c>Input.Photo</c>.
    /// </summary>
    public static async Task<(HttpClient Client, string Url, string Field, Dictionary<string, string> Form)> OpenAsync(TalentHubFactory app, string form)
    {
        switch (form)
        {
            case "people": return (await app.LoginAsync("anji.clerk"), "/People/Import?handler=Validate", "Upload", []);
            case "entities": return (await app.LoginAsync("anji.clerk"), "/Entities/Import?handler=Validate", "Upload", []);
            case "roster":
                return (await app.LoginAsync("anji.clerk"), $"/Courses/{await app.CreateOpenCourseAsync()}/Roster/Import?handler=Validate", "Upload", []);
            case "assessment":
                var course = await app.InProgressCourseAsync(assessed: true);
                await app.TraineesAsync(course.Id, 1); // scores are taken while someone holds a place
                return (await app.LoginAsync("anji.clerk"), $"/Courses/{course.Id}/Assessment?handler=Validate", "Upload", []);
            default:
                var person = await app.QueryAsync(db => db.People.IgnoreQueryFilters([RegionFilter.Name])
                    .Where(p => p.CountyCode == "330523000000").OrderBy(p => p.Id).Select(p => p.Id).FirstAsync());
                return (await app.LoginAsync("anji.officer"), $"/Reports/Examples/Create?Subject=Person&SubjectId={person}", "Input.Photo",
                    new() { ["Input.Title"] = "照片", ["Input.Story"] = "参加培训后创办家庭农场。" });
        }
    }

    /// <summary>
    /// Posts the form with its antiforgery token, the other fields and, unless <paramref name="field"/> is null, a file
    /// of <paramref name="bytes"/> (csv for an import, jpeg for a photo), in the given language; the response is the caller's.
    /// </summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, string? field, Dictionary<string, string> fields, bool english, byte[] bytes)
    {
        var page = await client.GetStringAsync(PageOf(url));
        using var content = new MultipartFormDataContent { { new StringContent(FormClient.TokenOf(page)), "__RequestVerificationToken" } };
        if (FormClient.SubmissionTokenOf(page) is { } submission) content.Add(new StringContent(submission), "SubmissionToken");
        foreach (var (name, value) in fields) content.Add(new StringContent(value), name);
        if (field is not null)
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue(field == "Upload" ? "text/csv" : "image/jpeg");
            content.Add(file, field, field == "Upload" ? "upload.csv" : "upload.jpg");
        }
        return await client.PostAsync(url + (url.Contains('?') ? "&" : "?") + Culture(english), content);
    }

    /// <summary>The form's page: the post's address without its handler.</summary>
    public static string PageOf(string url) => url.Split("?handler=")[0];

    /// <summary>The culture query value of the language.</summary>
    public static string Culture(bool english) => english ? "culture=en" : "culture=zh-CN";
}
