using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Domain.Training;
using TalentHub.Web.Services.Training;

namespace TalentHub.IntegrationTests.Pages.Training.Courses.Outcomes;

public sealed class CertificateTests(TalentHubFactory app) : AppTest(app)
{
    [Fact]
    public async Task Verify_ReadsTheNumberAsTypedIdentifiersAreRead()
    {
        // review12: th-2026-… and full-width digits answered 404 while a trailing space was accepted.
        var (_, _, number) = await CertifiedAsync();
        var fullWidth = new string(number.Select(c => char.IsAsciiDigit(c) ? (char)(c - '0' + '０') : c == '-' ? '－' : c).ToArray());
        var anonymous = App.NewClient();

        foreach (var typed in new[] { number.ToLowerInvariant(), fullWidth, " " + number + "\u200B" })
        {
            var verify = await anonymous.GetAsync($"/Verify/{Uri.EscapeDataString(typed)}");
            Assert.Equal(HttpStatusCode.OK, verify.StatusCode);
            Assert.Contains(number, await verify.Content.ReadAsStringAsync());
        }
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/Verify/" + Uri.EscapeDataString("TH-٢٠٢٧-330523-00001"))).StatusCode);
    }

    [Fact]
    public async Task Verify_WithoutANumber_OffersAFormThatLeadsToTheCertificate()
    {
        // review16: /Verify was a 404, so a stranger with a paper certificate had nowhere to type its number.
        var (_, _, number) = await CertifiedAsync();
        var anonymous = App.NewClient();

        var form = await anonymous.GetAsync("/Verify");
        var html = await form.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Contains("<form method=\"get\" action=\"/Verify\"", html);
        Assert.Contains("name=\"number\"", html);
        Assert.Contains("请输入证书上印的编号", html);

        var typed = await anonymous.GetAsync("/Verify?number=" + Uri.EscapeDataString(" " + number.ToLowerInvariant()));
        Assert.Equal(HttpStatusCode.Redirect, typed.StatusCode);
        Assert.Equal($"/Verify/{number}", typed.Headers.Location!.OriginalString);
        Assert.Contains(number, await anonymous.GetStringAsync(typed.Headers.Location!.OriginalString));

        var wrong = await (await anonymous.GetAsync("/Verify?number=12345")).Content.ReadAsStringAsync();
        Assert.Contains("id=\"verify-number-error\"", wrong);
        Assert.Contains("value=\"12345\"", wrong);
    }

    [Fact]
    public async Task CompletedTrainee_GetsACertificate_SeesIt_AndItVerifiesAnonymouslyWithAMaskedName()
    {
        var (course, farmer, number) = await CertifiedAsync();
        var client = await App.LoginAsync(farmer);
        var id = await App.QueryAsync(db => db.Certificates.Where(c => c.Number == number).Select(c => c.Id).FirstAsync());
        var name = await App.QueryAsync(db => db.People.Where(p => p.Id == farmer.PersonId).Select(p => p.Name).FirstAsync());

        var list = await client.GetStringAsync("/My/Certificates");
        var page = await client.GetStringAsync($"/My/Certificates/{id}");
        var pageEn = await client.GetStringAsync($"/My/Certificates/{id}?culture=en");
        var verify = await App.NewClient().GetAsync($"/Verify/{number}");
        var html = await verify.Content.ReadAsStringAsync();

        Assert.Matches(@"^TH-\d{4}-330523-\d{5}$", number);
        Assert.Contains(number, list);
        Assert.Contains("结业证书", page);
        Assert.Contains($"/Verify/{number}", page);
        Assert.Contains("<svg", page);
        Assert.Contains("Certificate of Completion", pageEn);
        Assert.Equal(HttpStatusCode.OK, verify.StatusCode);
        Assert.Contains(Web.Domain.Common.Masking.Name(name), html);
        Assert.DoesNotContain(name, html);
        Assert.Contains(course.Title, html);
        Assert.Contains("安吉县农业农村局", html);
        Assert.Contains("此证书真实有效", html);
    }

    [Fact]
    public async Task SomeoneElsesCertificate_IsNotFoundForAFarmer_AndUnknownNumbersAre404()
    {
        var (_, _, number) = await CertifiedAsync();
        var id = await App.QueryAsync(db => db.Certificates.Where(c => c.Number == number).Select(c => c.Id).FirstAsync());
        var other = await App.LoginAsync((await App.NewFarmersAsync(1))[0]);
        var anonymous = App.NewClient();

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/My/Certificates/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/Verify/TH-1999-330523-99999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/Verify/not-a-number")).StatusCode);
    }

