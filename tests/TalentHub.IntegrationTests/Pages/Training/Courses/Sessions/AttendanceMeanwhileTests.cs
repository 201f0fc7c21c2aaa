using Microsoft.EntityFrameworkCore;
using TalentHub.IntegrationTests.Pages.Training.My;
using TalentHub.Web.Domain.Training;
using TalentHub.Web.Services.Training;

namespace TalentHub.IntegrationTests.Pages.Training.Courses.Sessions;

/// <summary>
/// rollcall33: a teacher opens the roll call (or a clerk the sign-in sheet) at 09:00; meanwhile a farmer checks in or another
/// clerk corrects a mark; the page is then saved as the browser posts it (every row's radio, tick and stamp as shown, the rows
/// the user changed changed). A mark set meanwhile is not overwritten: quietly when the row was left as shown, named in a
/// warning when the user changed that very row; the other rows are saved.
/// </summary>
public sealed class AttendanceMeanwhileTests(TalentHubFactory app) : AppTest(app)
{
    private static string Url(TestCourse c, string page = "Attendance") => $"/Courses/{c.Id}/Sessions/{c.SessionIds[^1]}/{page}";

    [Fact]
    public async Task RollCall_ACorrectionMadeMeanwhile_IsKept_WhenTheTeacherSavesWithoutTouchingThatRow()
    {
        var (course, ids) = await ClassAsync(3);
        await App.MarkAsync(course.Id, course.SessionIds[^1], ids.ToDictionary(id => id, _ => AttendanceMark.Absent));
        var teacher = await App.LoginAsync("trainer.wang");
        var roll = ShownForm.Of(await teacher.GetStringAsync(Url(course)), "roll-call");
        // Another clerk corrects the second trainee on the sign-in sheet (a sick note came in).
        var clerk = await App.LoginAsync("anji.clerk");
        var sheet = ShownForm.Of(await clerk.GetStringAsync(Url(course, "SignInSheet")), "sign-in-entry");
        Assert.Equal(HttpStatusCode.Redirect, (await sheet.Set($"Marks[{ids[1]}]", "Excused").PostAsync(clerk, Url(course, "SignInSheet"))).StatusCode);

        var response = await roll.Set($"Marks[{ids[0]}]", "Present").PostAsync(teacher, Url(course) + "?handler=Save");

        Assert.Equal("Absent", roll[$"Marks[{ids[1]}]"]); // the teacher's page did post the 09:00 mark for the untouched row
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var marks = await MarksAsync(course);
        Assert.Equal(AttendanceMark.Present, marks[ids[0]]);
        Assert.Equal(AttendanceMark.Excused, marks[ids[1]]);
        Assert.Equal(AttendanceMark.Absent, marks[ids[2]]);
        var page = await teacher.GetStringAsync(Url(course));
        Assert.Contains("考勤已保存，更新 1 条。", page);
        Assert.DoesNotContain("已被他人更新", page);
    }

    [Fact]
    public async Task RollCall_AFarmersCheckIn_IsKept_WhenTheTeacherSavesWithoutTouchingThatRow_AndWhenTheTeacherChangedIt_IsNamed()
    {
        var (course, ids, farmers) = await CheckInClassAsync(3);
        var teacher = await App.LoginAsync("trainer.wang");
        var roll = ShownForm.Of(await teacher.GetStringAsync(Url(course)), "roll-call");
        await CheckInAsync(course, farmers[0]);
        await CheckInAsync(course, farmers[1]);

        // The teacher marks the first Absent (not seeing the check-in), leaves the second, marks the third Late.
        var response = await roll.Set($"Marks[{ids[0]}]", "Absent").Set($"Marks[{ids[2]}]", "Late").PostAsync(teacher, Url(course) + "?handler=Save");

        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {html[..Math.Min(html.Length, 1000)]}");
        var marks = await SourcedMarksAsync(course);
        Assert.Equal((AttendanceMark.Late, AttendanceSource.CheckIn), marks[ids[0]]);
        Assert.Equal((AttendanceMark.Late, AttendanceSource.CheckIn), marks[ids[1]]);
        Assert.Equal((AttendanceMark.Late, AttendanceSource.RollCall), marks[ids[2]]);
        var name = await NameAsync(farmers[0].PersonId);
        Assert.Contains($"以下学员的考勤在本页打开后已被他人更新，未覆盖：{name}（现为迟到，扫码/签到码，", html);
        Assert.DoesNotContain(await NameAsync(farmers[1].PersonId) + "（现为", html);
        Assert.Contains("考勤已保存，更新 1 条。", html);
        Assert.Contains($"data-enrollment=\"{ids[0]}\" data-mark=\"Late\" class=\"table-warning\" data-kept=\"true\"", html);

        // The page shown again carries the stored marks' stamps: saving Absent from it now overwrites the check-in knowingly.
        var again = await ShownForm.Of(html, "roll-call").Set($"Marks[{ids[0]}]", "Absent").PostAsync(teacher, Url(course) + "?handler=Save");
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal((AttendanceMark.Absent, AttendanceSource.RollCall), (await SourcedMarksAsync(course))[ids[0]]);
    }

