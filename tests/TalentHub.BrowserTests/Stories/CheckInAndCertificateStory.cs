using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using TalentHub.BrowserTests.Support;
using TalentHub.IntegrationTests.Support;
using TalentHub.Web.Domain.Training;

namespace TalentHub.BrowserTests.Stories;

[Collection(BrowserCollection.Name)]
public sealed class CheckInAndCertificateStory(BrowserApp app)
{
    [Fact]
    public async Task Trainer_ProjectsTheCode_AndAFarmerOnAPhoneChecksInWithIt()
    {
        // The seeded Anji course has a session running now, with demo farmers 13800000009-10 on it.
        var now = DateTimeOffset.UtcNow;
        var session = await app.QueryAsync(db => db.CourseSessions.Where(s => s.StartsAt <= now && s.EndsAt > now)
            .Join(db.Courses.Where(c => c.Status == CourseStatus.InProgress && c.Title.Contains("41期")), s => s.CourseId, c => c.Id, (s, c) => new { s.Id, c.Title, CourseId = c.Id })
            .SingleAsync());
        var trainer = await app.NewPageAsync();
        await app.LoginAsync(trainer, "trainer.wang");
        await trainer.GotoAsync($"/Courses/{session.CourseId}");
        await trainer.ClickAndFollowAsync($"a[data-attendance='{session.Id}']", $"**/Courses/{session.CourseId}/Sessions/{session.Id}/Attendance");
        await trainer.ClickAndFollowAsync("#open-code", $"**/Courses/{session.CourseId}/Sessions/{session.Id}/Code");
        var code = await trainer.GetAttributeAsync("#checkin-code", "data-code");
        Assert.Matches(@"^\d{6}$", code);
        await Expect(trainer.Locator("#checkin-qr svg")).ToHaveCountAsync(1);
        await BrowserApp.ScreenshotAsync(trainer, "trainer-checkin-code");

        var phone = await app.NewPageAsync(360, 740);
        await app.LoginAsync(phone, "13800000009");
        await phone.GotoAsync("/My/CheckIn");
        await phone.FillAsync("#Code", code!);
        await phone.ClickAndFollowAsync("#checkin-submit", "**/My/Enrollments");
        Assert.Contains("签到成功", await phone.InnerTextAsync("[role=status]"));
        var width = await phone.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= 360, $"page is {width}px wide on a 360px phone");
        await BrowserApp.ScreenshotAsync(phone, "farmer-checked-in-phone");

