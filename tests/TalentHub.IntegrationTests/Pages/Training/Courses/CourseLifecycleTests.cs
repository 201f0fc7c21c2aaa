using TalentHub.Web.Data;
using TalentHub.IntegrationTests.Pages.Training.Courses;
using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Domain.Notifications;
using TalentHub.Web.Domain.Training;
using TalentHub.Web.Infrastructure;
using static TalentHub.IntegrationTests.Pages.Training.Courses.CourseForms;

namespace TalentHub.IntegrationTests.Pages.Training.Courses;

public sealed class CourseLifecycleTests(TalentHubFactory app) : AppTest(app)
{
    [Fact]
    public async Task Clerk_CannotPublish_ButTheCountyOfficerCan()
    {
        var clerk = await App.LoginAsync("anji.clerk");
        var id = await clerk.CreateSimpleAsync(UniqueTitle("发布"));

        var page = await clerk.GetStringAsync($"/Courses/{id}");
        Assert.DoesNotContain("data-move=\"Published\"", page);
        var refused = await clerk.MoveAsync(id, CourseStatus.Published);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/Identity/Account/AccessDenied", refused.Headers.Location!.PathAndQuery);
        Assert.Equal(CourseStatus.Draft, (await App.CourseAsync(id)).Status);

        var officer = await App.LoginAsync("anji.officer");
        Assert.Contains("data-move=\"Published\"", await officer.GetStringAsync($"/Courses/{id}"));
        var published = await officer.MoveAsync(id, CourseStatus.Published);

        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        Assert.Equal($"/Courses/{id}", published.Headers.Location!.OriginalString);
        Assert.Equal(CourseStatus.Published, (await App.CourseAsync(id)).Status);
    }

    [Fact]
    public async Task PublishingWithoutSessions_ShowsTheRuleOnThePage()
    {
        var officer = await App.LoginAsync("anji.officer");
        var id = await officer.CreateAsync(Fields(UniqueTitle("无课次")));

        var response = await officer.MoveAsync(id, CourseStatus.Published);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("发布前请至少安排一次课", await response.Content.ReadAsStringAsync());
        Assert.Equal(CourseStatus.Draft, (await App.CourseAsync(id)).Status);
    }

