using TalentHub.Web.Domain.Training;
using static TalentHub.IntegrationTests.Pages.Training.Courses.CourseForms;

namespace TalentHub.IntegrationTests.Pages.Training.Courses;

public sealed class CourseAccessTests(TalentHubFactory app) : AppTest(app)
{
    [Fact]
    public async Task CountyOfficer_GetsA404_ForAnotherCountysCourse_OnEveryPageAndPost()
    {
        var wuxing = await App.LoginAsync("wuxing.officer");
        var id = await wuxing.CreateSimpleAsync(UniqueTitle("吴兴"), region: Zhili);
        Assert.Equal("330502000000", (await App.CourseAsync(id)).CountyCode);
        var anji = await App.LoginAsync("anji.officer");

        Assert.Equal(HttpStatusCode.NotFound, (await anji.GetAsync($"/Courses/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anji.GetAsync($"/Courses/{id}/Edit")).StatusCode);
        var edit = await anji.PostFormAsync($"/Courses/{id}/Edit", Fields(UniqueTitle("越权")), formPage: "/Courses/Create");
        Assert.Equal(HttpStatusCode.NotFound, edit.StatusCode);
        var move = await anji.PostFormAsync($"/Courses/{id}?handler=Move", new() { ["to"] = "Cancelled", ["confirmed"] = "true" }, formPage: "/Courses");
        Assert.Equal(HttpStatusCode.NotFound, move.StatusCode);
        Assert.Equal(CourseStatus.Draft, (await App.CourseAsync(id)).Status);
        Assert.DoesNotContain($"href=\"/Courses/{id}\"", await anji.GetStringAsync("/Courses?Q=吴兴"));
    }

    [Fact]
    public async Task CountyClerk_CannotPlaceACourseInAnotherCounty()
    {
        var clerk = await App.LoginAsync("anji.clerk");

        var response = await clerk.PostFormAsync("/Courses/Create", Fields(UniqueTitle("跨县"), region: Zhili));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(HasFieldError(html, "Input.RegionCode", "本县（市、区）"), Errors(html));
    }

    [Fact]
    public async Task Trainer_SeesOnlyTheirOwnCourses_InTheListDetailsAndCalendar()
    {
        var clerk = await App.LoginAsync("anji.clerk");
        var mine = UniqueTitle("王老师的班");
        var other = UniqueTitle("别人的班");
        var mineId = await clerk.CreateSimpleAsync(mine, trainer: "trainer.wang");
        var otherId = await clerk.CreateSimpleAsync(other);
        var trainer = await App.LoginAsync("trainer.wang");

        var list = await trainer.GetStringAsync("/Courses");
        Assert.Contains(mine, list);
        Assert.DoesNotContain(other, list);
        // Exactly the trainer's courses (the first page, newest first) and no other row.
        var theirs = await App.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.IgnoreQueryFilters(db.Courses)
                .Where(c => c.TrainerUserName == "trainer.wang").OrderByDescending(c => c.Id).Select(c => c.Id).Take(20)));
        Assert.Equal(theirs, System.Text.RegularExpressions.Regex.Matches(list, @"<tr data-id=""(\d+)""").Select(m => int.Parse(m.Groups[1].Value)));
        Assert.Equal(HttpStatusCode.OK, (await trainer.GetAsync($"/Courses/{mineId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await trainer.GetAsync($"/Courses/{otherId}")).StatusCode);
        var month = Today.AddDays(30).ToString("yyyy-MM");
        var calendar = await trainer.GetStringAsync($"/Courses/Calendar?month={month}");
        Assert.Contains(mine, calendar);
        Assert.DoesNotContain(other, calendar);
        // Trainers read; they neither create nor edit.
        Assert.Equal(HttpStatusCode.Redirect, (await trainer.GetAsync("/Courses/Create")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await trainer.GetAsync($"/Courses/{mineId}/Edit")).StatusCode);
    }

    [Fact]
    public async Task Calendar_ListsSessionsOnTheirShanghaiDay()
    {
        var clerk = await App.LoginAsync("anji.clerk");
        var title = UniqueTitle("日历");
        var day = Today.AddDays(50);
        // 07:00 in Shanghai is 23:00 UTC the day before: the calendar must still put it on the Shanghai day.
        await clerk.CreateAsync(Fields(title, sessions: [(day, "07:00", "08:00")]));

        var html = await clerk.GetStringAsync($"/Courses/Calendar?month={day:yyyy-MM}");

        var section = html[html.IndexOf($"data-day=\"{day:yyyy-MM-dd}\"", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("</section>", StringComparison.Ordinal)];
        Assert.Contains(title, section);
        Assert.Contains("07:00–08:00", section);
    }

    [Fact]
    public async Task Farmer_IsRefusedTheStaffCourseList()
    {
        var farmer = await App.LoginAsync("13800000003");

        var response = await farmer.GetAsync("/Courses");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Identity/Account/AccessDenied", response.Headers.Location!.PathAndQuery);
    }
}
