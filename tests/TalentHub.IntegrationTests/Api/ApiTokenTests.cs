using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Data;
using TalentHub.Web.Domain.Api;
using TalentHub.Web.Services.Api;
using TalentHub.Web.Infrastructure;
using TalentHub.IntegrationTests.Support;

namespace TalentHub.IntegrationTests.Api;

/// <summary>Issue 14: token lifecycle through /Admin/ApiTokens, expiry, problem details.</summary>
public sealed partial class ApiTokenTests(TalentHubFactory app) : AppTest(app)
{
    [Fact]
    public async Task Token_issued_on_the_page_works_is_stored_as_a_hash_records_last_use_and_stops_after_revoke()
    {
        var officer = await App.LoginAsync("city.officer");
        var name = "sync " + Guid.NewGuid().ToString("N")[..6];
        var issued = await officer.PostFormAsync("/Admin/ApiTokens?handler=Create", new()
        {
            ["Input.Name"] = name, ["Input.OwnerUserName"] = "anji.officer", ["Input.RegionCode"] = ApiClient.Anji,
            ["Input.Resources"] = "people", ["Input.ExpiresOn"] = DateTime.UtcNow.AddDays(60).ToString("yyyy-MM-dd"),
        }, "/Admin/ApiTokens");
        var html = await issued.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        var secret = SecretPattern().Match(html).Groups[1].Value;
        Assert.StartsWith(ApiTokens.SecretPrefix, secret);

        var token = await App.QueryAsync(db => db.ApiTokens.SingleAsync(t => t.Name == name));
        Assert.Equal(ApiTokens.Hash(secret), token.SecretHash);
        Assert.NotEqual(secret, token.SecretHash);
        Assert.Null(token.LastUsedAt);
        // The secret is nowhere in the database file.
        var dbText = await App.QueryAsync(db => db.ApiTokens.Select(t => t.Name + t.SecretHash + t.Prefix + t.Resources).ToListAsync());
        Assert.DoesNotContain(dbText, t => t.Contains(secret));
        Assert.True(await App.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == ApiTokens.AuditType && a.EntityId == token.Id.ToString())));

        var api = App.ApiClientFor(secret);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/people?limit=2")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync("/api/v1/entities")).StatusCode);
        Assert.NotNull(await App.QueryAsync(db => db.ApiTokens.Where(t => t.Id == token.Id).Select(t => t.LastUsedAt).SingleAsync()));

        var revoked = await officer.PostFormAsync($"/Admin/ApiTokens?handler=Revoke&id={token.Id}", new(), "/Admin/ApiTokens");
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        var after = await api.GetAsync("/api/v1/people");
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Equal("Bearer", after.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task Expired_and_unknown_tokens_get_401()
    {
        var secret = ApiTokens.SecretPrefix + Guid.NewGuid().ToString("N");
        var ownerId = await App.QueryAsync(db => db.Users.Where(u => u.UserName == "city.officer").Select(u => u.Id).SingleAsync());
        await App.QueryAsync(async db =>
        {
            var now = DateTimeOffset.UtcNow;
            db.ApiTokens.Add(ApiToken.Issue("old", ownerId, "city.officer", ApiClient.City, ["people"], false, "admin",
                now.AddDays(-1), now.AddDays(-30), ApiTokens.Hash(secret), secret[..10]));
            return await db.SaveChangesAsync();
        });
        Assert.Equal(HttpStatusCode.Unauthorized, (await App.ApiClientFor(secret).GetAsync("/api/v1/people")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await App.ApiClientFor("thk_nonsense").GetAsync("/api/v1/people")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await App.ApiClientFor(null).GetAsync("/api/v1/people")).StatusCode);
    }

    [Fact]
    public async Task Issue_form_refuses_a_year_and_a_day_and_a_county_owner_outside_its_county()
    {
        var officer = await App.LoginAsync("city.officer", FormClient.DemoPassword);
        async Task<string> PostAsync(string region, int days) => await (await officer.PostFormAsync("/Admin/ApiTokens?handler=Create", new()
        {
            ["Input.Name"] = "refused", ["Input.OwnerUserName"] = "anji.officer", ["Input.RegionCode"] = region,
            ["Input.Resources"] = "people", ["Input.ExpiresOn"] = DateTime.UtcNow.AddDays(days).ToString("yyyy-MM-dd"),
        }, "/Admin/ApiTokens")).Content.ReadAsStringAsync();
        var tooLong = await PostAsync(ApiClient.Anji, 400);
        Assert.DoesNotContain("data-secret", tooLong);
        Assert.Contains("不超过一年", tooLong);
        // Every broken rule at once, each next to its field.
        var both = await PostAsync(ApiClient.Wuxing, 400);
        Assert.DoesNotContain("data-secret", both);
        Assert.Contains("只能覆盖本县（市、区）", both);
        Assert.Contains("不超过一年", both);
        Assert.False(await App.QueryAsync(db => db.ApiTokens.AnyAsync(t => t.Name == "refused")));
    }

    /// <summary>
    /// The chosen date is the token's last day (ApiToken.LastDay), so today is accepted; the refusal says so instead of
    /// "after today" (review15: "到期日须晚于今天" while today's date was issued).
    /// </summary>
    [Theory]
    [InlineData("", "到期日须为今天或以后，且不超过一年。")]
    [InlineData("?culture=en", "The expiry must be today or later and at most one year ahead.")]
    public async Task Issue_form_takes_today_as_the_last_day_and_its_refusal_says_from_today(string culture, string message)
    {
        var today = await ShanghaiDays.RoomInDayAsync();
        var officer = await App.LoginAsync("city.officer", FormClient.DemoPassword);
        async Task<string> PostAsync(string name, DateOnly day) => await (await officer.PostFormAsync("/Admin/ApiTokens?handler=Create" + culture.Replace('?', '&'), new()
        {
            ["Input.Name"] = name, ["Input.OwnerUserName"] = "anji.officer", ["Input.RegionCode"] = ApiClient.Anji,
            ["Input.Resources"] = "people", ["Input.ExpiresOn"] = day.ToString("yyyy-MM-dd"),
        }, "/Admin/ApiTokens" + culture)).Content.ReadAsStringAsync();

        var yesterday = System.Net.WebUtility.HtmlDecode(await PostAsync("yesterday" + culture, today.AddDays(-1)));
        var lastDayToday = await PostAsync("today" + culture, today);

        Assert.DoesNotContain("data-secret", yesterday);
        Assert.Contains(message, yesterday);
        Assert.Contains("data-secret", lastDayToday);
    }

    [Theory]
    [InlineData("", "考勤", "结业证书", "跟踪服务", "考核指标")]
    [InlineData("?culture=en", "Attendance", "Certificates", "Follow-ups", "Indicators")]
    public async Task Issue_form_offers_the_outcome_and_indicator_resources_and_a_token_for_them_works(string culture, string attendance, string certificates,
        string followups, string indicators)
    {
        string[] labels = [attendance, certificates, followups, indicators];
        var officer = await App.LoginAsync("city.officer");
        var html = await officer.GetStringAsync("/Admin/ApiTokens" + culture);
        foreach (var (resource, label) in new[] { "attendance", "certificates", "followups", "indicators" }.Zip(labels))
            Assert.Matches($@"id=""res-{resource}""\s*/?>\s*<label class=""form-check-label"" for=""res-{resource}"">{label}</label>", html);
        var name = "outcomes " + Guid.NewGuid().ToString("N")[..6];
        var issued = await (await officer.PostFormAsync("/Admin/ApiTokens?handler=Create", new()
        {
            ["Input.Name"] = name, ["Input.OwnerUserName"] = "anji.officer", ["Input.RegionCode"] = ApiClient.Anji,
            ["Input.Resources"] = "indicators", ["Input.ExpiresOn"] = DateTime.UtcNow.AddDays(10).ToString("yyyy-MM-dd"),
        }, "/Admin/ApiTokens")).Content.ReadAsStringAsync();
        var api = App.ApiClientFor(SecretPattern().Match(issued).Groups[1].Value);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/indicators")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync("/api/v1/attendance")).StatusCode);
        Assert.Equal("indicators", await App.QueryAsync(db => db.ApiTokens.Where(t => t.Name == name).Select(t => t.Resources).SingleAsync()));
    }

    [Theory]
    [InlineData("en", "Authentication required")]
    [InlineData("zh-CN", "需要身份验证")]
    public async Task Errors_are_problem_details_with_a_localized_title(string language, string title)
    {
        var response = await App.ApiClientFor(null, language).GetAsync("/api/v1/courses");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(401, problem.GetProperty("status").GetInt32());
        Assert.Equal(title, problem.GetProperty("title").GetString());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("type").GetString()));

        var secret = await App.IssueAsync("city.officer", ApiClient.City);
        var missing = await App.ApiClientFor(secret, language).GetAsync("/api/v1/courses/999999");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
        var unknown = await App.ApiClientFor(secret, language).GetAsync("/api/v1/salaries");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
        // probe37: an address no resource has (or an id that is no number) says so, not "no such record in this token's region".
        var detail = language == "en" ? "There is no such API address" : "没有这个 API 地址";
        Assert.Contains(detail, await DetailAsync(unknown));
        Assert.Contains(detail, await DetailAsync(await App.ApiClientFor(secret, language).GetAsync("/api/v1/courses/abc")));
        Assert.DoesNotContain(detail, await DetailAsync(missing));
        var bad = await App.ApiClientFor(secret, language).GetAsync("/api/v1/courses?limit=501");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Theory]
    [InlineData("/api/v1/people")]
    [InlineData("/api/v1/people/abc")]   // no route matches: the fallback answered "no such record in this token's region"
    [InlineData("/api/v1/salaries")]
    [InlineData("/api/v1/")]
    public async Task Without_a_usable_token_every_api_path_is_a_401_saying_what_is_missing(string path)
    {
        var missing = await App.ApiClientFor(null, "zh-CN").GetAsync(path);
        var malformed = App.ApiClientFor(null);
        malformed.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic", "YTpi");
        var wrongFormat = await malformed.GetAsync(path);
        var unknown = await App.ApiClientFor("thk_nonsense").GetAsync(path);

        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
        Assert.Contains("需要 API 令牌", await DetailAsync(missing));
        Assert.Equal(HttpStatusCode.Unauthorized, wrongFormat.StatusCode);
        // fix23: the header is quoted as the other messages quote (“…”), not with apostrophes.
        Assert.Contains("must be “Bearer <token>”", await DetailAsync(wrongFormat));
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Contains("valid, unexpired and unrevoked API token as “Authorization: Bearer <token>”", await DetailAsync(unknown));
        var unknownZh = await App.ApiClientFor("thk_nonsense", "zh-CN").GetAsync(path);
        Assert.Contains("请以“Authorization: Bearer <令牌>”发送", await DetailAsync(unknownZh));
    }

    /// <summary>
    /// Review34b: the API is read-only, but a POST, PUT, PATCH or DELETE with a good token was told 404 "no such record in
    /// this token's region" (the fallback caught every method), so a client could not tell a refused write from a missing
    /// record. It is a 405 problem with <c>Allow: GET, HEAD</c> and a localized detail; nothing is written.
    /// </summary>
    [Theory]
    [InlineData("POST", "/api/v1/people", "en", "The API is read-only")]
    [InlineData("PUT", "/api/v1/people/1", "zh-CN", "API 为只读")]
    [InlineData("PATCH", "/api/v1/courses/1", "en", "The API is read-only")]
    [InlineData("DELETE", "/api/v1/entities/1", "zh-CN", "API 为只读")]
    public async Task A_write_with_a_good_token_is_a_405_saying_the_api_is_read_only(string method, string path, string language, string detail)
    {
        var secret = await App.IssueAsync("city.officer", ApiClient.City);
        var request = new HttpRequestMessage(new HttpMethod(method), path)
        {
            Content = new StringContent("{\"name\":\"x\"}", System.Text.Encoding.UTF8, "application/json"),
        };

        var response = await App.ApiClientFor(secret, language).SendAsync(request);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(["GET", "HEAD"], response.Content.Headers.Allow);
        Assert.Contains(detail, await DetailAsync(response));
        // Without a token it is still the 401 every API path gives.
        var anonymous = await App.ApiClientFor(null, language).SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    /// <summary>Review34b: HEAD of a list or a record was a 404 problem (MapGet maps GET only); it answers as GET without a body.</summary>
    [Theory]
    [InlineData("/api/v1/people?limit=1")]
    [InlineData("/api/v1/courses")]
    public async Task HEAD_answers_as_GET(string path)
    {
        var secret = await App.IssueAsync("city.officer", ApiClient.City);
        var client = App.ApiClientFor(secret);

        var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));
        var get = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal(get.StatusCode, head.StatusCode);
        Assert.Equal(get.Content.Headers.ContentType?.MediaType, head.Content.Headers.ContentType?.MediaType);
        var missing = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/api/v1/people/999999"));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_lists_only_GET_operations()
    {
        var document = await App.NewClient().GetStringAsync("/openapi/v1.json");
        var paths = JsonDocument.Parse(document).RootElement.GetProperty("paths");
        Assert.All(paths.EnumerateObject(), p => Assert.Equal(["get"], p.Value.EnumerateObject().Select(o => o.Name).Where(n => n != "parameters")));
    }

    private static async Task<string> DetailAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString() ?? "";

    [Fact]
    public async Task The_list_and_the_audit_show_the_expiry_date_chosen_not_the_next_midnight()
    {
        var officer = await App.LoginAsync("city.officer");
        var name = "expiry " + Guid.NewGuid().ToString("N")[..6];
        var day = ShanghaiDays.Today().AddDays(30);
        var chosen = day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(HttpStatusCode.OK, (await officer.PostFormAsync("/Admin/ApiTokens?handler=Create", new()
        {
            ["Input.Name"] = name, ["Input.OwnerUserName"] = "anji.officer", ["Input.RegionCode"] = ApiClient.Anji,
            ["Input.Resources"] = "people", ["Input.ExpiresOn"] = chosen,
        }, "/Admin/ApiTokens")).StatusCode);
        var token = await App.QueryAsync(db => db.ApiTokens.AsNoTracking().SingleAsync(t => t.Name == name));

        var zh = await officer.GetStringAsync("/Admin/ApiTokens");
        await officer.GetAsync("/Culture?culture=en&returnUrl=%2F");
        var en = await officer.GetStringAsync("/Admin/ApiTokens");

        Assert.Equal(day, token.LastDay);
        Assert.Equal(day.AddDays(1), DateOnly.FromDateTime(token.ExpiresAt.ToShanghai().DateTime)); // stored as the exclusive end
        Assert.Matches($"data-token=\"{token.Id}\"[\\s\\S]*?data-expires=\"{chosen}\">{day.Year}年{day.Month}月{day.Day}日</td>", zh);
        Assert.Matches($"data-token=\"{token.Id}\"[\\s\\S]*?data-expires=\"{chosen}\">{day.ToString("d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture)}</td>", en);
        var changes = await App.QueryAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == ApiTokens.AuditType && a.EntityId == token.Id.ToString()).Select(a => a.Changes).SingleAsync());
        Assert.Contains($"\"ExpiresOn\":[null,\"{chosen}\"]", changes);
    }

    [GeneratedRegex("data-secret>([^<]+)<")]
    private static partial Regex SecretPattern();
}
