using Microsoft.EntityFrameworkCore;
using TalentHub.IntegrationTests.Api;
using TalentHub.Web.Data;
using TalentHub.Web.Domain.Notifications;
using TalentHub.Web.Domain.Training;
using TalentHub.Web.Services.Notifications;
using TalentHub.Web.Services.Training;

namespace TalentHub.IntegrationTests.Pages.Training.Courses.Outcomes;

/// <summary>reissue33: an officer reissues (补发) a certificate they revoked, through the Outcomes page's forms.</summary>
public sealed class CertificateReissueTests(TalentHubFactory app) : AppTest(app)
{
    [Fact]
    public async Task OfficerRevokesThenReissues_ANewNumberIsValid_TheOldStaysRevoked_AndEveryViewShowsTheNewOne()
    {
        var (course, farmer, enrollment, oldNumber) = await CertifiedAsync();
        var officer = await App.LoginAsync("anji.officer");
        var url = $"/Courses/{course.Id}/Outcomes";
        var oldId = await IdOfAsync(oldNumber);
        Assert.Equal(HttpStatusCode.Redirect, (await RevokeAsync(officer, url, oldId)).StatusCode);
        Assert.Contains($"data-reissue=\"{oldId}\"", await officer.GetStringAsync(url));

        var reissued = await officer.PostFormAsync(url + "?handler=Reissue", new() { ["certificateId"] = oldId.ToString() }, url);

        Assert.Equal(HttpStatusCode.Redirect, reissued.StatusCode);
        var rows = await App.QueryAsync(db => db.Certificates.Where(c => c.EnrollmentId == enrollment).OrderBy(c => c.Id).ToListAsync());
        Assert.Equal(2, rows.Count);
        var (old, fresh) = (rows[0], rows[1]);
        Assert.True(old.IsRevoked);
        Assert.False(fresh.IsRevoked);
        Assert.Equal(oldId, fresh.ReissueOfId);
        Assert.NotEqual(oldNumber, fresh.Number);
        Assert.Matches(@"^TH-\d{4}-330523-\d{5}$", fresh.Number);
        Assert.Equal((old.Year, old.Hours, old.CompletedAt), (fresh.Year, fresh.Hours, fresh.CompletedAt));
        Assert.True(fresh.IssuedAt > old.IssuedAt);
        Assert.Equal(fresh.Serial, await App.QueryAsync(db => db.CertificateCounters
            .Where(c => c.CountyCode == fresh.CountyCode && c.Year == fresh.Year).Select(c => c.LastSerial).SingleAsync()));
        // The flash names both numbers; the row now shows the new certificate, with no reissue button.
        var page = await officer.GetStringAsync(reissued.Headers.Location!.OriginalString);
        Assert.Contains($"已为撤销的证书 {oldNumber} 补发新证书 {fresh.Number}", page);
        Assert.Contains($"data-certificate=\"{fresh.Number}\"", page);
        Assert.DoesNotContain($"data-certificate=\"{oldNumber}\"", page);
        Assert.Contains($"data-reissue-of=\"{oldNumber}\"", page);
        Assert.DoesNotContain("data-reissue=", page);
        // Verification: the old number still says revoked, the new one valid.
        var anonymous = App.NewClient();
        var oldVerify = await anonymous.GetStringAsync($"/Verify/{oldNumber}");
        var freshVerify = await anonymous.GetStringAsync($"/Verify/{fresh.Number}");
        Assert.Contains("id=\"verify-revoked\"", oldVerify);
        Assert.Contains("id=\"verify-valid\"", freshVerify);
        // fix35c: the revoked number's page said only "revoked"; a holder of the old paper (or a checker) is pointed to the
        // replacement's own verification, by number only (the name stays masked as before).
        Assert.Contains($"已补发新证书，新证书编号： <a href=\"/Verify/{fresh.Number}\"", oldVerify);
        Assert.Contains($"A replacement certificate has been issued; its number: <a href=\"/Verify/{fresh.Number}\"",
            await anonymous.GetStringAsync($"/Verify/{oldNumber}?culture=en"));
        Assert.DoesNotContain("verify-replaced", freshVerify);
        Assert.DoesNotContain(await App.QueryAsync(db => db.People.Where(p => p.Id == farmer.PersonId).Select(p => p.Name).FirstAsync()), oldVerify);
        // The export, the person's story and the trainee's own pages.
        var csv = ExportFiles.Csv(await officer.GetByteArrayAsync(url + "?handler=Export&format=csv"));
        Assert.Equal(fresh.Number, Assert.Single(csv.Skip(1))[5]);
        var person = await officer.GetStringAsync($"/People/{farmer.PersonId}");
        Assert.Contains($"data-certificate=\"{fresh.Number}\"", person);
        Assert.DoesNotContain($"data-certificate=\"{oldNumber}\"", person);
        var mine = await App.LoginAsync(farmer);
        var list = await mine.GetStringAsync("/My/Certificates");
        Assert.Contains(fresh.Number, list);
        Assert.Contains(oldNumber, list);
        Assert.Equal(HttpStatusCode.OK, (await mine.GetAsync($"/My/Certificates/{fresh.Id}")).StatusCode);
        // fix35c: the trainee's revoked certificate points to the one reissued for it.
        Assert.Contains($"<a href=\"/My/Certificates/{fresh.Id}\"", await mine.GetStringAsync($"/My/Certificates/{old.Id}"));
        var enrollments = await mine.GetStringAsync("/My/Enrollments");
        Assert.Contains($"/My/Certificates/{fresh.Id}\"", enrollments);
        Assert.DoesNotContain($"/My/Certificates/{old.Id}\"", enrollments);
        // The API lists both, the valid one as not revoked.
        var api = App.ApiClientFor(await App.IssueAsync("anji.officer", ApiClient.Anji));
        var valid = await api.JsonAsync($"/api/v1/certificates?courseId={course.Id}&revoked=false");
        var validRow = Assert.Single(valid.GetProperty("items").EnumerateArray());
        Assert.Equal(fresh.Id, validRow.GetProperty("id").GetInt32());
        Assert.Equal(oldId, validRow.GetProperty("reissueOfId").GetInt32());
        Assert.Equal(2, (await api.JsonAsync($"/api/v1/certificates?courseId={course.Id}")).GetProperty("items").GetArrayLength());
        // Audited (the insert by the officer) and the trainee is told the new number.
        Assert.True(await App.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == nameof(Certificate) && a.EntityId == fresh.Id.ToString()
            && a.Action == AuditAction.Create && a.UserName == "anji.officer")));
        var told = await App.QueryAsync(db => db.Outbox.Where(n => n.PersonId == farmer.PersonId && n.Kind == NotificationKind.CertificateReissued)
            .Select(n => n.About).SingleAsync());
        Assert.Equal(fresh.Number, told);
        // review35: once the replacement is revoked in turn (and not reissued), the old number no longer points to it as if valid.
        Assert.Equal(HttpStatusCode.Redirect, (await RevokeAsync(officer, url, fresh.Id)).StatusCode);
        Assert.DoesNotContain("verify-replaced", await anonymous.GetStringAsync($"/Verify/{oldNumber}"));
        Assert.DoesNotContain($"<a href=\"/My/Certificates/{fresh.Id}\"", await mine.GetStringAsync($"/My/Certificates/{old.Id}"));
    }

    [Fact]
    public async Task ASecondReissue_OfTheSameRevokedCertificate_IsRefusedNextToTheRow_InBothLanguages()
    {
        var (course, _, enrollment, oldNumber) = await CertifiedAsync();
        var officer = await App.LoginAsync("anji.officer");
        var url = $"/Courses/{course.Id}/Outcomes";
        var oldId = await IdOfAsync(oldNumber);
        await RevokeAsync(officer, url, oldId);
        Assert.Equal(HttpStatusCode.Redirect, (await officer.PostFormAsync(url + "?handler=Reissue", new() { ["certificateId"] = oldId.ToString() }, url)).StatusCode);

        var again = await officer.PostFormAsync(url + "?handler=Reissue", new() { ["certificateId"] = oldId.ToString() }, url);
        var english = await officer.PostFormAsync(url + "?handler=Reissue&culture=en", new() { ["certificateId"] = oldId.ToString() }, url + "?culture=en");

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var html = await again.Content.ReadAsStringAsync();
        Assert.Contains("id=\"reissue-error\"", html);
        Assert.Contains("该证书已补发过", html);
        Assert.Contains("already been reissued", await english.Content.ReadAsStringAsync());
        Assert.Equal(1, await App.QueryAsync(db => db.Certificates.CountAsync(c => c.EnrollmentId == enrollment && c.RevokedAt == null)));
        Assert.Equal(2, await App.QueryAsync(db => db.Certificates.CountAsync(c => c.EnrollmentId == enrollment)));
    }

    [Fact]
    public async Task ARevokeFromAStalePage_AfterAnotherOfficerRevokedAndReissued_IsRefusedOnTheTraineesRow_InBothLanguages()
    {
        var (course, _, enrollment, number) = await CertifiedAsync();
        var url = $"/Courses/{course.Id}/Outcomes";
        var id = await IdOfAsync(number);
        var officer = await App.LoginAsync("anji.officer");
        // The officer's page still offers to revoke the first certificate...
        Assert.Contains($"name=\"certificateId\" value=\"{id}\"", await officer.GetStringAsync(url));
        // ...while another officer revokes it and reissues it.
        var rival = await App.LoginAsync("city.officer");
        await RevokeAsync(rival, url, id);
        Assert.Equal(HttpStatusCode.Redirect, (await rival.PostFormAsync(url + "?handler=Reissue", new() { ["certificateId"] = id.ToString() }, url)).StatusCode);

        var late = await officer.PostFormAsync(url + "?handler=Revoke", new() { ["certificateId"] = id.ToString(), ["RevokeReason"] = "迟到的撤销" }, url);
        var english = await officer.PostFormAsync(url + "?handler=Revoke&culture=en",
            new() { ["certificateId"] = id.ToString(), ["RevokeReason"] = "late" }, url + "?culture=en");

        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        var html = await late.Content.ReadAsStringAsync();
        Assert.Contains("id=\"revoke-error\"", html);
        Assert.Contains($"证书 {number} 已被撤销", html);
        Assert.Contains($"Certificate {number} had already been revoked", await english.Content.ReadAsStringAsync());
        // Nothing changed: the first revocation's reason stands and the reissued certificate stays valid.
        Assert.Equal("吊销测试", await App.QueryAsync(db => db.Certificates.Where(c => c.Id == id).Select(c => c.RevokedReason).SingleAsync()));
        Assert.Equal(1, await App.QueryAsync(db => db.Certificates.CountAsync(c => c.EnrollmentId == enrollment && c.RevokedAt == null)));
    }

    [Fact]
    public async Task AValidCertificate_IsNotReissued_AnotherCounty_Gets404_AndAClerk_IsForbidden()
    {
        var (course, _, enrollment, number) = await CertifiedAsync();
        var url = $"/Courses/{course.Id}/Outcomes";
        var id = await IdOfAsync(number);
        var officer = await App.LoginAsync("anji.officer");

        var valid = await officer.PostFormAsync(url + "?handler=Reissue", new() { ["certificateId"] = id.ToString() }, url);
        Assert.Contains("该证书未被撤销", await valid.Content.ReadAsStringAsync());
        await RevokeAsync(officer, url, id);

        var clerk = await App.LoginAsync("anji.clerk");
        Assert.DoesNotContain("data-reissue=", await clerk.GetStringAsync(url));
        var byClerk = await clerk.PostFormAsync(url + "?handler=Reissue", new() { ["certificateId"] = id.ToString() }, url);
        Assert.Equal(HttpStatusCode.Redirect, byClerk.StatusCode);
        Assert.StartsWith("/Identity/Account/AccessDenied", byClerk.Headers.Location!.PathAndQuery);

        var wuxing = await App.LoginAsync("wuxing.officer");
        var token = FormClient.TokenOf(await wuxing.GetStringAsync("/Courses"));
        var elsewhere = await wuxing.PostAsync(url + "?handler=Reissue", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["certificateId"] = id.ToString(), ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
        // A certificate of another course, posted to this course's page, is not found either.
        var other = await CertifiedAsync();
        var otherId = await IdOfAsync(other.Number);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.PostFormAsync(url + "?handler=Reissue", new() { ["certificateId"] = otherId.ToString() }, url)).StatusCode);
        Assert.Equal(1, await App.QueryAsync(db => db.Certificates.CountAsync(c => c.EnrollmentId == enrollment)));
    }

    [Fact]
    public async Task RevokeReissueRevokeAgain_TellsTheTraineeEachTime()
    {
        var (course, farmer, _, number) = await CertifiedAsync();
        var officer = await App.LoginAsync("anji.officer");
        var url = $"/Courses/{course.Id}/Outcomes";
        var first = await IdOfAsync(number);
        await RevokeAsync(officer, url, first);
        await officer.PostFormAsync(url + "?handler=Reissue", new() { ["certificateId"] = first.ToString() }, url);
        var second = await App.QueryAsync(db => db.Certificates.Where(c => c.ReissueOfId == first).Select(c => c.Id).SingleAsync());

        Assert.Equal(HttpStatusCode.Redirect, (await RevokeAsync(officer, url, second)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await officer.PostFormAsync(url + "?handler=Reissue", new() { ["certificateId"] = second.ToString() }, url)).StatusCode);

        var kinds = await App.QueryAsync(db => db.Outbox.Where(n => n.PersonId == farmer.PersonId
                && (n.Kind == NotificationKind.CertificateRevoked || n.Kind == NotificationKind.CertificateReissued))
            .OrderBy(n => n.Id).Select(n => n.Kind).ToListAsync());
        Assert.Equal([NotificationKind.CertificateRevoked, NotificationKind.CertificateReissued, NotificationKind.CertificateRevoked,
            NotificationKind.CertificateReissued], kinds);
        // Delivered in the reader's language, naming the new number (other tests' messages may be queued first). Both reissues'
        // messages: a dispatch batch may end between them, and the first names the certificate revoked since.
        for (var i = 0; i < 50 && await App.QueryAsync(db => db.Messages.CountAsync(m => m.PersonId == farmer.PersonId && m.Kind == NotificationKind.CertificateReissued)) < 2; i++)
            if (await App.RunAsync<OutboxDispatcher, int>(d => d.DispatchAsync()) == 0) await Task.Delay(100); // the app's own dispatch job may hold them
        var latest = await App.QueryAsync(db => db.Certificates.Where(c => c.ReissueOfId == second).Select(c => c.Number).SingleAsync());
        var messages = await (await App.LoginAsync(farmer)).GetStringAsync("/My/Messages?culture=en");
        Assert.Contains($"A new certificate {latest} has been issued to you", messages);
    }

    [Fact]
    public async Task ACorrectionAfterAReissue_RevokesAndReinstatesTheNewCertificate_NotTheOldOne()
    {
        var (course, _, enrollment, number) = await CertifiedAsync();
        var officer = await App.LoginAsync("anji.officer");
        var url = $"/Courses/{course.Id}/Outcomes";
        var first = await IdOfAsync(number);
        await RevokeAsync(officer, url, first);
        await officer.PostFormAsync(url + "?handler=Reissue", new() { ["certificateId"] = first.ToString() }, url);

        await App.MarkAsync(course.Id, course.SessionIds[0], new Dictionary<int, AttendanceMark> { [enrollment] = AttendanceMark.Absent });
        var afterAbsent = await App.QueryAsync(db => db.Certificates.Where(c => c.EnrollmentId == enrollment).OrderBy(c => c.Id)
            .Select(c => c.RevokedReason).ToListAsync());
        // The correction made the place NotCompleted: no reissue is offered.
        Assert.DoesNotContain("data-reissue=", await officer.GetStringAsync(url));
        await App.MarkAsync(course.Id, course.SessionIds[0], new Dictionary<int, AttendanceMark> { [enrollment] = AttendanceMark.Present });
        var afterPresent = await App.QueryAsync(db => db.Certificates.Where(c => c.EnrollmentId == enrollment).OrderBy(c => c.Id)
            .Select(c => c.RevokedReason).ToListAsync());

        Assert.Equal(["吊销测试", Certificate.AttendanceCorrected], afterAbsent);
        Assert.Equal(["吊销测试", null], afterPresent);
    }

    private static Task<HttpResponseMessage> RevokeAsync(HttpClient officer, string url, int certificateId) =>
        officer.PostFormAsync(url + "?handler=Revoke", new() { ["certificateId"] = certificateId.ToString(), ["RevokeReason"] = "吊销测试" }, url);

    private Task<int> IdOfAsync(string number) =>
        App.QueryAsync(db => db.Certificates.IgnoreQueryFilters([RegionFilter.Name]).Where(c => c.Number == number).Select(c => c.Id).SingleAsync());

    /// <summary>A finished Anji course with one trainee who attended, completed and was certified by the issuer.</summary>
    private async Task<(TestCourse Course, TestFarmer Farmer, int Enrollment, string Number)> CertifiedAsync()
    {
        var course = await App.FinishedCourseAsync(1);
        var farmer = (await App.TraineesAsync(course.Id, 1))[0];
        var enrollment = await App.EnrollmentIdAsync(course.Id, farmer.PersonId);
        await App.MarkAsync(course.Id, course.SessionIds[0], new Dictionary<int, AttendanceMark> { [enrollment] = AttendanceMark.Present });
        await App.CompleteAsync(course.Id);
        await App.RunAsync<CertificateService, int>(s => s.IssueDueAsync());
        var number = await App.QueryAsync(db => db.Certificates.Where(c => c.EnrollmentId == enrollment).Select(c => c.Number).SingleAsync());
        return (course, farmer, enrollment, number);
    }
}