    [Fact]
    public async Task Cancel_AsksFirst_ThenTellsEveryoneEnrolled()
    {
        var id = await App.CreateOpenCourseByFormAsync(UniqueTitle("取消"));
        var person = await App.PersonIdInCountyAsync("330523");
        var outcome = await App.EnrollAsync(id, person);
        Assert.True(outcome.Enrolled, string.Join(",", outcome.Refusals));
        var officer = await App.LoginAsync("anji.officer");

        var asked = await officer.MoveAsync(id, CourseStatus.Cancelled);
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.Contains("id=\"cancel-confirm\"", await asked.Content.ReadAsStringAsync());
        Assert.Equal(CourseStatus.EnrollmentOpen, (await App.CourseAsync(id)).Status);

        var cancelled = await officer.MoveAsync(id, CourseStatus.Cancelled, confirmed: true);

        Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);
        Assert.Equal(CourseStatus.Cancelled, (await App.CourseAsync(id)).Status);
        Assert.True(await App.QueryAsync(db => db.Outbox.AnyAsync(n =>
            n.CourseId == id && n.PersonId == person && n.Kind == NotificationKind.CourseCancelled)));
        // The place ended with the course, in the same transaction, and the seat is free.
        Assert.Equal(EnrollmentStatus.CourseCancelled, (await App.EnrollmentOfAsync(id, person))!.Status);
        Assert.Equal(0, (await App.CourseAsync(id)).ConfirmedCount);
    }

    [Fact]
    public async Task ACapacityOnlyEdit_TellsNobody_ButAMovedSessionTellsTheEnrolled()
    {
        var id = await App.CreateOpenCourseByFormAsync(UniqueTitle("扩容"), capacity: 1);
        var person = await App.PersonIdInCountyAsync("330523");
        Assert.True((await App.EnrollAsync(id, person)).Enrolled);
        var officer = await App.LoginAsync("anji.officer");
        async Task<HttpResponseMessage> EditAsync(int capacity, DateOnly day)
        {
            var course = await App.CourseAsync(id);
            var fields = Fields(course.Title, capacity: capacity, opens: Today.AddDays(-1));
            fields["Input.Version"] = course.Version.ToString();
            AddSession(fields, 0, day, "09:00", "11:30", "第1讲", course.Sessions.Single().Id);
            return await officer.PostFormAsync($"/Courses/{id}/Edit", fields);
        }
        Task<int> NoticesAsync() => App.QueryAsync(db => db.Outbox.CountAsync(n => n.CourseId == id && n.Kind == NotificationKind.CourseChanged));

        Assert.Equal(HttpStatusCode.Redirect, (await EditAsync(5, Today.AddDays(30))).StatusCode);
        Assert.Equal(0, await NoticesAsync());

        Assert.Equal(HttpStatusCode.Redirect, (await EditAsync(5, Today.AddDays(31))).StatusCode);
        Assert.Equal(1, await NoticesAsync());
    }

    [Fact]
    public async Task EditingALiveCourse_TellsTheEnrolled_AndARaisedCapacityPromotesTheWaitlist()
    {
        var id = await App.CreateOpenCourseByFormAsync(UniqueTitle("改动"), capacity: 1);
        var people = await App.QueryAsync(db => db.People.IgnoreQueryFilters([RegionFilter.Name]).Where(p => p.CountyCode == "330523000000")
            .OrderBy(p => p.Id).Select(p => p.Id).Take(2).ToListAsync());
        Assert.Equal(EnrollmentStatus.Confirmed, (await App.EnrollAsync(id, people[0])).Status);
        Assert.Equal(EnrollmentStatus.Waitlisted, (await App.EnrollAsync(id, people[1])).Status);
        var course = await App.CourseAsync(id);
        var officer = await App.LoginAsync("anji.officer");

        var fields = Fields(course.Title, capacity: 2, opens: Today.AddDays(-1));
        fields["Input.Version"] = course.Version.ToString();
        var session = course.Sessions.Single();
        AddSession(fields, 0, Today.AddDays(30), "09:00", "12:00", "延长", session.Id);
        var response = await officer.PostFormAsync($"/Courses/{id}/Edit", fields);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var notices = await App.QueryAsync(db => db.Outbox.Where(n => n.CourseId == id && n.Kind == NotificationKind.CourseChanged)
            .Select(n => n.PersonId).ToListAsync());
        Assert.Contains(people[0], notices);
        Assert.Equal(EnrollmentStatus.Confirmed, await App.QueryAsync(db => db.Enrollments
            .Where(e => e.CourseId == id && e.PersonId == people[1]).Select(e => e.Status).SingleAsync()));
        Assert.Equal(2, (await App.CourseAsync(id)).ConfirmedCount);
    }
    [Fact]
    public async Task EditingALiveCourse_RefusesANewSessionInThePast_NextToTheRow()
    {
        var id = await App.CreateOpenCourseByFormAsync(UniqueTitle("补过去"));
        var course = await App.CourseAsync(id);
        var officer = await App.LoginAsync("anji.officer");

        var fields = Fields(course.Title, opens: Today.AddDays(-1));
        fields["Input.Version"] = course.Version.ToString();
        var session = course.Sessions.Single();
        AddSession(fields, 0, DateOnly.FromDateTime(session.StartsAt.ToShanghai().DateTime), session.StartsAt.ToShanghai().ToString("HH:mm"),
            session.EndsAt.ToShanghai().ToString("HH:mm"), session.Topic, session.Id);
        AddSession(fields, 1, new DateOnly(2020, 1, 1), "09:00", "12:00", "过去");
        var response = await officer.PostFormAsync($"/Courses/{id}/Edit", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("新增或调整的课次不能早于当前时间", await response.Content.ReadAsStringAsync());
        Assert.Single((await App.CourseAsync(id)).Sessions);
    }

    [Fact]
    public async Task PublishingACourseWhollyInThePast_IsRefusedOnThePage()
    {
        var officer = await App.LoginAsync("anji.officer");
        var id = await officer.CreateAsync(Fields(UniqueTitle("往年"), opens: new DateOnly(2020, 1, 1), closes: new DateOnly(2020, 1, 10),
            sessions: (new DateOnly(2020, 1, 15), "09:00", "12:00")));

        var response = await officer.MoveAsync(id, CourseStatus.Published);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("报名已截止，请将报名截止时间改到将来后再发布", await response.Content.ReadAsStringAsync());
        Assert.Equal(CourseStatus.Draft, (await App.CourseAsync(id)).Status);
    }
}
