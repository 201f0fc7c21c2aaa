using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Domain.Training;

namespace TalentHub.IntegrationTests.Pages.Training.Courses.Sessions;

public sealed partial class AttendanceTests(TalentHubFactory app) : AppTest(app)
{
    private static string Url(TestCourse c, string page = "Attendance") => $"/Courses/{c.Id}/Sessions/{c.SessionIds[^1]}/{page}";

    [Fact]
    public async Task RollCall_SavesMarks_AndASecondSaveKeepsTheMarksNotPosted()
    {
        var course = await App.InProgressCourseAsync();
        var trainees = await App.TraineesAsync(course.Id, 3);
        var ids = new List<int>();
        foreach (var t in trainees) ids.Add(await App.EnrollmentIdAsync(course.Id, t.PersonId));
        var clerk = await App.LoginAsync("anji.clerk");

        Assert.Contains("id=\"roll\"", await clerk.GetStringAsync(Url(course)));
        var first = await clerk.PostFormAsync(Url(course) + "?handler=Save", new()
        {
            [$"Marks[{ids[0]}]"] = "Present", [$"Marks[{ids[1]}]"] = "Late", [$"Marks[{ids[2]}]"] = "Excused",
        }, Url(course));
        var second = await clerk.PostFormAsync(Url(course) + "?handler=Save", new() { [$"Marks[{ids[1]}]"] = "Absent" }, Url(course));

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        var marks = await MarksAsync(course);
        Assert.Equal(AttendanceMark.Present, marks[ids[0]]);
        Assert.Equal(AttendanceMark.Absent, marks[ids[1]]);
        Assert.Equal(AttendanceMark.Excused, marks[ids[2]]);
        // The correction is in the audit log with who and the value before and after.
        var audit = await App.QueryAsync(db => db.AuditEntries.Where(a => a.EntityType == nameof(AttendanceRecord) && a.Action == Web.Data.AuditAction.Update)
            .OrderByDescending(a => a.Id).Select(a => new { a.UserName, a.Changes }).FirstAsync());
        Assert.Equal("anji.clerk", audit.UserName);
        Assert.Contains("[\"Late\",\"Absent\"]", audit.Changes);
    }

    [Fact]
    public async Task AllPresent_MarksOnlyTraineesWithoutAMark()
    {
        var course = await App.InProgressCourseAsync();
        var trainees = await App.TraineesAsync(course.Id, 2);
        var absent = await App.EnrollmentIdAsync(course.Id, trainees[0].PersonId);
        var other = await App.EnrollmentIdAsync(course.Id, trainees[1].PersonId);
        await App.MarkAsync(course.Id, course.SessionIds[^1], new Dictionary<int, AttendanceMark> { [absent] = AttendanceMark.Absent });
        var trainer = await App.LoginAsync("trainer.wang");

        var response = await trainer.PostFormAsync(Url(course) + "?handler=AllPresent", new(), Url(course));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var marks = await MarksAsync(course);
        Assert.Equal(AttendanceMark.Absent, marks[absent]);
        Assert.Equal(AttendanceMark.Present, marks[other]);
    }

    [Fact]
    public async Task SignInSheet_PrintsTheMaskedRoster_AndTheEntryTicksSignedRowsInOneGo()
    {
        var course = await App.InProgressCourseAsync();
        var trainees = await App.TraineesAsync(course.Id, 2);
        var signed = await App.EnrollmentIdAsync(course.Id, trainees[0].PersonId);
        var unsigned = await App.EnrollmentIdAsync(course.Id, trainees[1].PersonId);
        var clerk = await App.LoginAsync("anji.clerk");

        var sheet = await clerk.GetStringAsync(Url(course, "SignInSheet"));
        // Enrolled after the sheet was opened: the posted sheet has no row for them (review31: they were marked Absent).
        var late = await App.EnrollmentIdAsync(course.Id, (await App.TraineesAsync(course.Id, 1))[0].PersonId);
        // As the form posts it: a mark select per row ("" = as signed) and the ticked rows.
        var response = await clerk.PostFormAsync(Url(course, "SignInSheet"), new()
        {
            ["Signed"] = signed.ToString(), [$"Marks[{signed}]"] = "", [$"Marks[{unsigned}]"] = "",
        });

        Assert.Contains("签名", sheet);
        Assert.Matches(MaskedId(), sheet);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var marks = await MarksAsync(course);
        Assert.Equal(AttendanceMark.Present, marks[signed]);
        Assert.Equal(AttendanceMark.Absent, marks[unsigned]);
        Assert.False(marks.ContainsKey(late));
        Assert.Equal(AttendanceSource.SignInSheet, await App.QueryAsync(db => db.Attendance.Where(a => a.EnrollmentId == signed).Select(a => a.Source).FirstAsync()));
    }

