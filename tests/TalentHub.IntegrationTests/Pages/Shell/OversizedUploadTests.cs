using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TalentHub.Web.Services.Reports;
using TalentHub.Web.Services.Spreadsheets;

namespace TalentHub.IntegrationTests.Pages.Shell;

/// <summary>
/// A post larger than a page's request ceiling (an example photo over 40 MB, an import file over twice its cap) is
/// answered with the page again and the size message next to the file field, in the page's language and naming the cap
/// in MB: never a bare 400 or a 500. Every multipart form (people, entities, roster and score imports, example photo).
/// The file field also carries its cap for the browser, which refuses a larger file before sending it (fix18).
/// </summary>
public sealed class OversizedUploadTests(TalentHubFactory app) : AppTest(app)
{
    [Theory]
    [MemberData(nameof(UploadForms.InBothLanguages), MemberType = typeof(UploadForms))]
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

    /// <summary>fix18: each file field carries its cap and the size message, which the page's script checks before sending the file.</summary>
    [Theory]
    [MemberData(nameof(UploadForms.InBothLanguages), MemberType = typeof(UploadForms))]
    public async Task EveryFileField_CarriesItsCapAndSizeMessage_ForTheBrowserToCheckFirst(string page, bool english)
    {
        var (client, url, field, _, message) = await PageAsync(page, english);
        var cap = field == "Upload" ? ImportOptions.From(App.Services.GetRequiredService<IConfiguration>()).MaxUploadBytes : ExamplePhotos.MaxBytes;
        var form = UploadForms.PageOf(url);

        var html = WebUtility.HtmlDecode(await client.GetStringAsync(form + (form.Contains('?') ? "&" : "?") + UploadForms.Culture(english)));

        var input = Assert.Single(Regex.Matches(html, "<input[^>]*type=\"file\"[^>]*>")).Value;
        Assert.Contains($"name=\"{field}\"", input);
        Assert.Contains($"data-max-bytes=\"{cap}\"", input);
        Assert.Contains($"data-max-bytes-message=\"{message}\"", input);
    }

    private async Task<(HttpClient Client, string Url, string Field, Dictionary<string, string> Form, string Message)> PageAsync(string page, bool english)
    {
        var (client, url, field, form) = await UploadForms.OpenAsync(App, page);
        var message = page switch
        {
            "people" or "entities" => english ? "The file must not be larger than 5 MB." : "文件不能超过 5 MB。",
            "roster" or "assessment" => english ? "The file is over the 5 MB limit." : "文件超过 5 MB 的上限。",
            _ => english ? "The photo may not exceed 5 MB." : "照片不能超过 5 MB。",
        };
        return (client, url, field, form, message);
    }

    /// <summary>Posts the upload in the given language and follows the redirect back to the form, as a browser does.</summary>
    private static async Task<(HttpStatusCode Status, string Html)> PostAsync(HttpClient client, string url, string field, Dictionary<string, string> fields, bool english, byte[] bytes)
    {
        var response = await UploadForms.PostAsync(client, url, field, fields, english, bytes);
        // Refused before the body is read: back to the form, in the same language, without the handler.
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        var page = UploadForms.PageOf(url);
        Assert.Equal(page + (page.Contains('?') ? "&" : "?") + UploadForms.Culture(english) + "&tooLarge=true", location);
        response = await client.GetAsync(location);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
