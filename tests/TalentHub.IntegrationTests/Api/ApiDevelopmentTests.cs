using System.Text.Json;
using Microsoft.AspNetCore.Hosting;

namespace TalentHub.IntegrationTests.Api;

/// <summary>The app as <c>dotnet run</c> starts it (launchSettings: ASPNETCORE_ENVIRONMENT=Development).</summary>
public sealed class DevelopmentFactory : TalentHubFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Development");
    }
}

/// <summary>
/// Query values that do not bind answer the localized 400 problem under Development too (review9: minimal APIs throw
/// BadHttpRequestException there by default, and the exception handler made it a 500 HTML page).
/// </summary>
public sealed class ApiDevelopmentTests(DevelopmentFactory app) : IClassFixture<DevelopmentFactory>
{
    [Theory]
    [InlineData("people?limit=abc")]
    [InlineData("people?limit=%EF%BC%95")]
    [InlineData("people?limit=99999999999999")]
    [InlineData("people?updatedSince=yesterday")]
    [InlineData("entities?limit=1&limit=2")]
    [InlineData("enrollments?courseId=x")]
    public async Task A_value_that_does_not_bind_is_a_localized_400_problem_under_Development(string query)
    {
        var zh = app.ApiClientFor(await app.IssueAsync("anji.officer", ApiClient.Anji), "zh-CN");

        var response = await zh.GetAsync("/api/v1/" + query);
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{query}: {(int)response.StatusCode} {body[..Math.Min(200, body.Length)]}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("请求格式有误", JsonDocument.Parse(body).RootElement.GetProperty("title").GetString());
    }
}
