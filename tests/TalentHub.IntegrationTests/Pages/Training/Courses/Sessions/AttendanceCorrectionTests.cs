using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Domain.Notifications;
using TalentHub.Web.Domain.Training;
using TalentHub.Web.Services.Training;

namespace TalentHub.IntegrationTests.Pages.Training.Courses.Sessions;

/// <summary>
/// PRODUCT.md §5 Completion: a mark corrected on a Completed course (paper sheets entered after the last session)
/// re-decides the trainees it touches with the sweep's rule, through the real roll-call form.
/// </summary>
public sealed class AttendanceCorrectionTests(TalentHubFactory app) : AppTest(app)
{
    private static string Url(TestCourse c, int session) => $"/Courses/{c.Id}/Sessions/{c.SessionIds[session]}/Attendance";

    [Fact]
    public async Task AbsentSavedAfterCompletion_MakesTheTraineeNotCompleted_AndRevokesTheCertificate()
    {
        var (course, id, personId) = await DecidedAsync(AttendanceMark.Present);
        await App.RunAsync<CertificateService, int>(s => s.IssueDueAsync());
        Assert.Equal(EnrollmentStatus.Completed, await StatusAsync(id));
        var clerk = await App.LoginAsync("anji.clerk");

        var response = await clerk.PostFormAsync(Url(course, 0) + "?handler=Save", new() { [$"Marks[{id}]"] = "Absent" }, Url(course, 0));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var enrollment = await App.QueryAsync(db => db.Enrollments.FirstAsync(e => e.Id == id));
        Assert.Equal(EnrollmentStatus.NotCompleted, enrollment.Status);
        Assert.Equal(nameof(NotCompletedReason.Attendance), enrollment.OutcomeReason);
        var certificate = await App.QueryAsync(db => db.Certificates.FirstAsync(c => c.EnrollmentId == id));
        Assert.NotNull(certificate.RevokedAt);
        Assert.Equal(CompletionService.AttendanceCorrected, certificate.RevokedReason);
        Assert.Equal("anji.clerk", certificate.RevokedBy);
        var verify = await App.CreateClient().GetStringAsync("/Verify/" + certificate.Number);
        Assert.Contains("id=\"verify-revoked\"", verify);
        Assert.DoesNotContain("verify-replaced", verify); // never reissued (fix35c)
        Assert.True(await App.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == nameof(Certificate) && a.UserName == "anji.clerk"
            && a.Changes!.Contains("RevokedReason"))));
        var told = await App.QueryAsync(db => db.Outbox.SingleAsync(n => n.PersonId == personId && n.Key.StartsWith($"outcome:{id}:corrected:")));
        Assert.Equal((NotificationKind.CertificateRevokedForCorrection, certificate.Number), (told.Kind, told.About));
        var name = await App.QueryAsync(db => db.People.Where(p => p.Id == personId).Select(p => p.Name).FirstAsync());
        Assert.Contains($"1 人结业结果已变更：{name} → 未结业（出勤学时不足；证书已撤销）", await clerk.GetStringAsync(Url(course, 0)));
    }

    [Fact]
    public async Task OneSaveCorrectingSeveralTrainees_RevokesEachOnesOwnCertificate_AndNamesEachOfThem()
    {
        // training31 item 5: the redecided trainees' certificates and names are read in one query each; each keeps its own.
        var course = await App.FinishedCourseAsync(2);
        var trainees = await App.TraineesAsync(course.Id, 3);
        var ids = new List<int>();
        foreach (var t in trainees) ids.Add(await App.EnrollmentIdAsync(course.Id, t.PersonId));
        foreach (var session in course.SessionIds)
            await App.MarkAsync(course.Id, session, ids.ToDictionary(id => id, _ => AttendanceMark.Present));
        await App.CompleteAsync(course.Id);
        await App.RunAsync<CertificateService, int>(s => s.IssueDueAsync());
        var clerk = await App.LoginAsync("anji.clerk");

        var response = await clerk.PostFormAsync(Url(course, 0) + "?handler=Save",
            new() { [$"Marks[{ids[0]}]"] = "Absent", [$"Marks[{ids[1]}]"] = "Absent", [$"Marks[{ids[2]}]"] = "Present" }, Url(course, 0));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var certificates = await App.QueryAsync(db => db.Certificates.Where(c => ids.Contains(c.EnrollmentId)).ToDictionaryAsync(c => c.EnrollmentId));
        Assert.Equal(CompletionService.AttendanceCorrected, certificates[ids[0]].RevokedReason);
        Assert.Equal(CompletionService.AttendanceCorrected, certificates[ids[1]].RevokedReason);
        Assert.Null(certificates[ids[2]].RevokedAt);
        Assert.Equal(EnrollmentStatus.Completed, await StatusAsync(ids[2]));
        var page = await clerk.GetStringAsync(Url(course, 0));
        Assert.Contains("2 人结业结果已变更", page);
        foreach (var personId in trainees.Take(2).Select(t => t.PersonId))
        {
            var name = await App.QueryAsync(db => db.People.Where(p => p.Id == personId).Select(p => p.Name).FirstAsync());
            Assert.Contains($"{name} → 未结业（出勤学时不足；证书已撤销）", page);
        }
    }

    [Fact]
    public async Task PresentSavedAfterCompletion_MakesTheTraineeCompleted_AndIssuesACertificate()
    {
        var (course, id, personId) = await DecidedAsync(AttendanceMark.Absent);
        Assert.Equal(EnrollmentStatus.NotCompleted, await StatusAsync(id));
        var officer = await App.LoginAsync("anji.officer");

        var response = await officer.PostFormAsync(Url(course, 1) + "?handler=Save", new() { [$"Marks[{id}]"] = "Present" }, Url(course, 1));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var enrollment = await App.QueryAsync(db => db.Enrollments.FirstAsync(e => e.Id == id));
        Assert.Equal(EnrollmentStatus.Completed, enrollment.Status);
        Assert.Null(enrollment.OutcomeReason);
        var certificate = await App.QueryAsync(db => db.Certificates.FirstAsync(c => c.EnrollmentId == id));
        Assert.Null(certificate.RevokedAt);
        Assert.True(await App.QueryAsync(db => db.Outbox.AnyAsync(n => n.PersonId == personId && n.Kind == NotificationKind.Completed
            && n.Key.StartsWith($"outcome:{id}:corrected:"))));
        Assert.True(await App.QueryAsync(db => db.Outbox.AnyAsync(n => n.Key == $"certificate:{id}")));
        var name = await App.QueryAsync(db => db.People.Where(p => p.Id == personId).Select(p => p.Name).FirstAsync());
        Assert.Contains($"1 人结业结果已变更：{name} → 已结业", await officer.GetStringAsync(Url(course, 1)));
    }

    [Fact]
    public async Task CompletedAgainByASecondCorrection_ReinstatesTheCertificateRevokedForTheFirst()
    {
        var (course, id, personId, farmer) = await DecidedWithFarmerAsync(AttendanceMark.Present);
        await App.RunAsync<CertificateService, int>(s => s.IssueDueAsync());
        var issued = await CertificateOfAsync(id);
        var before = await CityFiguresAsync();
        var clerk = await App.LoginAsync("anji.clerk");
        await clerk.PostFormAsync(Url(course, 1) + "?handler=Save", new() { [$"Marks[{id}]"] = "Absent" }, Url(course, 1));
        Assert.NotNull((await CertificateOfAsync(id)).RevokedAt);
        Assert.Equal(before.Certificates - 1, (await CityFiguresAsync()).Certificates);

        var response = await clerk.PostFormAsync(Url(course, 1) + "?handler=Save", new() { [$"Marks[{id}]"] = "Present" }, Url(course, 1));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(EnrollmentStatus.Completed, await StatusAsync(id));
        var certificates = await App.QueryAsync(db => db.Certificates.Where(c => c.EnrollmentId == id).ToListAsync());
        var certificate = Assert.Single(certificates);
        Assert.Null(certificate.RevokedAt);
        Assert.Null(certificate.RevokedReason);
        Assert.Null(certificate.RevokedBy);
        Assert.Equal((issued.Id, issued.Number, issued.IssuedAt), (certificate.Id, certificate.Number, certificate.IssuedAt));
        // Revoked by the first correction, reinstated by the second: both audited, by the clerk.
        var key = certificate.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(2, await App.QueryAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == nameof(Certificate) && a.EntityId == key
            && a.UserName == "anji.clerk" && a.Changes!.Contains("RevokedReason"))));
        // fix29a: one message per correction, naming the certificate: revoked and why, then valid again — not "issued".
        Assert.False(await App.QueryAsync(db => db.Outbox.AnyAsync(n => n.PersonId == personId && n.Kind == NotificationKind.CertificateIssued
            && n.Key != $"certificate:{id}")));
        var told = await App.QueryAsync(db => db.Outbox.Where(n => n.PersonId == personId && n.Key.StartsWith($"outcome:{id}:corrected:"))
            .OrderBy(n => n.Id).Select(n => n.Kind).ToListAsync());
        Assert.Equal([NotificationKind.CertificateRevokedForCorrection, NotificationKind.CertificateReinstated], told);
        await DispatchUntilAsync(personId, 2);
        var trainee = await App.LoginAsync(farmer);
        var messages = WebUtility.HtmlDecode(await trainee.GetStringAsync("/My/Messages"));
        Assert.Contains($"因考勤记录更正，您在“{course.Title}”的结果改为未结业，结业证书 {certificate.Number} 已撤销", messages);
        Assert.Contains($"结业证书 {certificate.Number} 恢复有效", messages);
        var english = WebUtility.HtmlDecode(await trainee.GetStringAsync("/My/Messages?culture=en"));
        Assert.Contains($"certificate {certificate.Number} has been revoked", english);
        Assert.Contains($"your certificate {certificate.Number} is valid again", english);
        var name = await App.QueryAsync(db => db.People.Where(p => p.Id == personId).Select(p => p.Name).FirstAsync());
        Assert.Contains($"1 人结业结果已变更：{name} → 已结业（证书恢复有效）", await clerk.GetStringAsync(Url(course, 1)));
        // Valid again everywhere it shows, and counted once, as issued when it was first issued (not a new issue).
        var verify = await App.CreateClient().GetStringAsync("/Verify/" + certificate.Number);
        Assert.Contains("id=\"verify-valid\"", verify);
        Assert.DoesNotContain("id=\"verify-revoked\"", verify);
        var mine = await (await App.LoginAsync(farmer)).GetStringAsync("/My/Certificates");
        Assert.DoesNotContain("已撤销", Segment(mine, $"data-certificate=\"{certificate.Number}\"", "</li>"));
        var person = await (await App.LoginAsync("anji.officer")).GetStringAsync($"/People/{personId}");
        Assert.DoesNotContain("已撤销", Segment(person, $"data-certificate=\"{certificate.Number}\"", "</td>"));
        var after = await CityFiguresAsync();
        Assert.Equal((before.Certificates, before.Completed), (after.Certificates, after.Completed));
    }

    [Fact]
    public async Task CompletedAgainByACorrection_LeavesACertificateAnOfficerRevokedRevoked_AndSaysSo()
    {
        var (course, id, personId, farmer) = await DecidedWithFarmerAsync(AttendanceMark.Present);
        await App.RunAsync<CertificateService, int>(s => s.IssueDueAsync());
        await App.QueryAsync(async db =>
        {
            (await db.Certificates.FirstAsync(c => c.EnrollmentId == id)).Revoke("材料不实", "anji.officer", DateTimeOffset.UtcNow);
            return await db.SaveChangesAsync();
        });
        var clerk = await App.LoginAsync("anji.clerk");
        await clerk.PostFormAsync(Url(course, 1) + "?handler=Save", new() { [$"Marks[{id}]"] = "Absent" }, Url(course, 1));
        Assert.Equal(EnrollmentStatus.NotCompleted, await StatusAsync(id));

        var response = await clerk.PostFormAsync(Url(course, 1) + "?handler=Save&culture=en", new() { [$"Marks[{id}]"] = "Present" }, Url(course, 1));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(EnrollmentStatus.Completed, await StatusAsync(id));
        var certificate = await CertificateOfAsync(id);
        Assert.NotNull(certificate.RevokedAt);
        Assert.Equal("材料不实", certificate.RevokedReason);
        Assert.Equal("anji.officer", certificate.RevokedBy);
        Assert.False(await App.QueryAsync(db => db.Outbox.AnyAsync(n => n.Key.StartsWith($"certificate:{id}:reinstated:"))));
        var name = await App.QueryAsync(db => db.People.Where(p => p.Id == personId).Select(p => p.Name).FirstAsync());
        Assert.Contains($"{name} → Completed (the certificate was revoked by an officer and stays revoked; an officer can reissue it on the course's Results page)",
            WebUtility.HtmlDecode(await clerk.GetStringAsync(Url(course, 1) + "?culture=en")));
        // mobile30: the correction does not tell the trainee (as "Completed" does) that the certificate will appear under
        // My certificates — it stays revoked. (The sweep's first "Completed", before the officer revoked it, is in the list too.)
        var told = await App.QueryAsync(db => db.Outbox.Where(n => n.PersonId == personId && n.Key.StartsWith($"outcome:{id}:corrected:"))
            .OrderBy(n => n.Id).Select(n => new { n.Kind, n.About }).ToListAsync());
        Assert.Equal(NotificationKind.CompletedCertificateStaysRevoked, told[^1].Kind);
        Assert.Equal(certificate.Number, told[^1].About);
        Assert.DoesNotContain(told, n => n.Kind == NotificationKind.Completed);
        await DispatchUntilAsync(personId, 1);
        var trainee = await App.LoginAsync(farmer);
        var messages = WebUtility.HtmlDecode(await trainee.GetStringAsync("/My/Messages"));
        Assert.Contains($"您已完成“{course.Title}”，但结业证书 {certificate.Number} 已被人工撤销，仍为撤销状态", messages);
        var english = WebUtility.HtmlDecode(await trainee.GetStringAsync("/My/Messages?culture=en"));
        Assert.Contains($"your certificate {certificate.Number} was revoked by an officer and stays revoked", english);
    }

    /// <summary>
    /// The correction's certificate insert meets one already there for the same trainee (the certificate job got in first:
    /// written here by <see cref="RivalSave.ArmInline{T}"/> just before the insert, in the correction's transaction, because
    /// on SQLite the correction holds the only write lock): the page says so instead of a 500 and nothing is saved.
    /// </summary>
    [Fact]
    public async Task CertificateIssuedMeanwhile_RollsTheWholeCorrectionBack_AndAsksToTryAgain()
    {
        var (course, id, _) = await DecidedAsync(AttendanceMark.Absent);
        var officer = await App.LoginAsync("anji.officer");
        var html = await RaceAsync(id, () => officer.PostFormAsync(Url(course, 1) + "?handler=Save", new() { [$"Marks[{id}]"] = "Present" }, Url(course, 1)));

        Assert.Contains("id=\"attendance-error\"", html);
        Assert.Contains("刚才有人（或系统任务）同时更改了本课程的结业结果，考勤未保存，请重试。", html);
        await AssertNothingSavedAsync(course, id);
    }

    [Fact]
    public async Task PresentUntickedOnTheSignInSheetAfterCompletion_MakesTheTraineeNotCompleted_AndRevokesTheCertificate()
    {
        // training31: the sheet kept an unticked Present, so a paper sheet entered after the sweep could not undo a wrong Present.
        var (course, id, _) = await DecidedAsync(AttendanceMark.Present);
        await App.RunAsync<CertificateService, int>(s => s.IssueDueAsync());
        var clerk = await App.LoginAsync("anji.clerk");
        var sheet = $"/Courses/{course.Id}/Sessions/{course.SessionIds[0]}/SignInSheet";

        var response = await clerk.PostFormAsync(sheet, new() { [$"Marks[{id}]"] = "" }, sheet);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(AttendanceMark.Absent, await App.QueryAsync(db => db.Attendance
            .Where(a => a.SessionId == course.SessionIds[0] && a.EnrollmentId == id).Select(a => a.Mark).SingleAsync()));
        Assert.Equal(EnrollmentStatus.NotCompleted, await StatusAsync(id));
        var certificate = await App.QueryAsync(db => db.Certificates.FirstAsync(c => c.EnrollmentId == id));
        Assert.Equal(CompletionService.AttendanceCorrected, certificate.RevokedReason);
        Assert.Equal("anji.clerk", certificate.RevokedBy);
    }

    [Fact]
    public async Task CertificateIssuedMeanwhile_SignInSheetToo_RollsBackAndAsksToTryAgain()
    {
        var (course, id, _) = await DecidedAsync(AttendanceMark.Absent);
        var clerk = await App.LoginAsync("anji.clerk");
        var sheet = $"/Courses/{course.Id}/Sessions/{course.SessionIds[1]}/SignInSheet";
        var html = await RaceAsync(id, () => clerk.PostFormAsync(sheet + "?culture=en", new() { ["Signed"] = id.ToString(), [$"Marks[{id}]"] = "" }, sheet));

        Assert.Contains("id=\"sign-in-error\"", html);
        Assert.Contains("Someone or something changed this course's results just now; the marks were not saved. Please try again.", WebUtility.HtmlDecode(html));
        await AssertNothingSavedAsync(course, id);
    }

    private async Task<string> RaceAsync(int enrollmentId, Func<Task<HttpResponseMessage>> post)
    {
        var enrollment = await App.QueryAsync(db => db.Enrollments.Join(db.Courses, e => e.CourseId, c => c.Id, (e, c) => new { e.Id, e.PersonId, e.CourseId, c.RegionCode, c.CountyCode })
            .FirstAsync(e => e.Id == enrollmentId));
        App.Rival.ArmInline<Certificate>(db => db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO "Certificates" ("Number", "Year", "Serial", "EnrollmentId", "CourseId", "PersonId", "RegionCode", "CountyCode", "Hours", "CompletedAt", "IssuedAt")
            VALUES ({"TH-1999-RIVAL-" + enrollmentId}, 1999, {enrollmentId}, {enrollmentId}, {enrollment.CourseId}, {enrollment.PersonId},
                    {enrollment.RegionCode}, {enrollment.CountyCode}, 8, {DateTimeOffset.UtcNow}, {DateTimeOffset.UtcNow})
            """));
        try
        {
            var response = await post();
            Assert.True(App.Rival.Ran, "the rival certificate was not written before the correction's");
            var html = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {html[..Math.Min(html.Length, 2000)]}");
            return html;
        }
        finally { App.Rival.Disarm(); }
    }

    /// <summary>The mark, the result, the certificate serials and the notifications are as before the correction.</summary>
    private async Task AssertNothingSavedAsync(TestCourse course, int id)
    {
        Assert.Equal(AttendanceMark.Absent, await App.QueryAsync(db => db.Attendance
            .Where(a => a.SessionId == course.SessionIds[1] && a.EnrollmentId == id).Select(a => a.Mark).SingleAsync()));
        Assert.Equal(EnrollmentStatus.NotCompleted, await StatusAsync(id));
        Assert.False(await App.QueryAsync(db => db.Certificates.AnyAsync(c => c.EnrollmentId == id)));
        Assert.False(await App.QueryAsync(db => db.Certificates.AnyAsync(c => c.CourseId == course.Id)));
        Assert.False(await App.QueryAsync(db => db.Outbox.AnyAsync(n => n.Key.StartsWith($"outcome:{id}:corrected:"))));
    }

    /// <summary>Runs the dispatcher until the trainee has at least <paramref name="corrections"/> in-app messages about corrections.</summary>
    private async Task DispatchUntilAsync(int personId, int corrections)
    {
        for (var i = 0; i < 50; i++)
        {
            if (await App.QueryAsync(db => db.Messages.CountAsync(m => m.PersonId == personId
                && (m.Kind == NotificationKind.CertificateRevokedForCorrection || m.Kind == NotificationKind.CertificateReinstated
                    || m.Kind == NotificationKind.CompletedCertificateStaysRevoked))) >= corrections) return;
            if (await App.RunAsync<TalentHub.Web.Services.Notifications.OutboxDispatcher, int>(d => d.DispatchAsync()) == 0) return;
        }
    }

    private Task<Certificate> CertificateOfAsync(int enrollmentId) =>
        App.QueryAsync(db => db.Certificates.SingleAsync(c => c.EnrollmentId == enrollmentId));

    private Task<TalentHub.Web.Services.Reports.OutcomeRow> CityFiguresAsync() =>
        App.RunAsync<TalentHub.Web.Services.Reports.OutcomeCalculator, TalentHub.Web.Services.Reports.OutcomeFigures>(c =>
            c.ComputeAsync(new(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).Year, null, null), [])).ContinueWith(t => t.Result.City);

    /// <summary>The part of <paramref name="html"/> from <paramref name="start"/> to the next <paramref name="end"/>.</summary>
    private static string Segment(string html, string start, string end)
    {
        var from = html.IndexOf(start, StringComparison.Ordinal);
        Assert.True(from >= 0, $"{start} not on the page");
        return html[from..html.IndexOf(end, from, StringComparison.Ordinal)];
    }

    /// <summary>As <see cref="DecidedAsync"/>, with the trainee's login.</summary>
    private async Task<(TestCourse Course, int EnrollmentId, int PersonId, TestFarmer Farmer)> DecidedWithFarmerAsync(AttendanceMark second)
    {
        var course = await App.FinishedCourseAsync(2);
        var trainee = (await App.TraineesAsync(course.Id, 1))[0];
        var id = await App.EnrollmentIdAsync(course.Id, trainee.PersonId);
        await App.MarkAsync(course.Id, course.SessionIds[0], new Dictionary<int, AttendanceMark> { [id] = AttendanceMark.Present });
        await App.MarkAsync(course.Id, course.SessionIds[1], new Dictionary<int, AttendanceMark> { [id] = second });
        await App.CompleteAsync(course.Id);
        return (course, id, trainee.PersonId, trainee);
    }

    /// <summary>A two-session course, completed and swept, whose one trainee was Present at the first and <paramref name="second"/> at the last.</summary>
    private async Task<(TestCourse Course, int EnrollmentId, int PersonId)> DecidedAsync(AttendanceMark second)
    {
        var (course, id, personId, _) = await DecidedWithFarmerAsync(second);
        return (course, id, personId);
    }

    private Task<EnrollmentStatus> StatusAsync(int id) =>
        App.QueryAsync(db => db.Enrollments.Where(e => e.Id == id).Select(e => e.Status).FirstAsync());
}
