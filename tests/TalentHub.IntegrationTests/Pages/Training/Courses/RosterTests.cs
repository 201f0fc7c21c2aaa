using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Data;
using TalentHub.Web.Domain.Common;
using TalentHub.Web.Domain.Notifications;
using TalentHub.Web.Domain.Training;

namespace TalentHub.IntegrationTests.Pages.Training.Courses;

public sealed class RosterTests(TalentHubFactory app) : AppTest(app)
{
    private static string RosterUrl(int courseId) => $"/Courses/{courseId}/Roster";

    private static Task<HttpResponseMessage> EnrollAsync(HttpClient client, int courseId, int personId, string handler = "Enroll", string? reason = null)
    {
        var fields = new Dictionary<string, string> { ["Input.PersonId"] = personId.ToString() };
        if (reason is not null) fields["Input.OverrideReason"] = reason;
        return client.PostFormAsync($"{RosterUrl(courseId)}?handler={handler}", fields, formPage: RosterUrl(courseId));
    }

    [Fact]
    public async Task Clerk_EnrollsAPersonOnTheirBehalf_WhoIsConfirmedAndListedMasked()
    {
        var course = await App.CreateOpenCourseAsync();
        var person = await App.CreatePersonAsync();
        var client = await App.LoginAsync("anji.clerk");

        var search = await client.GetStringAsync($"{RosterUrl(course)}?Q={Uri.EscapeDataString(person.Name)}");
        var response = await EnrollAsync(client, course, person.Id);
        var roster = await client.GetStringAsync(RosterUrl(course));

        Assert.Contains($"value=\"{person.Id}\"", search);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var enrollment = await App.EnrollmentOfAsync(course, person.Id);
        Assert.Equal(EnrollmentStatus.Confirmed, enrollment!.Status);
        Assert.NotNull(enrollment.EnrolledByUserId);
        Assert.Contains(person.Name, roster);
        Assert.Contains(Masking.IdNumber(person.IdNumber), roster);
        Assert.Contains(Masking.Mobile(person.Mobile), roster);
        Assert.DoesNotContain(person.IdNumber, roster);
        Assert.DoesNotContain(person.Mobile, roster);
    }

    [Fact]
    public async Task FullCourse_WaitlistsTheNextPerson()
    {
        var course = await App.CreateOpenCourseAsync(capacity: 1);
        var first = await App.CreatePersonAsync();
        var second = await App.CreatePersonAsync();
        var client = await App.LoginAsync("anji.clerk");

        await EnrollAsync(client, course, first.Id);
        await EnrollAsync(client, course, second.Id);
        var roster = await client.GetStringAsync(RosterUrl(course));

        Assert.Equal(EnrollmentStatus.Confirmed, (await App.EnrollmentOfAsync(course, first.Id))!.Status);
        Assert.Equal(EnrollmentStatus.Waitlisted, (await App.EnrollmentOfAsync(course, second.Id))!.Status);
        var waitlist = roster[roster.IndexOf("id=\"roster-waitlist\"", StringComparison.Ordinal)..];
        Assert.Contains(second.Name, waitlist);
        Assert.DoesNotContain(first.Name, waitlist);
    }

