using System.Text.Json;

namespace TalentHub.IntegrationTests.Api;

/// <summary>
/// The API's one rule for numeric query values (limit and id filters) on every list: a value that is not an ASCII
/// integer in range (overflowing 32 bits, negative, zero or over 500 limit, full-width digits, letters, empty) is a localized 400
/// problem, never a silently clamped or unfiltered page, since a program must learn it sent nonsense.
/// </summary>
public sealed class ApiNumberQueryTests(TalentHubFactory app) : AppTest(app)
{
    private static readonly string[] Lists = ["people", "entities", "programs", "courses", "enrollments", "attendance", "certificates", "followups"];
    private static readonly string[] BadLimits = ["99999999999", "2147483648", "１００", "-1", "0", "501", "abc", "1e2", ""];

    public static TheoryData<string, string> BadValues()
    {
        var data = new TheoryData<string, string>();
        foreach (var list in Lists)
            foreach (var limit in BadLimits)
                data.Add(list, "limit=" + limit);
        foreach (var (list, id) in new[] { ("enrollments", "courseId"), ("attendance", "sessionId"), ("certificates", "personId"), ("followups", "courseId"), ("courses", "program") })
            foreach (var value in new[] { "99999999999", "３", "x" })
                data.Add(list, id + "=" + value);
        return data;
    }

    [Theory]
    [MemberData(nameof(BadValues))]
    public async Task EveryList_AnswersABadNumber_WithALocalized400Problem(string list, string query)
    {
        var secret = await App.IssueAsync("anji.officer", ApiClient.Anji);
        var zh = App.ApiClientFor(secret, "zh-CN");

        var response = await zh.GetAsync($"/api/v1/{list}?{query.Replace("１００", Uri.EscapeDataString("１００")).Replace("３", Uri.EscapeDataString("３"))}");
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{list}?{query}: {(int)response.StatusCode} {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("请求格式有误", JsonDocument.Parse(body).RootElement.GetProperty("title").GetString());
    }
}
