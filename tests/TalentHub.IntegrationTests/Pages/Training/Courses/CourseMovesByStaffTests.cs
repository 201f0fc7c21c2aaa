using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Data;
using TalentHub.Web.Domain.Training;
using static TalentHub.IntegrationTests.Pages.Training.Courses.CourseForms;

namespace TalentHub.IntegrationTests.Pages.Training.Courses;

/// <summary>
/// Status moves made by hand on the course page (review29 found both faults: they fail on a40cc66).
/// </summary>
public sealed class CourseMovesByStaffTests(TalentHubFactory app) : AppTest(app)
{
    /// <summary>
    /// PRODUCT §5 Completion: "after the last session the course completes". The officer's 结业 button on a course
    /// in progress must not end it while a session is still to come (the sweep then fails every trainee at once).
    /// </summary>
    [Fact]
    public async Task CompletingACourse_WhoseLastSessionIsStillAhead_IsRefused()
    {
        var id = await App.CreateOpenCourseByFormAsync(UniqueTitle("提前结业"));
        await App.QueryAsync(db => db.Courses.IgnoreQueryFilters([RegionFilter.Name]).Where(c => c.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, CourseStatus.InProgress)));
        var officer = await App.LoginAsync("anji.officer");

        var response = await officer.MoveAsync(id, CourseStatus.Completed);

        Assert.Contains("最后一次课结束后才能结业", await response.Content.ReadAsStringAsync());
        Assert.Equal(CourseStatus.InProgress, (await App.CourseAsync(id)).Status);
    }

    /// <summary>
    /// A posted status that is no status name, or none at all (review37d: a missing value bound as Draft), is bad input: it
    /// must not move a published course back to 草稿.
    /// </summary>
    [Theory]
    [InlineData("Bogus")]
    [InlineData(null)]
    public async Task AMoveToAnUnknownStatus_LeavesThePublishedCourseAlone(string? to)
    {
        var officer = await App.LoginAsync("anji.officer");
        var id = await officer.CreateSimpleAsync(UniqueTitle("状态"));
        Assert.Equal(HttpStatusCode.Redirect, (await officer.MoveAsync(id, CourseStatus.Published)).StatusCode);

        var fields = to is null ? new Dictionary<string, string>() : new() { ["to"] = to };
        var response = await officer.PostFormAsync($"/Courses/{id}?handler=Move", fields, formPage: $"/Courses/{id}");

        Assert.Contains("当前状态不能转为该状态", await response.Content.ReadAsStringAsync());
        Assert.Equal(CourseStatus.Published, (await App.CourseAsync(id)).Status);
    }
}
