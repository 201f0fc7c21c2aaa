using Microsoft.EntityFrameworkCore;
using TalentHub.IntegrationTests.Pages.Training.Courses;
using TalentHub.Web.Domain.Training;

namespace TalentHub.IntegrationTests.Pages.Training.My;

public sealed class MyEnrollmentsTests(TalentHubFactory app) : AppTest(app)
{
    private const string Farmer = "13800000011";

    [Fact]
    public async Task Farmer_SeesTheirEnrollment_AndCancelsIt()
    {
        var (personId, village) = await App.FarmerPersonAsync(Farmer);
        var course = await App.CreateOpenCourseAsync(village);
        Assert.True((await App.EnrollAsync(course, personId)).Enrolled);
        var title = await App.QueryAsync(db => db.Courses.Where(c => c.Id == course).Select(c => c.Title).FirstAsync());
        var enrollment = (await App.EnrollmentOfAsync(course, personId))!;
        var client = await App.LoginAsync(Farmer);

        var html = await client.GetStringAsync("/My/Enrollments");
        var response = await client.PostFormAsync("/My/Enrollments?handler=Cancel",
            new() { ["enrollmentId"] = enrollment.Id.ToString() }, formPage: "/My/Enrollments");
        var after = await client.GetStringAsync("/My/Enrollments");

        Assert.Contains(title, html);
        Assert.Contains($"data-enrollment=\"{enrollment.Id}\"", html);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(EnrollmentStatus.Cancelled, (await App.EnrollmentOfAsync(course, personId))!.Status);
        var history = after[after.IndexOf("id=\"my-enrollments-history\"", StringComparison.Ordinal)..];
        Assert.Contains(title, history);
    }

    [Fact]
    public async Task Farmer_OnTheWaitlist_SeesTheirPosition()
    {
        var (personId, village) = await App.FarmerPersonAsync(Farmer);
        var course = await App.CreateOpenCourseAsync(village, capacity: 1);
        await App.EnrollAsync(course, (await App.CreatePersonAsync(village)).Id);
        await App.EnrollAsync(course, (await App.CreatePersonAsync(village)).Id);
        await App.EnrollAsync(course, personId);
        var enrollment = (await App.EnrollmentOfAsync(course, personId))!;
        var client = await App.LoginAsync(Farmer);

        var html = await client.GetStringAsync("/My/Enrollments");

        var card = html[html.IndexOf($"data-enrollment=\"{enrollment.Id}\"", StringComparison.Ordinal)..];
        Assert.Contains("data-waitlist-position=\"2\"", card[..card.IndexOf("</article>", StringComparison.Ordinal)]);
    }

    [Fact]
    public async Task Farmer_CannotCancelSomeoneElsesEnrollment()
    {
        var course = await App.CreateOpenCourseAsync();
        var other = await App.CreatePersonAsync();
        await App.EnrollAsync(course, other.Id);
        var enrollment = (await App.EnrollmentOfAsync(course, other.Id))!;
        var client = await App.LoginAsync(Farmer);

        var response = await client.PostFormAsync("/My/Enrollments?handler=Cancel",
            new() { ["enrollmentId"] = enrollment.Id.ToString() }, formPage: "/My/Enrollments");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(EnrollmentStatus.Confirmed, (await App.EnrollmentOfAsync(course, other.Id))!.Status);
    }

    [Fact]
    public async Task Staff_AreNotFarmers()
    {
        var client = await App.LoginAsync("anji.clerk");

        var response = await client.GetAsync("/My/Enrollments");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("AccessDenied", response.Headers.Location!.ToString());
    }
}