    [Fact]
    public async Task SignInSheet_CorrectsAPresentToAbsent_AndSetsAnyMarkChosen_Audited()
    {
        // training31: an unticked row already marked Present stayed Present; the sheet could not correct it as the roll call can.
        var course = await App.InProgressCourseAsync();
        var trainees = await App.TraineesAsync(course.Id, 3);
        var ids = new List<int>();
        foreach (var t in trainees) ids.Add(await App.EnrollmentIdAsync(course.Id, t.PersonId));
        await App.MarkAsync(course.Id, course.SessionIds[^1], ids.ToDictionary(id => id, _ => AttendanceMark.Present));
        var clerk = await App.LoginAsync("anji.clerk");

        var sheet = await clerk.GetStringAsync(Url(course, "SignInSheet"));
        var response = await clerk.PostFormAsync(Url(course, "SignInSheet"), new()
        {
            ["Signed"] = ids[1].ToString(), [$"Marks[{ids[0]}]"] = "", [$"Marks[{ids[1]}]"] = "Late", [$"Marks[{ids[2]}]"] = "Excused",
        });

        Assert.Contains($"name=\"Marks[{ids[0]}]\"", sheet);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var marks = await MarksAsync(course);
        Assert.Equal(AttendanceMark.Absent, marks[ids[0]]);
        Assert.Equal(AttendanceMark.Late, marks[ids[1]]);
        Assert.Equal(AttendanceMark.Excused, marks[ids[2]]);
        var sessionId = course.SessionIds[^1];
        var recordId = (await App.QueryAsync(db => db.Attendance.Where(r => r.EnrollmentId == ids[0] && r.SessionId == sessionId).Select(r => r.Id).SingleAsync())).ToString();
        var audit = await App.QueryAsync(db => db.AuditEntries.Where(a => a.EntityType == nameof(AttendanceRecord) && a.Action == Web.Data.AuditAction.Update
            && a.EntityId == recordId).OrderByDescending(a => a.Id).Select(a => new { a.UserName, a.Changes }).FirstAsync());
        Assert.Equal("anji.clerk", audit.UserName);
        Assert.Contains("[\"Present\",\"Absent\"]", audit.Changes);
    }

