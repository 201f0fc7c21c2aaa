using TalentHub.IntegrationTests.Api;
using TalentHub.Web.Domain.Training;

namespace TalentHub.IntegrationTests.Postgres;

/// <summary>Review 5 leftover on PostgreSQL: a list's course or person filter outside the token's county is a 404, its own lists.</summary>
public sealed class PostgresApiIdFilterTests(PostgresFactory app) : PostgresTest(app)
{
    [PostgresFact]
    public async Task Another_countys_course_or_resident_is_404_and_a_cross_county_trainee_lists()
    {
        var anjiCourse = await App.CreateOpenCourseAsync(CourseBuilder.Yucun);
        var wuxingCourse = await App.CreateOpenCourseAsync(CourseBuilder.Zhili);
        var wuxingResident = await App.AddPersonAsync("吴兴学员 " + Guid.NewGuid().ToString("N")[..4], CourseBuilder.Zhili);
        await App.QueryAsync(db =>
        {
            db.Enrollments.Add(new Enrollment { CourseId = anjiCourse, PersonId = wuxingResident.Id, Status = EnrollmentStatus.Confirmed, EnrolledAt = DateTimeOffset.UtcNow });
            return db.SaveChangesAsync();
        });
        var stranger = await App.AddPersonAsync("吴兴居民 " + Guid.NewGuid().ToString("N")[..4], CourseBuilder.Zhili);
        var api = App.ApiClientFor(await App.IssueAsync("anji.officer", ApiClient.Anji), "zh-CN");
        var city = App.ApiClientFor(await App.IssueAsync("city.officer", ApiClient.City));

        foreach (var list in new[] { "enrollments", "enrollments/stream", "attendance", "certificates", "followups" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/{list}?courseId={wuxingCourse}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/{list}?personId={stranger.Id}")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"/api/v1/{list}?courseId={anjiCourse}")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"/api/v1/{list}?personId={wuxingResident.Id}")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await city.GetAsync($"/api/v1/{list}?courseId={wuxingCourse}")).StatusCode);
        }
        Assert.Single((await api.JsonAsync($"/api/v1/enrollments?personId={wuxingResident.Id}")).GetProperty("items").EnumerateArray());
    }
}
