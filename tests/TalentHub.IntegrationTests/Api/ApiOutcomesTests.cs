using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Data;
using TalentHub.Web.Domain.Common;
using TalentHub.Web.Domain.Training;
using TalentHub.Web.Services.Training;

namespace TalentHub.IntegrationTests.Api;

/// <summary>Issue 14 for the outcome resources: attendance, certificates and follow-ups (scope, masking and audited reveal, paging).</summary>
public sealed class ApiOutcomesTests(TalentHubFactory app) : AppTest(app)
{
    private sealed record Outcome(int CourseId, int PersonId, string IdNumber, List<int> Attendance, int Certificate, List<int> FollowUps);

    /// <summary>A course in <paramref name="village"/> that ended 100 days ago with one trainee marked, completed, certified and due a 3-month follow-up.</summary>
    private async Task<Outcome> OutcomeAsync(string village)
    {
        var course = await App.FinishedCourseAsync(2, assessed: true, village: village, endedDaysAgo: 100);
        var farmer = (await App.TraineesAsync(course.Id, 1))[0];
        var enrollment = await App.EnrollmentIdAsync(course.Id, farmer.PersonId);
        foreach (var session in course.SessionIds)
            await App.MarkAsync(course.Id, session, new Dictionary<int, AttendanceMark> { [enrollment] = AttendanceMark.Present });
        await App.QueryAsync(async db =>
        {
            (await db.Enrollments.FirstAsync(e => e.Id == enrollment)).SetScore(88);
            return await db.SaveChangesAsync();
        });
        await App.CompleteAsync(course.Id);
        await App.RunAsync<CertificateService, int>(s => s.IssueDueAsync());
        await App.RunAsync<FollowUpService, int>(s => s.CreateDueAsync());
        return await App.QueryAsync(async db => new Outcome(course.Id, farmer.PersonId,
            await db.People.IgnoreQueryFilters([RegionFilter.Name]).Where(p => p.Id == farmer.PersonId).Select(p => p.IdNumber).SingleAsync(),
            await db.Attendance.Where(a => a.CourseId == course.Id).OrderBy(a => a.Id).Select(a => a.Id).ToListAsync(),
            await db.Certificates.IgnoreQueryFilters([RegionFilter.Name]).Where(c => c.CourseId == course.Id).Select(c => c.Id).SingleAsync(),
            await db.FollowUpTasks.IgnoreQueryFilters([RegionFilter.Name]).Where(t => t.CourseId == course.Id).OrderBy(t => t.Id).Select(t => t.Id).ToListAsync()));
    }

    private static (string Resource, Func<Outcome, IReadOnlyList<int>> Ids)[] Resources =>
    [
        ("attendance", o => o.Attendance), ("certificates", o => [o.Certificate]), ("followups", o => o.FollowUps),
    ];