        await trainer.GotoAsync($"/Courses/{session.CourseId}/Sessions/{session.Id}/Attendance");
        // Present within 15 minutes of the start, Late afterwards: either way the farmer's row now carries the check-in.
        await Expect(trainer.Locator("#roll tr[data-mark='Present'], #roll tr[data-mark='Late']")).ToHaveCountAsync(1);
        await trainer.Context.CloseAsync();
        await phone.Context.CloseAsync();
    }

    /// <summary>
    /// rollcall33: the trainer's roll call was open before a farmer checked in on the phone; the trainer, not seeing it, marks that
    /// farmer Absent and another trainee Present and saves. The check-in stays, the other mark is saved, and the page names the
    /// farmer on a highlighted row showing the check-in; marking Absent again from that page then overwrites it knowingly.
    /// </summary>
    [Fact]
    public async Task Trainer_SavingARollCallOpenedBeforeAFarmersCheckIn_KeepsTheCheckIn_AndSaysWhose()
    {
        var course = await app.InProgressCourseAsync(startedMinutesAgo: 20);
        var farmers = await app.TraineesAsync(course.Id, 2);
        var (late, other) = (await app.EnrollmentIdAsync(course.Id, farmers[0].PersonId), await app.EnrollmentIdAsync(course.Id, farmers[1].PersonId));
        var sessionId = course.SessionIds[^1];
        var roll = $"/Courses/{course.Id}/Sessions/{sessionId}/Attendance";
        var trainer = await app.NewPageAsync();
        await app.LoginAsync(trainer, "trainer.wang");
        await trainer.GotoAsync(roll);

        // The code goes up on the projector from a second tab; the roll call stays open as it was.
        var projector = await trainer.Context.NewPageAsync();
        await projector.GotoAsync($"/Courses/{course.Id}/Sessions/{sessionId}/Code");
        // Reading the code view changes nothing (fix36): check-in starts with the trainer's button, a post.
        await projector.ClickAndFollowAsync("#open-checkin", $"**/Courses/{course.Id}/Sessions/{sessionId}/Code");
        var code = await projector.GetAttributeAsync("#checkin-code", "data-code");
        var phone = await app.NewPageAsync(360, 740);
        await app.LoginAsync(phone, farmers[0].Mobile, OutcomesData.FarmerPassword);
        await phone.GotoAsync("/My/CheckIn");
        await phone.FillAsync("#Code", code!);
        await phone.ClickAndFollowAsync("#checkin-submit", "**/My/Enrollments");
        await phone.Context.CloseAsync();

        await trainer.ClickAsync($"label[for='mark-{late}-Absent']");
        await trainer.ClickAsync($"label[for='mark-{other}-Present']");
        await trainer.ClickAndFollowAsync("#save-roll", "**" + roll + "?handler=Save");

        var name = await app.QueryAsync(db => db.People.Where(p => p.Id == farmers[0].PersonId).Select(p => p.Name).SingleAsync());
        await Expect(trainer.Locator("#attendance-kept")).ToContainTextAsync($"{name}（现为迟到，扫码/签到码，");
        await Expect(trainer.Locator("main > div.alert-success[role=status]")).ToContainTextAsync("考勤已保存，更新 1 条。");
        await Expect(trainer.Locator($"#roll tr[data-enrollment='{late}'][data-kept='true'][data-mark='Late']")).ToHaveCountAsync(1);
        await Expect(trainer.Locator($"#roll tr[data-enrollment='{other}'][data-mark='Present']")).ToHaveCountAsync(1);
        await BrowserApp.ScreenshotAsync(trainer, "trainer-roll-call-kept-check-in");

        await trainer.ClickAsync($"label[for='mark-{late}-Absent']");
        await trainer.ClickAndFollowAsync("#save-roll", "**" + roll);
        await Expect(trainer.Locator($"#roll tr[data-enrollment='{late}'][data-mark='Absent']")).ToHaveCountAsync(1);
        await Expect(trainer.Locator("#attendance-kept")).ToHaveCountAsync(0);
        await trainer.Context.CloseAsync();
    }

    [Fact]
    public async Task AfterCompletion_TheFarmerOpensTheCertificate_AndItsQrAddressVerifiesAnonymously()
    {
        var page = await app.NewPageAsync(360, 740);
        await app.LoginAsync(page, "13800000006");
        await page.GotoAsync("/My/Certificates");
        await page.FollowAsync(() => page.ClickAsync("#certificates li a"), _ => true);
        await page.Locator("#certificate").WaitForAsync();
        var url = await page.GetAttributeAsync("#certificate-qr", "data-url");
        await Expect(page.Locator("#certificate-qr svg")).ToHaveCountAsync(1);
        await BrowserApp.ScreenshotAsync(page, "farmer-certificate-phone");
        await page.Context.CloseAsync();

        var anonymous = await app.NewPageAsync(360, 740);
        var response = await anonymous.GotoAsync(url!);
        Assert.Equal(200, response!.Status);
        Assert.Contains("此证书真实有效", await anonymous.InnerTextAsync("#verify-valid"));
        Assert.Contains("*", await anonymous.InnerTextAsync("#verify-name"));
        await BrowserApp.ScreenshotAsync(anonymous, "anonymous-verify-phone");
        await anonymous.Context.CloseAsync();
    }
}
