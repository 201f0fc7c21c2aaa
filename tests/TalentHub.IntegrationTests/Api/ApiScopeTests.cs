using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Data;
using TalentHub.Web.Domain.Training;

namespace TalentHub.IntegrationTests.Api;

/// <summary>Issue 14: region scope, masking and audited reveal, paging stability, the OpenAPI document.</summary>
public sealed class ApiScopeTests(TalentHubFactory app) : AppTest(app)
{
    [Fact]
    public async Task County_token_sees_only_its_county_in_lists_filters_updatedSince_and_by_id()
    {
        var wuxingPerson = await App.AddPersonAsync("织里 " + Guid.NewGuid().ToString("N")[..4], CourseBuilder.Zhili);
        var anjiPerson = await App.AddPersonAsync("余村 " + Guid.NewGuid().ToString("N")[..4], CourseBuilder.Yucun);
        // Both a county owner and a city owner narrowed by a county token.
        foreach (var secret in new[] { await App.IssueAsync("anji.officer", ApiClient.Anji), await App.IssueAsync("city.officer", ApiClient.Anji) })
        {
            var api = App.ApiClientFor(secret);
            Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/people/{wuxingPerson.Id}")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"/api/v1/people/{anjiPerson.Id}")).StatusCode);
            var ids = await api.AllIdsAsync("/api/v1/people");
            Assert.Contains(anjiPerson.Id, ids);
            Assert.DoesNotContain(wuxingPerson.Id, ids);
            Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/people?county={ApiClient.Wuxing}")).StatusCode);
            var since = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddMinutes(-5).ToString("O"));
            var recent = await api.AllIdsAsync($"/api/v1/people?updatedSince={since}");
            Assert.Contains(anjiPerson.Id, recent);
            Assert.DoesNotContain(wuxingPerson.Id, recent);
            var counties = (await api.JsonAsync("/api/v1/entities?limit=500")).GetProperty("items").EnumerateArray()
                .Select(e => e.GetProperty("countyCode").GetString()).Distinct().ToList();
            Assert.All(counties, c => Assert.Equal(ApiClient.Anji, c));
            var wuxingCourse = await App.QueryAsync(db => db.Courses.IgnoreQueryFilters([RegionFilter.Name])
                .Where(c => c.CountyCode == ApiClient.Wuxing).Select(c => (int?)c.Id).FirstOrDefaultAsync());
            if (wuxingCourse is { } courseId)
                Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/courses/{courseId}")).StatusCode);
        }
        // The city token sees both.
        var city = App.ApiClientFor(await App.IssueAsync("city.officer", ApiClient.City));
        Assert.Equal(HttpStatusCode.OK, (await city.GetAsync($"/api/v1/people/{wuxingPerson.Id}")).StatusCode);
    }

    /// <summary>Issue 12 leftover: a list's county or township filter outside a county token's county is a 404, like another county's record.</summary>
    [Theory]
    [InlineData("people", "county", ApiClient.Wuxing)]
    [InlineData("people", "township", "330502100000")]
    [InlineData("entities", "county", ApiClient.Wuxing)]
    [InlineData("entities", "township", "330502100000")]
    [InlineData("courses", "county", ApiClient.Wuxing)]
    [InlineData("certificates", "county", ApiClient.Wuxing)]
    [InlineData("followups", "county", ApiClient.Wuxing)]
    [InlineData("indicators", "county", ApiClient.Wuxing)]
    [InlineData("people/stream", "county", ApiClient.Wuxing)]
    [InlineData("people/stream", "township", "330502100000")]
    public async Task A_list_filtered_to_another_county_is_not_found_for_a_county_token(string resource, string filter, string region)
    {
        var county = App.ApiClientFor(await App.IssueAsync("anji.officer", ApiClient.Anji));
        var city = App.ApiClientFor(await App.IssueAsync("city.officer", ApiClient.City));

        var outside = await county.GetAsync($"/api/v1/{resource}?{filter}={region}");

        Assert.Equal(HttpStatusCode.NotFound, outside.StatusCode);
        Assert.Equal("application/problem+json", outside.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, (await county.GetAsync($"/api/v1/{resource}?county={ApiClient.Anji}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await city.GetAsync($"/api/v1/{resource}?{filter}={region}")).StatusCode);
    }

    /// <summary>
    /// Review 5: a region filter that is not a 12-digit ASCII code (full-width digits from a Chinese input method, a
    /// zero-width space, a space, a short code, letters) is a clear, localized 400 for every token, never a 500, an
    /// empty page or (short township) the whole unfiltered list.
    /// </summary>
    [Theory]
    [InlineData("people", "county", "%EF%BC%93%EF%BC%93%EF%BC%90%EF%BC%95%EF%BC%92%EF%BC%93%EF%BC%90%EF%BC%90%EF%BC%90%EF%BC%90%EF%BC%90%EF%BC%90")]
    [InlineData("people", "township", "33052310100")]
    [InlineData("people/stream", "county", "330523000000%E2%80%8B")]
    [InlineData("entities", "county", "%20330523000000")]
    [InlineData("entities", "township", "3305231O1000")]
    [InlineData("courses", "county", "330523000000%00")]
    [InlineData("certificates", "county", "%E2%80%8B")]
    [InlineData("followups", "county", "330523")]
    [InlineData("indicators", "county", "abc")]
    public async Task A_malformed_region_filter_is_a_localized_bad_request_for_county_and_city_tokens(string resource, string filter, string value)
    {
        var county = App.ApiClientFor(await App.IssueAsync("anji.officer", ApiClient.Anji));
        var city = App.ApiClientFor(await App.IssueAsync("city.officer", ApiClient.City), "zh-CN");

        var fromCounty = await county.GetAsync($"/api/v1/{resource}?{filter}={value}");
        var fromCity = await city.GetAsync($"/api/v1/{resource}?{filter}={value}");

        Assert.Equal(HttpStatusCode.BadRequest, fromCounty.StatusCode);
        Assert.Equal("application/problem+json", fromCounty.Content.Headers.ContentType?.MediaType);
        Assert.Contains("12-digit region code", JsonDocument.Parse(await fromCounty.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, fromCity.StatusCode);
        Assert.Contains("12 位半角数字的行政区划代码", JsonDocument.Parse(await fromCity.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Enrollments_list_and_stream_agree_and_hold_exactly_the_rosters_of_the_county_courses()
    {
        var api = App.ApiClientFor(await App.IssueAsync("anji.officer", ApiClient.Anji, false, "enrollments", "courses"));
        var expected = await App.QueryAsync(async db =>
        {
            var courses = await db.Courses.IgnoreQueryFilters([RegionFilter.Name]).Where(c => c.CountyCode == ApiClient.Anji).Select(c => c.Id).ToListAsync();
            return await db.Enrollments.Where(e => courses.Contains(e.CourseId)).OrderBy(e => e.Id).Select(e => e.Id).ToListAsync();
        });
        var paged = await api.AllIdsAsync("/api/v1/enrollments", limit: 7);
        var streamed = JsonDocument.Parse(await api.GetStringAsync("/api/v1/enrollments/stream")).RootElement
            .EnumerateArray().Select(e => e.GetProperty("id").GetInt32()).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, paged);
        Assert.Equal(expected, streamed);
        var course = (await api.JsonAsync("/api/v1/courses?limit=1")).GetProperty("items")[0];
        Assert.Equal(ApiClient.Anji, course.GetProperty("countyCode").GetString());
        Assert.Equal(JsonValueKind.Array, course.GetProperty("sessions").ValueKind);
        Assert.False(int.TryParse(course.GetProperty("status").GetString(), out _)); // enums as names
    }

    [Fact]
    public async Task Identifiers_are_masked_unless_the_token_may_reveal_and_each_revealed_read_is_audited()
    {
        var person = await App.AddPersonAsync("揭示 " + Guid.NewGuid().ToString("N")[..4], CourseBuilder.Yucun);
        var masked = await App.ApiClientFor(await App.IssueAsync("city.officer", ApiClient.City)).JsonAsync($"/api/v1/people/{person.Id}");
        Assert.Equal(TalentHub.Web.Domain.Common.Masking.IdNumber(person.IdNumber), masked.GetProperty("idNumber").GetString());
        Assert.False(masked.GetProperty("revealed").GetBoolean());
        Assert.Equal("HighQualityFarmer", masked.GetProperty("categories")[0].GetString());

        var before = await App.AuditCountAsync(AuditAction.Reveal, "Person");
        var full = await App.ApiClientFor(await App.IssueAsync("city.officer", ApiClient.City, reveal: true)).JsonAsync($"/api/v1/people/{person.Id}");
        Assert.Equal(person.IdNumber, full.GetProperty("idNumber").GetString());
        Assert.Equal(person.Mobile, full.GetProperty("mobile").GetString());
        Assert.Equal(before + 1, await App.AuditCountAsync(AuditAction.Reveal, "Person"));
        // ISO-8601 with an offset.
        Assert.Matches(@"T\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$", full.GetProperty("updatedAt").GetString()!);
    }

    [Fact]
    public async Task People_stream_reveals_only_for_reveal_tokens_and_audits_the_request_once_with_its_count()
    {
        var tag = "流揭 " + Guid.NewGuid().ToString("N")[..6];
        var first = await App.AddPersonAsync(tag + "甲", CourseBuilder.Yucun);
        var second = await App.AddPersonAsync(tag + "乙", CourseBuilder.Yucun);
        var url = "/api/v1/people/stream?q=" + Uri.EscapeDataString(tag);
        Task<int> StreamAuditsAsync() => App.QueryAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.Reveal && a.Changes!.Contains("api=/api/v1/people/stream")));

        var before = await StreamAuditsAsync();
        var people = await App.AuditCountAsync(AuditAction.Reveal, "Person");
        var masked = JsonDocument.Parse(await App.ApiClientFor(await App.IssueAsync("city.officer", ApiClient.City)).GetStringAsync(url)).RootElement;
        Assert.Equal([first.Id, second.Id], masked.EnumerateArray().Select(p => p.GetProperty("id").GetInt32()));
        Assert.All(masked.EnumerateArray(), p => Assert.False(p.GetProperty("revealed").GetBoolean()));
        Assert.Equal(TalentHub.Web.Domain.Common.Masking.IdNumber(first.IdNumber), masked[0].GetProperty("idNumber").GetString());
        Assert.Equal(people, await App.AuditCountAsync(AuditAction.Reveal, "Person"));

        var full = JsonDocument.Parse(await App.ApiClientFor(await App.IssueAsync("city.officer", ApiClient.City, reveal: true)).GetStringAsync(url)).RootElement;
        Assert.Equal([first.IdNumber, second.IdNumber], full.EnumerateArray().Select(p => p.GetProperty("idNumber").GetString()));
        Assert.Equal(second.Mobile, full[1].GetProperty("mobile").GetString());
        Assert.Equal(before + 1, await StreamAuditsAsync());
        Assert.Equal(people + 1, await App.AuditCountAsync(AuditAction.Reveal, "Person"));
        var entry = await App.QueryAsync(db => db.AuditEntries.Where(a => a.Action == AuditAction.Reveal && a.Changes!.Contains("api=/api/v1/people/stream"))
            .OrderByDescending(a => a.Id).FirstAsync());
        Assert.Contains("rows=2", entry.Changes);
        Assert.DoesNotContain(tag, entry.Changes); // the search text may hold an identifier: it is not written down
    }

    [Fact]
    public async Task Keyset_pages_neither_repeat_nor_skip_rows_while_rows_are_inserted()
    {
        var api = App.ApiClientFor(await App.IssueAsync("city.officer", ApiClient.City));
        var before = await App.QueryAsync(db => db.Programs.Select(p => p.Id).OrderBy(i => i).ToListAsync());
        var seen = new List<int>();
        string? cursor = null;
        var inserted = new List<int>();
        do
        {
            var page = await api.JsonAsync("/api/v1/programs?limit=1" + (cursor is null ? "" : "&cursor=" + cursor));
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()));
            if (inserted.Count < 2) inserted.Add(await App.CreateProgramAsync());
            cursor = page.GetProperty("nextCursor").ValueKind == JsonValueKind.Null ? null : page.GetProperty("nextCursor").GetString();
        } while (cursor is not null);
        Assert.Equal(seen.Distinct().Count(), seen.Count);
        Assert.Equal(seen.OrderBy(i => i), seen);
        Assert.All(before, id => Assert.Contains(id, seen));
        Assert.All(inserted, id => Assert.Contains(id, seen));
    }

    [Fact]
    public async Task OpenApi_document_is_3_1_and_lists_every_route_parameter_error_and_the_bearer_scheme()
    {
        var doc = JsonDocument.Parse(await App.NewClient().GetStringAsync("/openapi/v1.json")).RootElement;
        Assert.StartsWith("3.1", doc.GetProperty("openapi").GetString());
        var paths = doc.GetProperty("paths");
        foreach (var route in new[] { "people", "entities", "programs", "courses", "enrollments", "attendance", "certificates", "followups", "indicators" })
        {
            Assert.True(paths.TryGetProperty($"/api/v1/{route}", out var list), route);
            Assert.True(paths.TryGetProperty($"/api/v1/{route}/{{id}}", out var one), route + "/{id}");
            var get = list.GetProperty("get");
            var names = get.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
            Assert.Contains("UpdatedSince", names, StringComparer.OrdinalIgnoreCase);
            Assert.Contains("Limit", names, StringComparer.OrdinalIgnoreCase);
            Assert.Contains("Cursor", names, StringComparer.OrdinalIgnoreCase);
            Assert.True(get.GetProperty("responses").TryGetProperty("401", out _));
            Assert.True(get.GetProperty("responses").TryGetProperty("429", out _));
            Assert.True(one.GetProperty("get").GetProperty("responses").TryGetProperty("404", out _));
            Assert.True(get.GetProperty("responses").TryGetProperty("400", out _));
            Assert.True(get.GetProperty("responses").TryGetProperty("403", out _));
            Assert.True(one.GetProperty("get").GetProperty("responses").GetProperty("200").TryGetProperty("content", out _), route + "/{id} 200 schema");
            Assert.True(get.GetProperty("responses").GetProperty("200").TryGetProperty("content", out _), route + " 200 schema");
        }
        // Each new list's own filters, and every new schema.
        foreach (var (route, filters) in new[] { ("attendance", new[] { "CourseId", "SessionId", "PersonId", "Mark" }),
                     ("certificates", ["County", "CourseId", "PersonId", "Year", "Revoked", "Number"]), ("followups", ["State", "Months", "Q", "County", "CourseId", "PersonId"]),
                     ("indicators", ["Year", "Month", "County"]), ("programs", ["Year"]) })
        {
            var parameters = paths.GetProperty($"/api/v1/{route}").GetProperty("get").GetProperty("parameters").EnumerateArray().ToList();
            foreach (var filter in filters)
                Assert.Contains(parameters, p => string.Equals(p.GetProperty("name").GetString(), filter, StringComparison.OrdinalIgnoreCase));
            Assert.All(parameters.Where(p => p.GetProperty("in").GetString() == "query"), p => Assert.True(p.TryGetProperty("schema", out _)));
            if (route != "programs")
            {
                Assert.All(parameters, p => Assert.False(string.IsNullOrEmpty(p.TryGetProperty("description", out var d) ? d.GetString() : null), p.GetProperty("name").GetString()));
                var id = paths.GetProperty($"/api/v1/{route}/{{id}}").GetProperty("get").GetProperty("parameters")[0];
                Assert.Equal("path", id.GetProperty("in").GetString());
                Assert.True(id.TryGetProperty("description", out _), route + " id");
            }
        }
        var schemas = doc.GetProperty("components").GetProperty("schemas");
        foreach (var schema in new[] { "AttendanceDto", "CertificateDto", "FollowUpDto", "IndicatorMonthDto", "IndicatorCellDto", "PersonRefDto", "ProgramDto" })
            Assert.True(schemas.TryGetProperty(schema, out _), schema);
        Assert.Contains("updatedAt", schemas.GetProperty("ProgramDto").GetProperty("properties").EnumerateObject().Select(p => p.Name));
        Assert.True(paths.TryGetProperty("/api/v1/people/stream", out _));
        Assert.True(paths.TryGetProperty("/api/v1/enrollments/stream", out _));
        Assert.Contains("County", doc.GetProperty("paths").GetProperty("/api/v1/people").GetProperty("get").GetProperty("parameters")
            .EnumerateArray().Select(p => p.GetProperty("name").GetString()), StringComparer.OrdinalIgnoreCase);
        Assert.Equal("bearer", doc.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer").GetProperty("scheme").GetString());
        Assert.True(doc.GetProperty("components").GetProperty("schemas").TryGetProperty("PersonDto", out _));

        // The menu links the reference page with its trailing slash (Scalar redirects the bare prefix there).
        var reference = await App.NewClient().GetAsync("/api/reference/");
        Assert.Equal(HttpStatusCode.OK, reference.StatusCode);
        var html = await reference.Content.ReadAsStringAsync();
        Assert.DoesNotContain("cdn.", html);
        // The script is served by the app itself (vendored in the package), not from a CDN.
        var script = System.Text.RegularExpressions.Regex.Match(html, "<script[^>]+src=\"([^\"]+)\"").Groups[1].Value;
        Assert.False(script.StartsWith("http", StringComparison.Ordinal), script);
        var js = await App.NewClient().GetAsync(new Uri(new Uri("http://localhost/api/reference/"), script));
        Assert.Equal(HttpStatusCode.OK, js.StatusCode);
    }
}
