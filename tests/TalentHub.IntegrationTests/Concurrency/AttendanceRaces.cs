using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Data;
using TalentHub.Web.Domain.Training;

namespace TalentHub.IntegrationTests.Concurrency;

/// <summary>
/// rollcall33: a mark written between the roll call's read and its write (run on SQLite and PostgreSQL). The page's stamp check
/// passes (the mark was still as shown when the save read it); <see cref="RivalSave.ArmInline{T}"/> then writes another clerk's
/// correction just before the save's UPDATE, in its transaction (on SQLite the save holds the only write lock). MarkedAt is the
/// record's concurrency token, so the UPDATE matches no row: nothing of the save is written and the page says the marks changed
/// meanwhile (without the token the correction was silently overwritten).
/// </summary>
public static class AttendanceRaces
{
    public static async Task AMarkWrittenBetweenTheSavesReadAndWrite_FailsTheSave_NotOverwrittenAsync(TalentHubFactory app)
    {
        var course = await app.InProgressCourseAsync();
        var trainees = await app.TraineesAsync(course.Id, 2);
        var (first, second) = (await app.EnrollmentIdAsync(course.Id, trainees[0].PersonId), await app.EnrollmentIdAsync(course.Id, trainees[1].PersonId));
        var sessionId = course.SessionIds[^1];
        await app.MarkAsync(course.Id, sessionId, new Dictionary<int, AttendanceMark> { [first] = AttendanceMark.Absent });
        var url = $"/Courses/{course.Id}/Sessions/{sessionId}/Attendance";
        var teacher = await app.LoginAsync("trainer.wang");
        var roll = ShownForm.Of(await teacher.GetStringAsync(url), "roll-call");
        var audited = await AuditedAsync(app);

        app.Rival.ArmInline<AttendanceRecord>(db =>
        {
            var at = DateTimeOffset.UtcNow;
            object markedAt = db.Database.ProviderName!.Contains("Sqlite", StringComparison.Ordinal) ? at.UtcTicks : at;
            return db.Database.ExecuteSqlInterpolatedAsync($"""
                UPDATE "AttendanceRecords" SET "Mark" = 'Excused', "MarkedAt" = {markedAt}, "MarkedBy" = 'anji.officer'
                WHERE "SessionId" = {sessionId} AND "EnrollmentId" = {first}
                """);
        });
        HttpResponseMessage response;
        try
        {
            response = await roll.Set($"Marks[{first}]", "Present").Set($"Marks[{second}]", "Late").PostAsync(teacher, url + "?handler=Save");
            Assert.True(app.Rival.Ran, "the rival correction was not written before the roll call's");
        }
        finally { app.Rival.Disarm(); }

        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {html[..Math.Min(html.Length, 2000)]}");
        Assert.Contains("id=\"attendance-error\"", html);
        Assert.Contains("刚才有人同时更改了本节课的考勤，本次未保存；下表为当前记录，请核对后重试。", html);
        // Nothing of the save is written (nor audited); the rival wrote inside the loser's transaction, so it went back too.
        var marks = await app.QueryAsync(db => db.Attendance.Where(a => a.SessionId == sessionId).ToDictionaryAsync(a => a.EnrollmentId, a => a.Mark));
        Assert.Equal(AttendanceMark.Absent, marks[first]);
        Assert.False(marks.ContainsKey(second));
        Assert.Equal(audited, await AuditedAsync(app));
    }

    private static Task<int> AuditedAsync(TalentHubFactory app) =>
        app.QueryAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == nameof(AttendanceRecord)));
}