    [Fact]
    public async Task County_token_gets_404_for_another_countys_outcomes_and_never_sees_them_in_lists_filters_or_updatedSince()
    {
        var anji = await OutcomeAsync(CourseBuilder.Yucun);
        var wuxing = await OutcomeAsync(CourseBuilder.Zhili);
        Assert.NotEmpty(anji.FollowUps);
        Assert.NotEmpty(wuxing.FollowUps);
        var since = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddMinutes(-10).ToString("O"));
        foreach (var secret in new[] { await App.IssueAsync("anji.officer", ApiClient.Anji), await App.IssueAsync("city.officer", ApiClient.Anji) })
        {
            var api = App.ApiClientFor(secret);
            foreach (var (resource, ids) in Resources)
            {
                foreach (var id in ids(wuxing))
                {
                    var missing = await api.GetAsync($"/api/v1/{resource}/{id}");
                    Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
                    Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
                }
                foreach (var id in ids(anji)) Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"/api/v1/{resource}/{id}")).StatusCode);
                var all = await api.AllIdsAsync($"/api/v1/{resource}");
                Assert.All(ids(anji), id => Assert.Contains(id, all));
                Assert.All(ids(wuxing), id => Assert.DoesNotContain(id, all));
                // Another county's course is a 404 (review 5); the trainee is registered in this county: readable, no rows here.
                Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/{resource}?courseId={wuxing.CourseId}")).StatusCode);
                Assert.Empty(await api.AllIdsAsync($"/api/v1/{resource}?personId={wuxing.PersonId}"));
                var recent = await api.AllIdsAsync($"/api/v1/{resource}?updatedSince={since}");
                Assert.All(ids(anji), id => Assert.Contains(id, recent));
                Assert.All(ids(wuxing), id => Assert.DoesNotContain(id, recent));
            }
            Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/certificates?county={ApiClient.Wuxing}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/followups?county={ApiClient.Wuxing}")).StatusCode);
        }
        var city = App.ApiClientFor(await App.IssueAsync("city.officer", ApiClient.City));
        foreach (var (resource, ids) in Resources)
            Assert.Equal(HttpStatusCode.OK, (await city.GetAsync($"/api/v1/{resource}/{ids(wuxing)[0]}")).StatusCode);
        Assert.Equal([wuxing.Certificate], await city.AllIdsAsync($"/api/v1/certificates?county={ApiClient.Wuxing}&courseId={wuxing.CourseId}"));
        // The follow-up filters of the page: the task is open (not recorded) and due at 3 months.
        var title = Uri.EscapeDataString(await CourseTitleAsync(wuxing.CourseId));
        Assert.Equal(wuxing.FollowUps, await city.AllIdsAsync($"/api/v1/followups?state=Open&months=3&county={ApiClient.Wuxing}&q={title}"));
        Assert.Empty(await city.AllIdsAsync($"/api/v1/followups?state=Done&q={title}"));
    }

    private Task<string> CourseTitleAsync(int id) =>
        App.QueryAsync(db => db.Courses.IgnoreQueryFilters([RegionFilter.Name]).Where(c => c.Id == id).Select(c => c.Title).SingleAsync());

    [Fact]
    public async Task Outcome_rows_mask_the_trainees_identifiers_unless_the_token_may_reveal_and_each_revealed_person_is_audited()
    {
        var anji = await OutcomeAsync(CourseBuilder.Yucun);
        var masked = App.ApiClientFor(await App.IssueAsync("city.officer", ApiClient.City));
        var full = App.ApiClientFor(await App.IssueAsync("city.officer", ApiClient.City, reveal: true));
        foreach (var (resource, ids) in Resources)
        {
            var before = await App.AuditCountAsync(AuditAction.Reveal, "Person");
            var hidden = (await masked.JsonAsync($"/api/v1/{resource}/{ids(anji)[0]}")).GetProperty("person");
            Assert.Equal(Masking.IdNumber(anji.IdNumber), hidden.GetProperty("idNumber").GetString());
            Assert.Contains("****", hidden.GetProperty("mobile").GetString());
            Assert.False(hidden.GetProperty("revealed").GetBoolean());
            var listed = (await masked.JsonAsync($"/api/v1/{resource}?courseId={anji.CourseId}")).GetProperty("items");
            Assert.All(listed.EnumerateArray(), r => Assert.Equal(Masking.IdNumber(anji.IdNumber), r.GetProperty("person").GetProperty("idNumber").GetString()));
            Assert.Equal(before, await App.AuditCountAsync(AuditAction.Reveal, "Person"));

            var shown = (await full.JsonAsync($"/api/v1/{resource}/{ids(anji)[0]}")).GetProperty("person");
            Assert.Equal(anji.IdNumber, shown.GetProperty("idNumber").GetString());
            Assert.True(shown.GetProperty("revealed").GetBoolean());
            Assert.Equal(before + 1, await App.AuditCountAsync(AuditAction.Reveal, "Person"));
            // A list page audits each person shown once (the two attendance marks are one person).
            var page = (await full.JsonAsync($"/api/v1/{resource}?courseId={anji.CourseId}")).GetProperty("items");
            Assert.All(page.EnumerateArray(), r => Assert.Equal(anji.IdNumber, r.GetProperty("person").GetProperty("idNumber").GetString()));
            Assert.Equal(before + 2, await App.AuditCountAsync(AuditAction.Reveal, "Person"));
            Assert.True(await App.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditAction.Reveal
                && a.EntityId == anji.PersonId.ToString() && a.Changes!.Contains("api=/api/v1/" + resource))));
        }
    }

    [Fact]
    public async Task A_county_reveal_token_keeps_a_trainee_registered_in_another_county_masked_and_audits_nothing()
    {
        // A 吴兴区 course whose trainee is registered in 安吉县: the Wuxing token sees the record, not the person's identifiers.
        var wuxing = await OutcomeAsync(CourseBuilder.Zhili);
        var api = App.ApiClientFor(await App.IssueAsync("city.officer", ApiClient.Wuxing, reveal: true));
        var before = await App.AuditCountAsync(AuditAction.Reveal, "Person");
        foreach (var (resource, ids) in Resources)
        {
            var person = (await api.JsonAsync($"/api/v1/{resource}/{ids(wuxing)[0]}")).GetProperty("person");
            Assert.Equal(Masking.IdNumber(wuxing.IdNumber), person.GetProperty("idNumber").GetString());
            Assert.False(person.GetProperty("revealed").GetBoolean());
        }
        Assert.Equal(before, await App.AuditCountAsync(AuditAction.Reveal, "Person"));
    }

    [Fact]
    public async Task Attendance_pages_neither_repeat_nor_skip_marks_while_marks_are_inserted()
    {
        var course = await App.FinishedCourseAsync(2);
        var farmers = await App.TraineesAsync(course.Id, 3);
        var enrollments = new List<int>();
        foreach (var f in farmers) enrollments.Add(await App.EnrollmentIdAsync(course.Id, f.PersonId));
        await App.MarkAsync(course.Id, course.SessionIds[0], enrollments.ToDictionary(e => e, _ => AttendanceMark.Present));
        var api = App.ApiClientFor(await App.IssueAsync("anji.officer", ApiClient.Anji, false, "attendance"));
        var seen = new List<int>();
        string? cursor = null;
        var next = 0;
        do
        {
            var page = await api.JsonAsync($"/api/v1/attendance?courseId={course.Id}&limit=1" + (cursor is null ? "" : "&cursor=" + cursor));
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()));
            if (next < enrollments.Count)
                await App.MarkAsync(course.Id, course.SessionIds[1], new Dictionary<int, AttendanceMark> { [enrollments[next++]] = AttendanceMark.Late });
            cursor = page.GetProperty("nextCursor").ValueKind == JsonValueKind.Null ? null : page.GetProperty("nextCursor").GetString();
        } while (cursor is not null);
        var all = await App.QueryAsync(db => db.Attendance.Where(a => a.CourseId == course.Id).OrderBy(a => a.Id).Select(a => a.Id).ToListAsync());
        Assert.Equal(6, all.Count);
        Assert.Equal(all, seen);
    }

    [Fact]
    public async Task Outcome_resources_answer_with_problem_details_for_bad_paging_and_ungranted_tokens()
    {
        var api = App.ApiClientFor(await App.IssueAsync("city.officer", ApiClient.City, false, "attendance"), "zh-CN");
        var bad = await api.GetAsync("/api/v1/attendance?limit=0");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await bad.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.Equal("请求格式有误", problem.GetProperty("title").GetString());
        Assert.Equal("/api/v1/attendance", problem.GetProperty("instance").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await api.GetAsync("/api/v1/attendance?cursor=not-a-cursor")).StatusCode);
        foreach (var resource in new[] { "certificates", "followups", "indicators" })
        {
            var refused = await api.GetAsync($"/api/v1/{resource}");
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync("/api/v1/attendance/999999999")).StatusCode);
    }
}
