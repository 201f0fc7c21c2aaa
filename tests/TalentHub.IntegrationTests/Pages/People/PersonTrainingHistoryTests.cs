using TalentHub.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace TalentHub.IntegrationTests.Pages.People;

public sealed class PersonTrainingHistoryTests(TalentHubFactory app) : AppTest(app)
{
    [Fact]
    public async Task PersonPage_ListsTheCoursesThePersonEnrolledIn()
    {
        var (personId, courseId, title) = await App.QueryAsync(db => db.Enrollments
            .Join(db.Courses.IgnoreQueryFilters([RegionFilter.Name]).Where(c => c.CountyCode == "330523000000"), e => e.CourseId, c => c.Id, (e, c) => new { e.PersonId, c.Id, c.Title })
            .Select(x => ValueTuple.Create(x.PersonId, x.Id, x.Title)).FirstAsync());
        var client = await App.LoginAsync("anji.officer");

        var html = await client.GetStringAsync($"/People/{personId}");

        Assert.Contains($"data-course=\"{courseId}\"", html);
        Assert.Contains(title, html);
    }
}
