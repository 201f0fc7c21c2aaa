using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TalentHub.Web.Data;
using TalentHub.Web.Domain;
using TalentHub.Web.Domain.Api;
using TalentHub.Web.Services.Api;

namespace TalentHub.IntegrationTests.Api;

/// <summary>Issues tokens through the real service and calls the API with them.</summary>
public static class ApiClient
{
    public const string Anji = "330523000000";
    public const string Wuxing = "330502000000";
    public const string City = "330500000000";

    /// <summary>A token issued by the city officer (who may grant reveal) for <paramref name="owner"/>.</summary>
    public static async Task<string> IssueAsync(this TalentHubFactory app, string owner, string region, bool reveal = false, params string[] resources)
    {
        using var scope = app.Services.CreateScope();
        var issuer = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "city.officer"), new Claim(ClaimTypes.Role, Roles.CityOfficer)], "test"));
        var result = await scope.ServiceProvider.GetRequiredService<ApiTokens>().IssueAsync(issuer, new ApiTokenRequest(
            "test " + Guid.NewGuid().ToString("N")[..6], owner, region, resources.Length == 0 ? ApiResources.All : resources, reveal,
            DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30))));
        return result.Secret ?? throw new InvalidOperationException(string.Join(", ", result.Errors.Select(e => e.MessageKey)));
    }

    public static HttpClient ApiClientFor(this TalentHubFactory app, string? secret, string language = "en")
    {
        var client = app.NewClient();
        if (secret is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return client;
    }

    public static async Task<JsonElement> JsonAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    /// <summary>Every id of a list, page by page.</summary>
    public static async Task<List<int>> AllIdsAsync(this HttpClient client, string url, int limit = 500)
    {
        var ids = new List<int>();
        string? cursor = null;
        do
        {
            var page = await client.JsonAsync($"{url}{(url.Contains('?') ? '&' : '?')}limit={limit}{(cursor is null ? "" : "&cursor=" + cursor)}");
            ids.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()));
            cursor = page.GetProperty("nextCursor").ValueKind == JsonValueKind.Null ? null : page.GetProperty("nextCursor").GetString();
        } while (cursor is not null);
        return ids;
    }

    public static Task<int> AuditCountAsync(this TalentHubFactory app, AuditAction action, string type) =>
        app.QueryAsync(db => db.AuditEntries.CountAsync(a => a.Action == action && a.EntityType == type));
}