    [Fact]
    public async Task OfficerRevokes_WithAReason_VerificationSaysRevokedWithTheDateButNotTheReason()
    {
        var (course, _, number) = await CertifiedAsync();
        var certificateId = await App.QueryAsync(db => db.Certificates.Where(c => c.Number == number).Select(c => c.Id).FirstAsync());
        var officer = await App.LoginAsync("anji.officer");
        var url = $"/Courses/{course.Id}/Outcomes";

        var missing = await officer.PostFormAsync(url + "?handler=Revoke", new() { ["certificateId"] = certificateId.ToString(), ["RevokeReason"] = "" }, url);
        var clerk = await App.LoginAsync("anji.clerk");
        var byClerk = await clerk.PostFormAsync(url + "?handler=Revoke", new() { ["certificateId"] = certificateId.ToString(), ["RevokeReason"] = "x" }, url);
        var wuxing = await App.LoginAsync("wuxing.officer");
        var elsewhere = await wuxing.GetAsync(url);
        var revoked = await officer.PostFormAsync(url + "?handler=Revoke", new() { ["certificateId"] = certificateId.ToString(), ["RevokeReason"] = "冒名顶替参训" }, url);
        var verify = await (await App.NewClient().GetAsync($"/Verify/{number}")).Content.ReadAsStringAsync();

        Assert.Contains("请填写撤销原因", await missing.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, byClerk.StatusCode);
        Assert.StartsWith("/Identity/Account/AccessDenied", byClerk.Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        Assert.Contains("已于", verify);
        Assert.DoesNotContain("冒名顶替", verify);
        var audit = await App.QueryAsync(db => db.AuditEntries.Where(a => a.EntityType == nameof(Certificate) && a.EntityId == certificateId.ToString()
            && a.Action == Web.Data.AuditAction.Update).Select(a => new { a.UserName, a.Changes }).SingleAsync());
        Assert.Equal("anji.officer", audit.UserName);
        Assert.Contains("RevokedReason", audit.Changes);
        // fix29a: the trainee is told, with the number.
        var told = await App.QueryAsync(db => db.Outbox.Where(n => n.Key.EndsWith(":revoked") && n.About == number).Select(n => n.Kind).SingleAsync());
        Assert.Equal(Web.Domain.Notifications.NotificationKind.CertificateRevoked, told);
    }

    /// <summary>fix16: the course's results (certificates) list had no export (PRODUCT.md §7: every list exports).</summary>
    [Fact]
    public async Task TheResults_ExportWithTheIdNumberMasked_ScopedAndAudited()
    {
        var (course, farmer, number) = await CertifiedAsync();
        var person = await App.QueryAsync(db => db.People.Where(p => p.Id == farmer.PersonId).Select(p => new { p.Name, p.IdNumber }).FirstAsync());
        var officer = await App.LoginAsync("anji.officer");
        var url = $"/Courses/{course.Id}/Outcomes?handler=Export&format=";

        var response = await officer.GetAsync(url + "csv");
        var english = ExportFiles.Xlsx(await officer.GetByteArrayAsync(url + "xlsx&culture=en"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches($@"^course-results_Anji-County_course-{course.Id}_\d{{4}}-\d{{2}}-\d{{2}}\.csv$", ExportFiles.Names(response).Ascii);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var rows = ExportFiles.Csv(bytes);
        Assert.Equal(["姓名", "身份证号", "出勤率", "成绩", "结果", "证书编号"], rows[0]);
        var row = Assert.Single(rows.Skip(1));
        Assert.Equal((person.Name, Web.Domain.Common.Masking.IdNumber(person.IdNumber), "已结业", number), (row[0], row[1], row[4], row[5]));
        Assert.DoesNotContain(person.IdNumber, System.Text.Encoding.UTF8.GetString(bytes));
        Assert.Equal(["Name", "ID number"], english[0][..2]);
        Assert.True(await App.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == Web.Data.AuditAction.Export && a.EntityType == nameof(Certificate)
            && a.UserName == "anji.officer" && a.Changes == $"format=csv; rows=1; course={course.Id}")));
        Assert.Contains($"/Courses/{course.Id}/Outcomes?handler=Export&amp;format=csv", await officer.GetStringAsync($"/Courses/{course.Id}/Outcomes"));
        Assert.Equal(HttpStatusCode.NotFound, (await (await App.LoginAsync("wuxing.officer")).GetAsync(url + "csv")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await officer.GetAsync(url + "pdf")).StatusCode);
    }

    [Fact]
    public async Task IssuingTwice_IssuesNothingTheSecondTime()
    {
        var (course, _, _) = await CertifiedAsync();
        Assert.Equal(0, await App.RunAsync<CertificateService, int>(s => s.IssueDueAsync()));
        Assert.Equal(1, await App.QueryAsync(db => db.Certificates.CountAsync(c => c.CourseId == course.Id)));
    }

    /// <summary>A finished course with one trainee who attended, completed and was certified by the issuer.</summary>
    private async Task<(TestCourse Course, TestFarmer Farmer, string Number)> CertifiedAsync()
    {
        var course = await App.FinishedCourseAsync(1);
        var farmer = (await App.TraineesAsync(course.Id, 1))[0];
        var enrollment = await App.EnrollmentIdAsync(course.Id, farmer.PersonId);
        await App.MarkAsync(course.Id, course.SessionIds[0], new Dictionary<int, AttendanceMark> { [enrollment] = AttendanceMark.Present });
        await App.CompleteAsync(course.Id);
        await App.RunAsync<CertificateService, int>(s => s.IssueDueAsync());
        var number = await App.QueryAsync(db => db.Certificates.Where(c => c.EnrollmentId == enrollment).Select(c => c.Number).SingleAsync());
        return (course, farmer, number);
    }
}

/// <summary>The app with a verification limit of 3 a minute.</summary>
public sealed class VerifyLimitFactory : TalentHubFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["TalentHub:Verify:PerMinute"] = "3",
        ["TalentHub:SeedDemoData"] = "false",
        ["Quartz:Enabled"] = "false",
    };
}

public sealed class VerifyRateLimitTests(VerifyLimitFactory app) : IClassFixture<VerifyLimitFactory>
{
    [Fact]
    public async Task Verification_BeyondTheLimit_AnswersTooManyRequests()
    {
        var client = app.NewClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++) statuses.Add((await client.GetAsync($"/Verify/TH-2027-330523-{i:D5}")).StatusCode);
        var last = await client.GetAsync("/Verify/TH-2027-330523-00009");

        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        Assert.Contains("查询过于频繁", await last.Content.ReadAsStringAsync());
        // review12: the refusal did not say when to try again.
        Assert.InRange(last.Headers.RetryAfter?.Delta?.TotalSeconds ?? -1, 1, 60);
    }
}