    [Fact]
    public async Task RollCall_KeptMarks_AreNamedInEnglishToo()
    {
        var (course, ids) = await ClassAsync(1);
        await App.MarkAsync(course.Id, course.SessionIds[^1], new Dictionary<int, AttendanceMark> { [ids[0]] = AttendanceMark.Absent });
        var teacher = await App.LoginAsync("trainer.wang");
        var roll = ShownForm.Of(await teacher.GetStringAsync(Url(course) + "?culture=en"), "roll-call");
        await App.MarkAsync(course.Id, course.SessionIds[^1], new Dictionary<int, AttendanceMark> { [ids[0]] = AttendanceMark.Excused });

        var response = await roll.Set($"Marks[{ids[0]}]", "Present").PostAsync(teacher, Url(course) + "?handler=Save&culture=en");

        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"Someone else changed these marks after this page was opened, so they were not overwritten: {await NameAsync(await PersonOfAsync(ids[0]))} (now Excused, Roll call, ", html);
        Assert.Equal(AttendanceMark.Excused, (await MarksAsync(course))[ids[0]]);
    }

    [Fact]
    public async Task RollCall_ANormalSave_SavesEveryChangedRow_AndAnUnreadableStampSavesNothing()
    {
        var (course, ids) = await ClassAsync(2);
        await App.MarkAsync(course.Id, course.SessionIds[^1], new Dictionary<int, AttendanceMark> { [ids[0]] = AttendanceMark.Absent });
        var clerk = await App.LoginAsync("anji.clerk");
        var html = await clerk.GetStringAsync(Url(course));

        var tampered = await ShownForm.Of(html, "roll-call").Set($"Marks[{ids[1]}]", "Late").Set($"Stamps[{ids[0]}]", "Absent@x")
            .PostAsync(clerk, Url(course) + "?handler=Save");
        Assert.Equal(HttpStatusCode.Redirect, tampered.StatusCode);
        Assert.False((await MarksAsync(course)).ContainsKey(ids[1]));
        Assert.Contains("此表单已过期或被改动，请核对后重新保存。", await clerk.GetStringAsync(Url(course)));

        var form = ShownForm.Of(html, "roll-call");
        Assert.Equal("none", form[$"Stamps[{ids[1]}]"]);
        Assert.StartsWith("Absent@", form[$"Stamps[{ids[0]}]"]);
        var response = await form.Set($"Marks[{ids[0]}]", "Present").Set($"Marks[{ids[1]}]", "Late").PostAsync(clerk, Url(course) + "?handler=Save");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var marks = await MarksAsync(course);
        Assert.Equal(AttendanceMark.Present, marks[ids[0]]);
        Assert.Equal(AttendanceMark.Late, marks[ids[1]]);
        Assert.Contains("考勤已保存，更新 2 条。", await clerk.GetStringAsync(Url(course)));
    }

    [Fact]
    public async Task AllPresent_DoesNotOverwriteACheckInMadeAfterThePageWasLoaded()
    {
        var (course, ids, farmers) = await CheckInClassAsync(2);
        var teacher = await App.LoginAsync("trainer.wang");
        var all = ShownForm.Of(await teacher.GetStringAsync(Url(course)), "all-present-form");
        await CheckInAsync(course, farmers[0]);

        var response = await all.PostAsync(teacher, Url(course) + "?handler=AllPresent");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var marks = await SourcedMarksAsync(course);
        Assert.Equal((AttendanceMark.Late, AttendanceSource.CheckIn), marks[ids[0]]);
        Assert.Equal((AttendanceMark.Present, AttendanceSource.RollCall), marks[ids[1]]);
    }

    [Fact]
    public async Task AllPresent_AMarkSetBetweenItsReadAndTheSave_IsKeptQuietly()
    {
        // The page reads the unmarked rows, then the service reads the roll again to write: a check-in in between stays.
        var (course, ids) = await ClassAsync(1);
        await App.MarkAsync(course.Id, course.SessionIds[^1], new Dictionary<int, AttendanceMark> { [ids[0]] = AttendanceMark.Late });

        var saved = await App.RunAsync<AttendanceService, MarksSaved>(s => s.SetMarksAsync(course.Id, course.SessionIds[^1],
            new Dictionary<int, AttendanceMark> { [ids[0]] = AttendanceMark.Present }, AttendanceSource.RollCall, "anji.clerk",
            new Dictionary<int, ShownRow> { [ids[0]] = new(MarkStamp.None, AttendanceMark.Present) }));

        Assert.Equal((0, 0), (saved.Changed, saved.Kept.Count));
        Assert.Equal(AttendanceMark.Late, (await MarksAsync(course))[ids[0]]);
    }

    [Fact]
    public async Task SignInSheet_AnUntickedRow_KeepsAFarmersCheckInMadeAfterTheSheetWasOpened()
    {
        var (course, ids, farmers) = await CheckInClassAsync(3);
        var clerk = await App.LoginAsync("anji.clerk");
        var sheet = ShownForm.Of(await clerk.GetStringAsync(Url(course, "SignInSheet")), "sign-in-entry");
        await CheckInAsync(course, farmers[0]);

        // The paper shows the third trainee's signature only.
        var response = await sheet.Tick("Signed", ids[2].ToString()).PostAsync(clerk, Url(course, "SignInSheet"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var marks = await SourcedMarksAsync(course);
        Assert.Equal((AttendanceMark.Late, AttendanceSource.CheckIn), marks[ids[0]]);
        Assert.Equal((AttendanceMark.Absent, AttendanceSource.SignInSheet), marks[ids[1]]);
        Assert.Equal((AttendanceMark.Present, AttendanceSource.SignInSheet), marks[ids[2]]);
    }

    [Fact]
    public async Task SignInSheet_ARowTheRollCallChangedMeanwhile_IsKept_AndNamed_WhenTheClerkChangedItToo()
    {
        var (course, ids) = await ClassAsync(2);
        await App.MarkAsync(course.Id, course.SessionIds[^1], ids.ToDictionary(id => id, _ => AttendanceMark.Absent));
        var clerk = await App.LoginAsync("anji.clerk");
        var sheet = ShownForm.Of(await clerk.GetStringAsync(Url(course, "SignInSheet")), "sign-in-entry");
        var teacher = await App.LoginAsync("trainer.wang");
        var roll = ShownForm.Of(await teacher.GetStringAsync(Url(course)), "roll-call");
        Assert.Equal(HttpStatusCode.Redirect, (await roll.Set($"Marks[{ids[0]}]", "Excused").PostAsync(teacher, Url(course) + "?handler=Save")).StatusCode);

        var response = await sheet.Tick("Signed", ids[0].ToString()).Tick("Signed", ids[1].ToString()).PostAsync(clerk, Url(course, "SignInSheet"));

        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {html[..Math.Min(html.Length, 1000)]}");
        var marks = await MarksAsync(course);
        Assert.Equal(AttendanceMark.Excused, marks[ids[0]]);
        Assert.Equal(AttendanceMark.Present, marks[ids[1]]);
        Assert.Contains("id=\"sign-in-kept\"", html);
        Assert.Contains($"{await NameAsync(await PersonOfAsync(ids[0]))}（现为请假，点名，", html);
        Assert.Contains($"data-enrollment=\"{ids[0]}\" class=\"table-warning\" data-kept=\"true\"", html);
    }

    private async Task<(TestCourse Course, List<int> Ids)> ClassAsync(int count)
    {
        var course = await App.InProgressCourseAsync();
        var ids = new List<int>();
        foreach (var t in await App.TraineesAsync(course.Id, count)) ids.Add(await App.EnrollmentIdAsync(course.Id, t.PersonId));
        return (course, ids);
    }

    /// <summary>A class whose session started 20 minutes ago (a check-in now is Late), in enrollment order.</summary>
    private async Task<(TestCourse Course, List<int> Ids, List<TestFarmer> Farmers)> CheckInClassAsync(int count)
    {
        var course = await App.InProgressCourseAsync(startedMinutesAgo: 20);
        var rows = new List<(int Id, TestFarmer Farmer)>();
        foreach (var t in await App.TraineesAsync(course.Id, count)) rows.Add((await App.EnrollmentIdAsync(course.Id, t.PersonId), t));
        rows.Sort((a, b) => a.Id.CompareTo(b.Id));
        return (course, rows.Select(r => r.Id).ToList(), rows.Select(r => r.Farmer).ToList());
    }

    /// <summary>The farmer types the session's code on the phone (PRODUCT.md §5: the check-in page).</summary>
    private async Task CheckInAsync(TestCourse course, TestFarmer farmer)
    {
        var trainer = await App.LoginAsync("trainer.wang");
        var code = CheckInTests.CodeOf(await CheckInTests.OpenCodeAsync(trainer, course.Id, course.SessionIds[^1]));
        var phone = await App.LoginAsync(farmer);
        Assert.Equal(HttpStatusCode.Redirect, (await phone.PostFormAsync("/My/CheckIn", new() { ["Code"] = code })).StatusCode);
    }

    private Task<string> NameAsync(int personId) => App.QueryAsync(db => db.People.Where(p => p.Id == personId).Select(p => p.Name).FirstAsync());

    private Task<int> PersonOfAsync(int enrollmentId) => App.QueryAsync(db => db.Enrollments.Where(e => e.Id == enrollmentId).Select(e => e.PersonId).FirstAsync());

    private Task<Dictionary<int, AttendanceMark>> MarksAsync(TestCourse course)
    {
        var sessionId = course.SessionIds[^1];
        return App.QueryAsync(db => db.Attendance.Where(a => a.SessionId == sessionId).ToDictionaryAsync(a => a.EnrollmentId, a => a.Mark));
    }

    private Task<Dictionary<int, (AttendanceMark, AttendanceSource)>> SourcedMarksAsync(TestCourse course)
    {
        var sessionId = course.SessionIds[^1];
        return App.QueryAsync(db => db.Attendance.Where(a => a.SessionId == sessionId)
            .Select(a => new { a.EnrollmentId, a.Mark, a.Source }).ToDictionaryAsync(a => a.EnrollmentId, a => (a.Mark, a.Source)));
    }
}
