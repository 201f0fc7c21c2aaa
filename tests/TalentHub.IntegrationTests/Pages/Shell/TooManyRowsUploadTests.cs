using System.Text;

namespace TalentHub.IntegrationTests.Pages.Shell;

/// <summary>
/// rev35a: a scores file over the row cap said "文件超过 {0} 行数据的上限" with the placeholder unfilled (the score import read the file
/// without the configured caps and dropped the refusal's argument). The roster and score imports now name the cap alike, in the
/// page's language.
/// </summary>
public sealed class TooManyRowsUploadTests(TalentHubFactory app) : AppTest(app)
{
    public static TheoryData<string, bool> Forms() => new() { { "roster", false }, { "assessment", false }, { "assessment", true } };

    [Theory]
    [MemberData(nameof(Forms))]
    public async Task AFileOverTheRowCap_IsRefusedNamingTheCap(string page, bool english)
    {
        var (client, url, field, form) = await UploadForms.OpenAsync(App, page);
        var csv = new StringBuilder("身份证号,成绩\n");
        for (var i = 0; i <= 100_000; i++) csv.Append("1,1\n");   // 100,001 data rows: one over the default cap

        using var response = await UploadForms.PostAsync(client, url, field, form, english, Encoding.UTF8.GetBytes(csv.ToString()));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(english ? "more than 100,000 data rows" : "文件超过 100,000 行数据的上限", html);
        Assert.DoesNotContain(english ? "more than {0}" : "超过 {0}", html);
    }
}
