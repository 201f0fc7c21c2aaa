using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Data;
using TalentHub.Web.Domain.Training;
using TalentHub.Web.Services.Training;

namespace TalentHub.IntegrationTests.Api;

/// <summary>
/// Review 5 leftover: a list's id filter (<c>courseId</c>, <c>sessionId</c>, <c>personId</c>, <c>program</c>) naming a record
/// the token cannot read, another county's or none, is a localized 404 problem like the record's own endpoint, not an
/// empty 200 page; the token's own records and a city token's filters still answer 200 with their rows.
/// </summary>
public sealed class ApiIdFilterTests(TalentHubFactory app) : AppTest(app)
{
    private const int Missing = 987_654_321;

    /// <summary>Lists (and the stream) filtered by course and person.</summary>
    private static readonly string[] Lists = ["attendance", "certificates", "followups", "enrollments", "enrollments/stream"];

    private sealed record Outcome(int CourseId, int SessionId, int PersonId);

    /// <summary>A course in <paramref name="village"/> that ended 100 days ago with one trainee marked, certified and due a follow-up.</summary>
    private async Task<Outcome> OutcomeAsync(string village)
    {
        var course = await App.FinishedCourseAsync(1, assessed: true, village: village, endedDaysAgo: 100);
        var farmer = (await App.TraineesAsync(course.Id, 1))[0];
        var enrollment = await App.EnrollmentIdAsync(course.Id, farmer.PersonId);
        await App.MarkAsync(course.Id, course.SessionIds[0], new Dictionary<int, AttendanceMark> { [enrollment] = AttendanceMark.Present });
        await App.QueryAsync(async db =>
        {
            (await db.Enrollments.FirstAsync(e => e.Id == enrollment)).SetScore(90);
            return await db.SaveChangesAsync();
        });
        await App.CompleteAsync(course.Id);
        await App.RunAsync<CertificateService, int>(s => s.IssueDueAsync());
        await App.RunAsync<FollowUpService, int>(s => s.CreateDueAsync());
        return new Outcome(course.Id, course.SessionIds[0], farmer.PersonId);
    }

    /// <summary>A person registered in <paramref name="village"/>, enrolled (confirmed) on <paramref name="courseId"/>.</summary>
    private async Task<int> TraineeFromAsync(string village, int courseId)
    {
        var person = await App.AddPersonAsync("跨县学员 " + Guid.NewGuid().ToString("N")[..4], village);
        await App.QueryAsync(db =>
        {
            db.Enrollments.Add(new Enrollment { CourseId = courseId, PersonId = person.Id, Status = EnrollmentStatus.Confirmed, EnrolledAt = DateTimeOffset.UtcNow.AddDays(-120) });
            return db.SaveChangesAsync();
        });
        return person.Id;
    }

    private static async Task AssertNotFoundAsync(HttpClient api, string url, string title)
    {
        var response = await api.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{url}: {(int)response.StatusCode}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(title, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("title").GetString());
    }

    private static async Task<int> RowsAsync(HttpClient api, string url)
    {
        var json = await api.JsonAsync(url);
        return (json.ValueKind == JsonValueKind.Array ? json : json.GetProperty("items")).GetArrayLength();
    }

    [Theory]
    [InlineData("en", "Not found")]
    [InlineData("zh-CN", "未找到")]
    public async Task A_county_token_filtering_by_another_countys_or_an_unknown_id_gets_404_and_its_own_ids_still_list(string language, string title)
    {
        var anji = await OutcomeAsync(CourseBuilder.Yucun);
        var wuxing = await OutcomeAsync(CourseBuilder.Zhili);
        var wuxingResident = await TraineeFromAsync(CourseBuilder.Zhili, wuxing.CourseId);
        // Registered in 吴兴区 but a trainee of an 安吉县 course: the Anji lists show them (as the roster does).
        var crossTrainee = await TraineeFromAsync(CourseBuilder.Zhili, anji.CourseId);
        var city = App.ApiClientFor(await App.IssueAsync("city.officer", ApiClient.City), language);
        foreach (var secret in new[] { await App.IssueAsync("anji.officer", ApiClient.Anji), await App.IssueAsync("city.officer", ApiClient.Anji) })
        {
            var api = App.ApiClientFor(secret, language);
            foreach (var list in Lists)
            {
                await AssertNotFoundAsync(api, $"/api/v1/{list}?courseId={wuxing.CourseId}", title);
                await AssertNotFoundAsync(api, $"/api/v1/{list}?personId={wuxingResident}", title);
                await AssertNotFoundAsync(api, $"/api/v1/{list}?courseId={Missing}", title);
                await AssertNotFoundAsync(api, $"/api/v1/{list}?personId={Missing}", title);
                await AssertNotFoundAsync(api, $"/api/v1/{list}?courseId={anji.CourseId}&personId={wuxingResident}", title);
                Assert.True(await RowsAsync(api, $"/api/v1/{list}?courseId={anji.CourseId}") > 0, list);
                Assert.True(await RowsAsync(api, $"/api/v1/{list}?personId={anji.PersonId}") > 0, list);
                // The city sees the other county's records through the same filters.
                Assert.True(await RowsAsync(city, $"/api/v1/{list}?courseId={wuxing.CourseId}") > 0, list);
                await AssertNotFoundAsync(city, $"/api/v1/{list}?courseId={Missing}", title);
            }
            await AssertNotFoundAsync(api, $"/api/v1/attendance?sessionId={wuxing.SessionId}", title);
            await AssertNotFoundAsync(api, $"/api/v1/attendance?sessionId={Missing}", title);
            Assert.Equal(1, await RowsAsync(api, $"/api/v1/attendance?sessionId={anji.SessionId}"));
            Assert.Equal(1, await RowsAsync(api, $"/api/v1/enrollments?personId={crossTrainee}"));
            Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"/api/v1/certificates?personId={crossTrainee}")).StatusCode);
        }
        Assert.Equal(1, await RowsAsync(city, $"/api/v1/attendance?sessionId={wuxing.SessionId}"));
        Assert.Equal(1, await RowsAsync(city, $"/api/v1/enrollments?personId={wuxingResident}"));
    }

    [Theory]
    [InlineData("en", "Not found")]
    [InlineData("zh-CN", "未找到")]
    public async Task The_course_list_filtered_by_an_unknown_program_is_404_and_by_a_known_one_lists_its_courses(string language, string title)
    {
        var program = await App.QueryAsync(db => db.Programs.Select(p => p.Id).FirstAsync());
        var api = App.ApiClientFor(await App.IssueAsync("anji.officer", ApiClient.Anji), language);

        await AssertNotFoundAsync(api, $"/api/v1/courses?program={Missing}", title);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"/api/v1/courses?program={program}")).StatusCode);
    }
}
