namespace TalentHub.IntegrationTests.Api;

/// <summary>
/// Review37b: API answers carry people's names, ID numbers and mobiles (full ones for a reveal token) but had no caching
/// header, while the person page that reveals sends no-store. Every API answer, data or problem, is <c>no-store</c>.
/// </summary>
public sealed class ApiCachingTests(TalentHubFactory app) : AppTest(app)
{
    [Theory]
    [InlineData("/api/v1/people?limit=5")]
    [InlineData("/api/v1/people/1")]
    [InlineData("/api/v1/people/stream?category=HighQualityFarmer")]
    [InlineData("/api/v1/enrollments/stream")]
    [InlineData("/api/v1/attendance?limit=5")]
    [InlineData("/api/v1/certificates?limit=5")]
    [InlineData("/api/v1/followups?limit=5")]
    [InlineData("/api/v1/entities?limit=5")]
    [InlineData("/api/v1/indicators?limit=5")]
    [InlineData("/api/v1/people?limit=0")]
    [InlineData("/api/v1/people/999999")]
    [InlineData("/api/v1/nothing-here")]
    public async Task Every_api_answer_is_no_store(string path)
    {
        var client = App.ApiClientFor(await App.IssueAsync("anji.officer", ApiClient.Anji, reveal: true));

        var response = await client.GetAsync(path);

        Assert.True(response.Headers.CacheControl?.NoStore == true, $"{path}: {(int)response.StatusCode} Cache-Control: {response.Headers.CacheControl}");
    }

    [Fact]
    public async Task A_refused_token_is_no_store_too()
    {
        var response = await App.ApiClientFor("thk_not-a-token").GetAsync("/api/v1/people");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore == true, $"Cache-Control: {response.Headers.CacheControl}");
    }
}
