using Microsoft.EntityFrameworkCore;
using static Microsoft.Playwright.Assertions;
using TalentHub.BrowserTests.Pages.Training;
using TalentHub.BrowserTests.Support;
using TalentHub.IntegrationTests.Support;
using TalentHub.Web.Domain.Training;
using TalentHub.Web.Services.Training;

namespace TalentHub.BrowserTests.Stories;

/// <summary>reissue33: a county officer revokes a certificate by mistake and reissues it from the course's results.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CertificateReissueStory(BrowserApp app)
{
    [Fact]
    public async Task Officer_RevokesByMistake_ThenReissues_AndTheNewNumberVerifiesWhileTheOldStaysRevoked()
    {
        var course = await app.FinishedCourseAsync(1);
        var farmer = (await app.TraineesAsync(course.Id, 1))[0];
        var enrollment = await app.EnrollmentIdAsync(course.Id, farmer.PersonId);
        await app.MarkAsync(course.Id, course.SessionIds[0], new Dictionary<int, AttendanceMark> { [enrollment] = AttendanceMark.Present });
        await app.CompleteAsync(course.Id);
        await app.RunAsync<CertificateService, int>(s => s.IssueDueAsync());
        var oldNumber = await app.QueryAsync(db => db.Certificates.Where(c => c.EnrollmentId == enrollment).Select(c => c.Number).SingleAsync());

        var page = await app.NewPageAsync();
        await app.LoginAsync(page, "anji.officer");
        var outcomes = new OutcomesPage(page, course.Id);
        await outcomes.OpenAsync();
        await outcomes.RevokeAsync(enrollment, "误操作撤销");
        await Expect(outcomes.Row(enrollment).Locator(".badge.text-bg-danger")).ToHaveCountAsync(1);

        var question = await outcomes.ReissueAsync(enrollment);

        Assert.Contains(oldNumber, question);
        var newNumber = await app.QueryAsync(db => db.Certificates.Where(c => c.EnrollmentId == enrollment && c.RevokedAt == null).Select(c => c.Number).SingleAsync());
        Assert.Contains($"补发新证书 {newNumber}", await page.InnerTextAsync("[role=status]"));
        await Expect(outcomes.Row(enrollment).Locator($"[data-certificate='{newNumber}']")).ToHaveCountAsync(1);
        await Expect(outcomes.Row(enrollment).Locator("form[data-reissue]")).ToHaveCountAsync(0);
        await BrowserApp.ScreenshotAsync(page, "officer-certificate-reissued");
        await page.GotoAsync($"/Verify/{oldNumber}");
        await Expect(page.Locator("#verify-revoked")).ToHaveCountAsync(1);
        await page.GotoAsync($"/Verify/{newNumber}");
        await Expect(page.Locator("#verify-valid")).ToHaveCountAsync(1);
        await page.Context.CloseAsync();
    }
}
