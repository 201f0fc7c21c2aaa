using System.Text.Json;

namespace TalentHub.IntegrationTests.Api;

/// <summary>Malformed query values and ids on the outcome endpoints: a 4xx problem, never a 500 or a plain-text body.</summary>
public sealed class ApiHostileInputTests(TalentHubFactory app) : AppTest(app)
{
    [Theory]
    [InlineData("/api/v1/attendance?limit=abc")]
    [InlineData("/api/v1/attendance?limit=0")]
    [InlineData("/api/v1/attendance?limit=99999999999")]
    [InlineData("/api/v1/attendance?cursor=%00%FF")]
    [InlineData("/api/v1/attendance?cursor=aWQ6LTE")]
    [InlineData("/api/v1/attendance?mark=Bogus")]
    [InlineData("/api/v1/attendance?courseId=x")]
    [InlineData("/api/v1/attendance?updatedSince=yesterday")]
    [InlineData("/api/v1/certificates?cursor=!!!")]
    [InlineData("/api/v1/certificates?updatedSince=9999-99-99")]
    [InlineData("/api/v1/followups?limit=-1")]
    [InlineData("/api/v1/followups?state=Nope")]
    [InlineData("/api/v1/followups?months=x")]
    [InlineData("/api/v1/indicators?year=x")]
    [InlineData("/api/v1/indicators?year=1")]
    [InlineData("/api/v1/indicators?year=99999")]
    [InlineData("/api/v1/indicators?month=13")]
    [InlineData("/api/v1/indicators?month=0")]
    [InlineData("/api/v1/indicators/330502000000")]
    [InlineData("/api/v1/indicators/..%2F..")]
    [InlineData("/api/v1/attendance/2147483648")]
    [InlineData("/api/v1/certificates/-1")]
    // List filters (review: a value naming nothing must never give an unfiltered list; the pages mark it, the API refuses)
    [InlineData("/api/v1/people?county=bogus")]
    [InlineData("/api/v1/people?township=3305")]
    [InlineData("/api/v1/people?category=Nope")]
    [InlineData("/api/v1/people?education=99")]
    [InlineData("/api/v1/entities?status=Nope")]
    [InlineData("/api/v1/entities?county=330502000000")]
    [InlineData("/api/v1/courses?program=99999999999")]
    [InlineData("/api/v1/courses?program=123456789")]
    [InlineData("/api/v1/courses?topic=Nope")]
    [InlineData("/api/v1/courses?from=2026-13-45")]
    [InlineData("/api/v1/enrollments?status=Nope")]
    [InlineData("/api/v1/followups?county=330502000000")]
    public async Task Bad_input_gets_a_client_error_problem(string url)
    {
        var client = App.ApiClientFor(await App.IssueAsync("anji.officer", ApiClient.Anji));
        var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode is >= 400 and < 500, $"{url}: {(int)response.StatusCode} {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        JsonDocument.Parse(body);
    }

    [Theory]
    [InlineData("en", "education is not one of the values")]
    [InlineData("zh-CN", "education 的取值不在允许范围内")]
    public async Task An_enum_filter_given_a_number_it_does_not_define_is_a_400_naming_the_parameter(string language, string detail)
    {
        var client = App.ApiClientFor(await App.IssueAsync("anji.officer", ApiClient.Anji), language);

        var response = await client.GetAsync("/api/v1/people?education=99");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(detail, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString());
    }

