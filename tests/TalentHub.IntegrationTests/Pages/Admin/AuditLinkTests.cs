using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Data;
using TalentHub.Web.Domain.Training;

namespace TalentHub.IntegrationTests.Pages.Admin;

/// <summary>Issue 10 item 8: every audit record links to a page — parts of a record to their owner's page.</summary>
public sealed class AuditLinkTests(TalentHubFactory app) : AppTest(app)
{
    [Fact]
    public async Task APlace_AnAttendanceMark_AndAStaffAccount_LinkToTheRoster_TheRollCall_AndTheAccount()
    {
        var course = await App.InProgressCourseAsync(pastSessions: 1);
        var trainee = (await App.TraineesAsync(course.Id, 1))[0];
        var enrollment = await App.EnrollmentIdAsync(course.Id, trainee.PersonId);
        await App.MarkAsync(course.Id, course.SessionIds[0], new Dictionary<int, AttendanceMark> { [enrollment] = AttendanceMark.Present });
        var mark = await App.QueryAsync(db => db.Attendance.Where(a => a.EnrollmentId == enrollment).Select(a => a.Id).SingleAsync());
        var clerk = await App.QueryAsync(db => db.Users.Where(u => u.UserName == "anji.clerk").Select(u => u.Id).SingleAsync());
        await App.QueryAsync(db =>
        {
            db.AuditEntries.Add(new AuditEntry { At = DateTimeOffset.UtcNow, UserName = "test", Action = AuditAction.Update, EntityType = "User", EntityId = clerk });
            return db.SaveChangesAsync();
        });
        var admin = await App.LoginAsync("admin");

        var place = await admin.GetStringAsync($"/Admin/Audit?Type=Enrollment&Id={enrollment}");
        var roll = await admin.GetStringAsync($"/Admin/Audit?Type=AttendanceRecord&Id={mark}");
        var account = await admin.GetStringAsync($"/Admin/Audit?Type=User&Id={clerk}");

        Assert.Contains($"href=\"/Courses/{course.Id}/Roster\">#{enrollment}<", place);
        Assert.Contains($"href=\"/Courses/{course.Id}/Sessions/{course.SessionIds[0]}/Attendance\">#{mark}<", roll);
        Assert.Contains($"href=\"/Admin/Users/Edit/{clerk}\">#{clerk}<", account);
    }
}