    [Fact]
    public async Task CancellingAConfirmedPlace_PromotesTheFirstWaitlisted_AndQueuesAPromotedNotification()
    {
        var course = await App.CreateOpenCourseAsync(capacity: 1);
        var people = new[] { await App.CreatePersonAsync(), await App.CreatePersonAsync(), await App.CreatePersonAsync() };
        foreach (var p in people) await App.EnrollAsync(course, p.Id);
        var confirmed = (await App.EnrollmentOfAsync(course, people[0].Id))!;
        var client = await App.LoginAsync("anji.clerk");

        var response = await client.PostFormAsync($"{RosterUrl(course)}?handler=Cancel",
            new() { ["enrollmentId"] = confirmed.Id.ToString() }, formPage: RosterUrl(course));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(EnrollmentStatus.Cancelled, (await App.EnrollmentOfAsync(course, people[0].Id))!.Status);
        var promoted = (await App.EnrollmentOfAsync(course, people[1].Id))!;
        Assert.Equal(EnrollmentStatus.Confirmed, promoted.Status);
        Assert.Equal(EnrollmentStatus.Waitlisted, (await App.EnrollmentOfAsync(course, people[2].Id))!.Status);
        Assert.True(await App.QueryAsync(db => db.Outbox.AnyAsync(n =>
            n.Key == $"promote:{promoted.Id}" && n.Kind == NotificationKind.Promoted && n.PersonId == people[1].Id)));
        // One audit row per action: enrolled, then cancelled; enrolled, then promoted.
        foreach (var id in new[] { confirmed.Id, promoted.Id })
        {
            var actions = await App.QueryAsync(db => db.AuditEntries.AsNoTracking()
                .Where(a => a.EntityType == nameof(Enrollment) && a.EntityId == id.ToString()).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
            Assert.Equal([TalentHub.Web.Data.AuditAction.Create, TalentHub.Web.Data.AuditAction.StatusChange], actions);
        }
    }

    [Fact]
    public async Task PersonFromAnotherCounty_IsRefusedWithTheReason_AndAnOverrideWithAReasonEnrollsAndIsAudited()
    {
        var course = await App.CreateOpenCourseAsync();
        var outsider = await App.CreatePersonAsync(CourseBuilder.Zhili);
        var client = await App.LoginAsync("city.officer");

        var refused = await EnrollAsync(client, course, outsider.Id);
        var html = await refused.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("data-refusal=\"RegionNotEligible\"", html);
        Assert.Contains("该培训班只面向指定县（市、区）的学员", html);
        Assert.Contains("id=\"roster-override\"", html);
        Assert.Null(await App.EnrollmentOfAsync(course, outsider.Id));

        var response = await EnrollAsync(client, course, outsider.Id, "Override", "村党支部推荐，县局同意跨县参训");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var enrollment = (await App.EnrollmentOfAsync(course, outsider.Id))!;
        Assert.Equal(EnrollmentStatus.Confirmed, enrollment.Status);
        Assert.Equal("村党支部推荐，县局同意跨县参训", enrollment.OverrideReason);
        var audit = await App.QueryAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == "Enrollment" && a.EntityId == enrollment.Id.ToString()).Select(a => a.Changes).ToListAsync());
        Assert.Contains(audit, c => c != null && c.Contains("RegionNotEligible") && c.Contains("县局同意"));
        Assert.Contains("村党支部推荐", await client.GetStringAsync(RosterUrl(course)));
    }

    [Fact]
    public async Task OverrideWithoutAReason_IsRefused()
    {
        var course = await App.CreateOpenCourseAsync();
        var outsider = await App.CreatePersonAsync(CourseBuilder.Zhili);
        var client = await App.LoginAsync("city.officer");

        var response = await EnrollAsync(client, course, outsider.Id, "Override", "  ");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("例外报名必须填写理由", html);
        Assert.Null(await App.EnrollmentOfAsync(course, outsider.Id));
    }

    [Fact]
    public async Task RepeatRuleRefusal_HasNoOverride()
    {
        var program = await App.CreateProgramAsync();
        var earlier = await App.CreateOpenCourseAsync(programId: program);
        var course = await App.CreateOpenCourseAsync(programId: program);
        var person = await App.CreatePersonAsync();
        Assert.True((await App.EnrollAsync(earlier, person.Id)).Enrolled);
        var client = await App.LoginAsync("anji.officer");

        var refused = await EnrollAsync(client, course, person.Id);
        var html = await refused.Content.ReadAsStringAsync();
        var forced = await EnrollAsync(client, course, person.Id, "Override", "想再学一次");

        Assert.Contains("data-refusal=\"RepeatRule\"", html);
        Assert.Contains("不得重复培训", html);
        Assert.DoesNotContain("id=\"roster-override\"", html);
        Assert.Contains("id=\"roster-no-override\"", html);
        Assert.Equal(HttpStatusCode.OK, forced.StatusCode);
        Assert.Null(await App.EnrollmentOfAsync(course, person.Id));
    }

    [Fact]
    public async Task CountyUser_AskingForAnotherCountysRoster_Gets404()
    {
        var course = await App.CreateOpenCourseAsync();
        var client = await App.LoginAsync("wuxing.officer");

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(RosterUrl(course))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Courses/{course}/Roster/Import")).StatusCode);
    }

    [Fact]
    public async Task Farmer_IsForbidden()
    {
        var course = await App.CreateOpenCourseAsync();
        var client = await App.LoginAsync("13800000004");

        var response = await client.GetAsync(RosterUrl(course));
        var denied = await client.GetAsync(response.Headers.Location!);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
    }

    [Fact]
    public async Task Trainer_ReadsTheirOwnCoursesRosterOnly_AndCannotEnroll()
    {
        var own = await App.CreateOpenCourseAsync(trainer: "trainer.wang");
        var other = await App.CreateOpenCourseAsync();
        var person = await App.CreatePersonAsync();
        await App.EnrollAsync(own, person.Id);
        var client = await App.LoginAsync("trainer.wang");

        var html = await client.GetStringAsync(RosterUrl(own));
        var enroll = await EnrollAsync(client, own, (await App.CreatePersonAsync()).Id);

        Assert.Contains(person.Name, html);
        Assert.DoesNotContain("id=\"enroll-heading\"", html);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(RosterUrl(other))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, enroll.StatusCode);
        Assert.Contains("AccessDenied", enroll.Headers.Location!.ToString());
    }
}
