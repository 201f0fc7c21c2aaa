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

    [Theory]
    [MemberData(nameof(UploadForms.InBothLanguages), MemberType = typeof(UploadForms))]
    public async Task AnEmptyFile_IsCalledEmpty_NotMissing(string page, bool english)
    {
        var (client, url, field, form) = await UploadForms.OpenAsync(App, page);

        var html = WebUtility.HtmlDecode(await PostAsync(client, url, field, form, english, []));

        Assert.Contains(english ? English : Chinese, html);
        Assert.DoesNotContain(english ? "Choose a file" : "请选择要导入的文件", html);
    }

    [Fact]
    public async Task NoFileAtAll_StillAsksForOne()
    {
        var (client, url, _, form) = await UploadForms.OpenAsync(App, "people");

        var html = WebUtility.HtmlDecode(await PostAsync(client, url, null, form, false, []));

        Assert.Contains("请选择要导入的文件", html);
        Assert.DoesNotContain(Chinese, html);
    }

    private static async Task<string> PostAsync(HttpClient client, string url, string? field, Dictionary<string, string> fields, bool english, byte[] bytes)
    {
        using var response = await UploadForms.PostAsync(client, url, field, fields, english, bytes);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {response.Headers.Location}");
        return await response.Content.ReadAsStringAsync();
    }
}