    /// <summary>
    /// Review10: a value minimal-API binding refuses (an unknown enum name, letters for a number, a malformed date or
    /// instant, a repeated key) got the generic 400 text; every such problem names the parameter and what it takes, in
    /// the request's language, on every endpoint and for every kind of query parameter.
    /// </summary>
    [Theory]
    [InlineData("people?category=x", "category is not one of the values")]
    [InlineData("people?education=Phd", "education is not one of the values")]
    [InlineData("people/stream?category=x", "category is not one of the values")]
    [InlineData("people?limit=abc", "limit must be a whole number")]
    [InlineData("people?limit=1&limit=2", "limit was given more than once")]
    [InlineData("people?updatedSince=yesterday", "updatedSince must be an ISO-8601 instant")]
    [InlineData("people/stream?updatedSince=yesterday", "updatedSince must be an ISO-8601 instant")]
    [InlineData("entities?type=x", "type is not one of the values")]
    [InlineData("entities?status=x", "status is not one of the values")]
    [InlineData("entities?rating=x", "rating is not one of the values")]
    [InlineData("courses?status=x", "status is not one of the values")]
    [InlineData("courses?topic=x", "topic is not one of the values")]
    [InlineData("courses?program=abc", "program must be a whole number")]
    [InlineData("courses?program=99999999999", "program must be a whole number")]
    [InlineData("courses?from=2026-13-45", "from must be a date")]
    [InlineData("courses?to=tomorrow", "to must be a date")]
    [InlineData("enrollments?status=x", "status is not one of the values")]
    [InlineData("enrollments?courseId=x", "courseId must be a whole number")]
    [InlineData("enrollments?personId=x", "personId must be a whole number")]
    [InlineData("attendance?mark=x", "mark is not one of the values")]
    [InlineData("attendance?sessionId=x", "sessionId must be a whole number")]
    [InlineData("certificates?year=x", "year must be a whole number")]
    [InlineData("certificates?revoked=maybe", "revoked must be true or false")]
    [InlineData("certificates?courseId=1.5", "courseId must be a whole number")]
    [InlineData("followups?state=x", "state is not one of the values")]
    [InlineData("followups?months=x", "months must be a whole number")]
    [InlineData("followups?months=7", "months is not one of the values")] // review37b: an empty page, as if nothing were due
    [InlineData("followups?months=-1&state=All", "months is not one of the values")]
    [InlineData("indicators?year=x", "year must be a whole number")]
    [InlineData("indicators?month=x", "month must be a whole number")]
    [InlineData("programs?year=x", "year must be a whole number")]
    [InlineData("programs?cursor=a&limit=x", "limit must be a whole number")]
    public async Task A_value_that_does_not_bind_is_a_400_naming_the_parameter(string url, string detail)
    {
        var client = App.ApiClientFor(await App.IssueAsync("city.officer", ApiClient.City));

        var response = await client.GetAsync("/api/v1/" + url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(detail, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("people?category=x", "category 的取值不在允许范围内")]
    [InlineData("courses?from=x", "from 须为 yyyy-MM-dd 格式的日期")]
    [InlineData("attendance?limit=x", "limit 须为半角数字的整数")]
    [InlineData("certificates?updatedSince=x", "updatedSince 须为带时区偏移的 ISO-8601 时间")]
    public async Task The_parameter_is_named_in_Chinese_for_a_Chinese_client(string url, string detail)
    {
        var client = App.ApiClientFor(await App.IssueAsync("city.officer", ApiClient.City), "zh-CN");

        var response = await client.GetAsync("/api/v1/" + url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(detail, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString());
    }

    /// <summary>
    /// Review37b: a repeated key was refused only when binding failed on it: <c>limit=&amp;limit=1</c> listed, and a repeated
    /// text filter was joined with a comma (<c>q=a&amp;q=b</c> searched "a,b"). Any key of the endpoint given twice is a 400 naming it.
    /// </summary>
    [Theory]
    [InlineData("people?limit=&limit=1", "limit")]
    [InlineData("people?q=%E8%A6%83&q=%E4%BC%9F", "q")]
    [InlineData("people/stream?industry=a&industry=b", "industry")]
    [InlineData("entities?q=x&Q=y", "q")]
    [InlineData("courses?county=330523000000&county=", "county")]
    [InlineData("certificates?number=TH-2026-330523-00001&number=TH-2026-330523-00002", "number")]
    [InlineData("followups?cursor=&cursor=aWQ6MQ", "cursor")]
    [InlineData("indicators?county=330523000000&county=330523000000", "county")]
    public async Task Any_key_given_twice_is_a_400_naming_it(string url, string name)
    {
        var client = App.ApiClientFor(await App.IssueAsync("city.officer", ApiClient.City));

        var response = await client.GetAsync("/api/v1/" + url);
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{url}: {(int)response.StatusCode} {body[..Math.Min(200, body.Length)]}");
        Assert.Contains($"{name} was given more than once", JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString());
    }

    /// <summary>
    /// Review37b: a limit out of range and a cursor this API never gave both got "check the limit, the cursor and the filter
    /// values"; the problem names the one that is wrong, in the client's language.
    /// </summary>
    [Theory]
    [InlineData("people?limit=0", "en", "limit must be a whole number from 1 to 500")]
    [InlineData("attendance?limit=501", "en", "limit must be a whole number from 1 to 500")]
    [InlineData("indicators?limit=-3", "zh-CN", "limit 须为 1 至 500 之间的整数")]
    [InlineData("people?cursor=zzz", "en", "cursor must be the nextCursor of a previous page")]
    [InlineData("courses?limit=5&cursor=aWQ6LTE", "en", "cursor must be the nextCursor of a previous page")]
    [InlineData("indicators?cursor=aWQ6MQ", "zh-CN", "cursor 须为本列表上一页返回的 nextCursor")]
    public async Task A_bad_limit_or_cursor_is_named(string url, string language, string detail)
    {
        var client = App.ApiClientFor(await App.IssueAsync("city.officer", ApiClient.City), language);

        var response = await client.GetAsync("/api/v1/" + url);
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{url}: {(int)response.StatusCode} {body[..Math.Min(200, body.Length)]}");
        Assert.Contains(detail, JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString());
    }

    /// <summary>
    /// Review37b: the streams took <c>limit</c> and <c>cursor</c> (documented as paging them) and ignored both, so
    /// <c>/people/stream?limit=10</c> sent every person, in full and audited as such for a reveal token. A stream given either
    /// is a 400 naming the list to page instead, and writes no audit row; without them it streams as before.
    /// </summary>
    [Theory]
    [InlineData("people/stream?limit=10", "en", "use /api/v1/people with limit and cursor")]
    [InlineData("people/stream?cursor=aWQ6MTA", "zh-CN", "请使用 /api/v1/people 并传 limit 和 cursor")]
    [InlineData("enrollments/stream?limit=1&status=Confirmed", "en", "use /api/v1/enrollments with limit and cursor")]
    public async Task A_stream_given_limit_or_cursor_is_a_400_and_reveals_nothing(string url, string language, string detail)
    {
        var client = App.ApiClientFor(await App.IssueAsync("anji.officer", ApiClient.Anji, reveal: true), language);
        var audited = await App.AuditCountAsync(TalentHub.Web.Data.AuditAction.Reveal, "Person");

        var response = await client.GetAsync("/api/v1/" + url);
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{url}: {(int)response.StatusCode} {body[..Math.Min(200, body.Length)]}");
        Assert.Contains(detail, JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString());
        Assert.Equal(audited, await App.AuditCountAsync(TalentHub.Web.Data.AuditAction.Reveal, "Person"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/" + url.Split('?')[0] + "?updatedSince=2026-01-01T00:00:00Z")).StatusCode);
    }

    /// <summary>
    /// Review37b: <c>?cursor=</c> (a client passing the null nextCursor when there was no previous page) was a 400 "check the
    /// cursor", while every other empty parameter counts as not given; it is the first page.
    /// </summary>
    [Theory]
    [InlineData("people")]
    [InlineData("entities")]
    [InlineData("courses")]
    [InlineData("enrollments")]
    [InlineData("attendance")]
    [InlineData("certificates")]
    [InlineData("followups")]
    [InlineData("programs")]
    [InlineData("indicators")]
    public async Task An_empty_cursor_is_the_first_page(string resource)
    {
        var client = App.ApiClientFor(await App.IssueAsync("city.officer", ApiClient.City));

        var first = await client.GetStringAsync($"/api/v1/{resource}?limit=2");
        var response = await client.GetAsync($"/api/v1/{resource}?cursor=&limit=2");

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{resource}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal(Ids(first), Ids(await response.Content.ReadAsStringAsync()));
        static string Ids(string page) => string.Join(",", JsonDocument.Parse(page).RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").ToString()));
    }

    /// <summary>
    /// Review37b: an instant without offset was read in the server's time zone, so <c>2026-11-01T00:00:00</c> meant Shanghai
    /// midnight to the client and 08:00 Shanghai to a UTC server, and an incremental sync silently skipped eight hours of changes.
    /// It is a 400 naming the parameter; with an offset or Z it lists.
    /// </summary>
    [Theory]
    [InlineData("people?updatedSince=2026-11-01T00:00:00")]
    [InlineData("people/stream?updatedSince=2026-11-01")]
    [InlineData("certificates?updatedSince=2026-11-01T08:00")]
    [InlineData("enrollments/stream?updatedSince=2026-11-01%2000:00:00")]
    [InlineData("indicators?updatedSince=2026-11-01T00:00:00.000")]
    public async Task An_instant_without_an_offset_is_a_400_naming_the_parameter(string url)
    {
        var client = App.ApiClientFor(await App.IssueAsync("city.officer", ApiClient.City));

        var response = await client.GetAsync("/api/v1/" + url);
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{url}: {(int)response.StatusCode} {body[..Math.Min(200, body.Length)]}");
        Assert.Contains("updatedSince must be an ISO-8601 instant with offset", JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString());
        foreach (var since in new[] { "2026-11-01T00:00:00%2B08:00", "2026-11-01T00:00:00Z", "2026-11-01T00:00:00-05:00" })
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/{url.Split('?')[0]}?updatedSince={since}")).StatusCode);
    }

    /// <summary>
    /// Review37b: a date filter at the edge of the calendar (<c>to=9999-12-31</c>) reached the course filter's day arithmetic
    /// and answered 500 with the HTML error page; a date outside 1900–2199 is a 400 naming the parameter, as the pages refuse it.
    /// </summary>
    [Theory]
    [InlineData("courses?to=9999-12-31", "en", "to must be a date between the years 1900 and 2199")]
    [InlineData("courses?from=0001-01-01", "en", "from must be a date between the years 1900 and 2199")]
    [InlineData("courses?from=2026-01-01&to=2200-01-01", "zh-CN", "to 须为 1900 年至 2199 年之间的日期")]
    public async Task A_date_filter_outside_the_accepted_years_is_a_400_naming_the_parameter(string url, string language, string detail)
    {
        var client = App.ApiClientFor(await App.IssueAsync("city.officer", ApiClient.City), language);

        var response = await client.GetAsync("/api/v1/" + url);
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{url}: {(int)response.StatusCode} {body[..Math.Min(200, body.Length)]}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(detail, JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/courses?from=1900-01-01&to=2199-12-31")).StatusCode);
    }

    /// <summary>
    /// Review11: an enum filter given twice or as a comma list binds without error (enum parsing ORs the names), so
    /// <c>category=ReturningEntrepreneur&amp;category=HighQualityFarmer</c> answered 200 with the ProfessionalManager people;
    /// it is a 400 naming the parameter, and a single name still lists.
    /// </summary>
    [Theory]
    [InlineData("people?category=ReturningEntrepreneur&category=HighQualityFarmer", "category was given more than once")]
    [InlineData("people?category=ReturningEntrepreneur,HighQualityFarmer", "category is not one of the values")]
    [InlineData("people/stream?category=ReturningEntrepreneur&category=HighQualityFarmer", "category was given more than once")]
    [InlineData("people?Category=LocalTalent&category=LocalTalent", "category was given more than once")]
    [InlineData("courses?status=Published&status=Draft", "status was given more than once")]
    [InlineData("entities?status=Approved,Returned", "status is not one of the values")]
    [InlineData("followups?state=Open&state=Open", "state was given more than once")]
    public async Task An_enum_filter_given_twice_or_as_a_list_is_a_400_naming_the_parameter(string url, string detail)
    {
        var client = App.ApiClientFor(await App.IssueAsync("city.officer", ApiClient.City));

        var response = await client.GetAsync("/api/v1/" + url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(detail, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/people?category=ProfessionalManager")).StatusCode);
    }
}