    [Fact]
    public async Task SignInSheet_AnUnreadableMark_SavesNothing()
    {
        var course = await App.InProgressCourseAsync();
        var trainees = await App.TraineesAsync(course.Id, 1);
        var id = await App.EnrollmentIdAsync(course.Id, trainees[0].PersonId);
        var clerk = await App.LoginAsync("anji.clerk");

        var response = await clerk.PostFormAsync(Url(course, "SignInSheet"), new() { ["Signed"] = id.ToString(), [$"Marks[{id}]"] = "42" }, Url(course, "SignInSheet"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Empty(await MarksAsync(course));
    }

    [Fact]
    public async Task RollCall_AnUnreadableMark_SavesNothing()
    {
        // review12: "Marks[n]=42" (no such mark) was saved as Present, the enum's default.
        var course = await App.InProgressCourseAsync();
        var trainees = await App.TraineesAsync(course.Id, 2);
        var first = await App.EnrollmentIdAsync(course.Id, trainees[0].PersonId);
        var second = await App.EnrollmentIdAsync(course.Id, trainees[1].PersonId);
        var clerk = await App.LoginAsync("anji.clerk");

        var response = await clerk.PostFormAsync(Url(course) + "?handler=Save", new() { [$"Marks[{first}]"] = "42", [$"Marks[{second}]"] = "Late" }, Url(course));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Empty(await MarksAsync(course));
        Assert.Contains("有出勤情况无法识别", await clerk.GetStringAsync(Url(course)));
    }

    [Fact]
    public async Task RollCall_SavedWithNoMarkChosen_SavesNothing_AndSaysSo_NotThatAMarkCouldNotBeRead()
    {
        // review31: with no Marks[…] posted, the bound dictionary read the other fields and failed as "a mark could not be read".
        var course = await App.InProgressCourseAsync();
        var clerk = await App.LoginAsync("anji.clerk");

        var response = await clerk.PostFormAsync(Url(course) + "?handler=Save", new(), Url(course));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Empty(await MarksAsync(course));
        var page = await clerk.GetStringAsync(Url(course));
        Assert.DoesNotContain("有出勤情况无法识别", page);
        Assert.Contains("考勤已保存，更新 0 条。", page);
    }

    [Fact]
    public async Task ASessionStillToCome_TakesNoMarks_FromTheRollCallOrTheSignInSheet()
    {
        // review12: an empty sign-in sheet saved for tomorrow's session marked every trainee Absent, so the at-risk list
        // called their completion impossible (and told them).
        var course = await App.InProgressCourseAsync();
        var trainees = await App.TraineesAsync(course.Id, 2);
        var enrollment = await App.EnrollmentIdAsync(course.Id, trainees[0].PersonId);
        var sessionId = await App.QueryAsync(async db =>
        {
            var c = await db.Courses.IgnoreQueryFilters().Include(x => x.Sessions).FirstAsync(x => x.Id == course.Id);
            var start = DateTimeOffset.UtcNow.AddDays(1);
            var session = c.AddSession(start, start.AddHours(3), "明日课程", "王志明", null, DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
            return session.Id;
        });
        var clerk = await App.LoginAsync("anji.clerk");
        var page = $"/Courses/{course.Id}/Sessions/{sessionId}";

        var sheet = await clerk.PostFormAsync(page + "/SignInSheet", new(), page + "/SignInSheet");
        var roll = await clerk.PostFormAsync(page + "/Attendance?handler=Save", new() { [$"Marks[{enrollment}]"] = "Present" }, page + "/Attendance");
        var all = await clerk.PostFormAsync(page + "/Attendance?handler=AllPresent", new(), page + "/Attendance");

        Assert.All([sheet, roll, all], r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.False(await App.QueryAsync(db => db.Attendance.AnyAsync(a => a.SessionId == sessionId)));
        Assert.Contains("本节课尚未开始", await clerk.GetStringAsync(page + "/Attendance"));
    }

    [Fact]
    public async Task AnotherCountysOfficer_GetsNotFound_OnEverySessionPage_AndAFarmerIsRefused()
    {
        var course = await App.InProgressCourseAsync();
        await App.TraineesAsync(course.Id, 1);
        var wuxing = await App.LoginAsync("wuxing.officer");
        var farmer = await App.LoginAsync("13800000012");

        foreach (var page in new[] { "Attendance", "Code", "SignInSheet" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await wuxing.GetAsync(Url(course, page))).StatusCode);
            var refused = await farmer.GetAsync(Url(course, page));
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.StartsWith("/Identity/Account/AccessDenied", refused.Headers.Location!.PathAndQuery);
        }
        // A session id of another course under this course's id does not exist either.
        var other = await App.InProgressCourseAsync();
        var officer = await App.LoginAsync("anji.officer");
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync($"/Courses/{course.Id}/Sessions/{other.SessionIds[0]}/Attendance")).StatusCode);
    }

    [Fact]
    public async Task RollCall_WithoutAntiforgeryToken_IsRejected()
    {
        var course = await App.InProgressCourseAsync();
        var clerk = await App.LoginAsync("anji.clerk");
        var response = await clerk.PostAsync(Url(course) + "?handler=AllPresent", new FormUrlEncodedContent(new Dictionary<string, string>()));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private Task<Dictionary<int, AttendanceMark>> MarksAsync(TestCourse course)
    {
        var sessionId = course.SessionIds[^1];
        return App.QueryAsync(db => db.Attendance.Where(a => a.SessionId == sessionId).ToDictionaryAsync(a => a.EnrollmentId, a => a.Mark));
    }

    [GeneratedRegex(@"\d{6}\*{8}[\dX]{4}")]
    private static partial Regex MaskedId();
}
