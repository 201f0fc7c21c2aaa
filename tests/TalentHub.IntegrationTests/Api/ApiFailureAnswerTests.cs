using System.Text.Json;
using TalentHub.Web.Data;

namespace TalentHub.IntegrationTests.Api;

/// <summary>
/// Review37b: an API request that failed inside the app was answered with the HTML error page ("系统出错了", the signed-in
/// header with the token owner's name and a logout form), not with the API's problem; an integrator's JSON parser choked on it.
/// </summary>
public sealed class ApiFailureAnswerTests(TalentHubFactory app) : AppTest(app)
{
    [Theory]
    [InlineData("en", "Internal error")]
    [InlineData("zh-CN", "系统出错了")]
    public async Task A_failure_inside_an_API_request_is_a_localized_500_problem_not_the_HTML_page(string language, string title)
    {
        var client = App.ApiClientFor(await App.IssueAsync("anji.officer", ApiClient.Anji, reveal: true, "people"), language);
        // The reveal read writes its audit row; that save fails here.
        App.Rival.Arm<AuditEntry>(() => throw new InvalidOperationException("review37b: a save that fails"));
        try
        {
            var response = await client.GetAsync("/api/v1/people/1");
            var body = await response.Content.ReadAsStringAsync();

            Assert.True(response.StatusCode == HttpStatusCode.InternalServerError, $"{(int)response.StatusCode} {body[..Math.Min(200, body.Length)]}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = JsonDocument.Parse(body).RootElement;
            Assert.Equal(500, problem.GetProperty("status").GetInt32());
            Assert.Equal(title, problem.GetProperty("title").GetString());
            Assert.DoesNotContain("review37b", body);
        }
        finally
        {
            App.Rival.Disarm();
        }
    }
}
