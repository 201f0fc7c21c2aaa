using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TalentHub.Web.Data;
using TalentHub.Web.Domain.Training;
using TalentHub.Web.Services.Training;

namespace TalentHub.IntegrationTests.Concurrency;

/// <summary>
/// reissue33: never two valid certificates for one completed place, whatever the concurrency: the filtered unique index
/// (one NOT revoked certificate per enrollment) and two officers reissuing at once (run on SQLite and PostgreSQL).
/// </summary>
public static class ReissueRaces
{
    /// <summary>Two officers post Reissue for the same revoked certificate at the same moment: one new certificate, the other a localized refusal.</summary>
    public static async Task TwoOfficersReissuingAtOnce_OneNewCertificate_TheOtherIsRefusedAsync(TalentHubFactory app)
    {
        var (courseId, enrollment, certificateId) = await RevokedAsync(app);
        var url = $"/Courses/{courseId}/Outcomes";
        var officers = new[] { await app.LoginAsync("anji.officer"), await app.LoginAsync("city.officer") };
        var tokens = new List<string>();
        foreach (var officer in officers) tokens.Add(FormClient.TokenOf(await officer.GetStringAsync(url)));

        var answers = await Task.WhenAll(officers.Select((officer, i) => Task.Run(() => officer.PostAsync(url + "?handler=Reissue",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["certificateId"] = certificateId.ToString(), ["__RequestVerificationToken"] = tokens[i] })))));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Redirect], answers.Select(a => a.StatusCode).Order());
        var refused = await answers.Single(a => a.StatusCode == HttpStatusCode.OK).Content.ReadAsStringAsync();
        Assert.Contains("该证书已补发过", refused);
        var rows = await app.QueryAsync(db => db.Certificates.IgnoreQueryFilters([RegionFilter.Name]).Where(c => c.EnrollmentId == enrollment).ToListAsync());
        Assert.Equal(2, rows.Count);
        var fresh = Assert.Single(rows, c => c.RevokedAt == null);
        Assert.Equal(certificateId, fresh.ReissueOfId);
        // The loser's counter increment was rolled back with its insert: the counter stands at the winner's serial.
        Assert.Equal(fresh.Serial, await app.QueryAsync(db => db.CertificateCounters
            .Where(c => c.CountyCode == fresh.CountyCode && c.Year == fresh.Year).Select(c => c.LastSerial).SingleAsync()));
    }

    /// <summary>The index itself: a revoked certificate may sit beside a valid one for the same enrollment, a second valid one may not.</summary>
    public static async Task TheFilteredIndex_AllowsRevokedRowsBesideOneValid_AndRefusesASecondValidAsync(TalentHubFactory app)
    {
        var (_, enrollment, _) = await RevokedAsync(app);
        var template = await app.QueryAsync(db => db.Certificates.IgnoreQueryFilters([RegionFilter.Name]).AsNoTracking().FirstAsync(c => c.EnrollmentId == enrollment));
        var serial = 90000 + Random.Shared.Next(9000);
        Certificate Row(int offset) => new()
        {
            Number = CertificateNumber.Format(1999, template.CountyCode, serial + offset), Year = 1999, Serial = serial + offset,
            EnrollmentId = enrollment, CourseId = template.CourseId, PersonId = template.PersonId, RegionCode = template.RegionCode,
            CountyCode = template.CountyCode, Hours = template.Hours, CompletedAt = template.CompletedAt, IssuedAt = template.IssuedAt,
        };

        await app.QueryAsync(db =>
        {
            var revoked = Row(0);
            revoked.Revoke("第二张已撤销", "test", DateTimeOffset.UtcNow);
            db.Certificates.AddRange(revoked, Row(1));
            return db.SaveChangesAsync();
        });
        var second = await Assert.ThrowsAsync<DbUpdateException>(() => app.QueryAsync(db =>
        {
            db.Certificates.Add(Row(2));
            return db.SaveChangesAsync();
        }));

        Assert.True(UniqueViolation.Is(second), second.InnerException?.Message);
        Assert.Equal(1, await app.QueryAsync(db => db.Certificates.IgnoreQueryFilters([RegionFilter.Name]).CountAsync(c => c.EnrollmentId == enrollment && c.RevokedAt == null)));
        Assert.Equal(3, await app.QueryAsync(db => db.Certificates.IgnoreQueryFilters([RegionFilter.Name]).CountAsync(c => c.EnrollmentId == enrollment)));
    }

    /// <summary>
    /// review33: two officers revoke the same certificate at the same moment (<see cref="RivalSave"/> runs the winner's whole post
    /// between the loser's read and its write). The winner's revocation stands and the trainee is told once; the loser was a 500
    /// (the outbox key of the revocation, unique per certificate) and is now told on the trainee's row, nothing of theirs written.
    /// </summary>
    public static async Task TwoOfficersRevokingAtOnce_TheFirstStands_TheOtherIsToldOnTheRowAsync(TalentHubFactory app)
    {
        var (courseId, enrollment, certificateId) = await CertifiedAsync(app);
        var url = $"/Courses/{courseId}/Outcomes";
        var (winner, loser) = (await app.LoginAsync("city.officer"), await app.LoginAsync("anji.officer"));
        Dictionary<string, string> Revoke(string reason) => new() { ["certificateId"] = certificateId.ToString(), ["RevokeReason"] = reason };

        app.Rival.Arm<Certificate>(async () => Assert.Equal(HttpStatusCode.Redirect, (await winner.PostFormAsync(url + "?handler=Revoke", Revoke("先到的撤销"), url)).StatusCode));
        HttpResponseMessage lost;
        try
        {
            lost = await loser.PostFormAsync(url + "?handler=Revoke", Revoke("后到的撤销"), url);
            Assert.True(app.Rival.Ran, "the winner's post did not run before the loser's save");
        }
        finally { app.Rival.Disarm(); }

        var html = await lost.Content.ReadAsStringAsync();
        Assert.True(lost.StatusCode == HttpStatusCode.OK, $"{(int)lost.StatusCode}: {html[..Math.Min(html.Length, 2000)]}");
        Assert.Contains("id=\"revoke-error\"", html);
        Assert.Contains("已被撤销（可能是其他管理员刚刚撤销的）", html);
        var stored = await app.QueryAsync(db => db.Certificates.IgnoreQueryFilters([RegionFilter.Name]).SingleAsync(c => c.EnrollmentId == enrollment));
        Assert.Equal(("先到的撤销", "city.officer"), (stored.RevokedReason, stored.RevokedBy));
        Assert.Equal(1, await app.QueryAsync(db => db.Outbox.CountAsync(n => n.Key == $"certificate:{stored.Number}:revoked")));
    }

    /// <summary>A finished Anji course with one certified trainee whose certificate an officer revoked.</summary>
    private static async Task<(int CourseId, int Enrollment, int CertificateId)> RevokedAsync(TalentHubFactory app)
    {
        var (courseId, enrollment, certificateId) = await CertifiedAsync(app);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TalentHubDbContext>();
        var certificate = await db.Certificates.IgnoreQueryFilters([RegionFilter.Name]).SingleAsync(c => c.Id == certificateId);
        certificate.Revoke("录入错误", "anji.officer", DateTimeOffset.UtcNow);
        await db.SaveChangesAsync();
        return (courseId, enrollment, certificateId);
    }

    /// <summary>
    /// review33: an attendance correction revokes the certificate between the officer's read and save. The correction's revocation
    /// stands (RevokedAt is a concurrency token; without it the officer's save overwrote the reason, or the correction's overwrote
    /// the officer's and a later correction would reinstate it) and the officer is told on the row; no revoke notice of theirs.
    /// </summary>
    public static async Task ACorrectionRevokingDuringAnOfficersRevoke_Stands_AndTheOfficerIsToldOnTheRowAsync(TalentHubFactory app)
    {
        var (courseId, enrollment, certificateId) = await CertifiedAsync(app);
        var url = $"/Courses/{courseId}/Outcomes";
        var officer = await app.LoginAsync("anji.officer");

        app.Rival.Arm<Certificate>(() => app.QueryAsync(async db =>
        {
            var certificate = await db.Certificates.IgnoreQueryFilters([RegionFilter.Name]).SingleAsync(c => c.Id == certificateId);
            certificate.RevokeForCorrection("anji.clerk", DateTimeOffset.UtcNow);
            return await db.SaveChangesAsync();
        }));
        HttpResponseMessage lost;
        try
        {
            lost = await officer.PostFormAsync(url + "?handler=Revoke", new() { ["certificateId"] = certificateId.ToString(), ["RevokeReason"] = "录入错误" }, url);
            Assert.True(app.Rival.Ran, "the correction did not run before the officer's save");
        }
        finally { app.Rival.Disarm(); }

        var html = await lost.Content.ReadAsStringAsync();
        Assert.True(lost.StatusCode == HttpStatusCode.OK, $"{(int)lost.StatusCode}: {html[..Math.Min(html.Length, 2000)]}");
        Assert.Contains("id=\"revoke-error\"", html);
        var stored = await app.QueryAsync(db => db.Certificates.IgnoreQueryFilters([RegionFilter.Name]).SingleAsync(c => c.EnrollmentId == enrollment));
        Assert.True(stored.IsRevokedForCorrection);
        Assert.Equal(0, await app.QueryAsync(db => db.Outbox.CountAsync(n => n.Key == $"certificate:{stored.Number}:revoked")));
    }

    /// <summary>A finished Anji course with one trainee the issuer certified.</summary>
    private static async Task<(int CourseId, int Enrollment, int CertificateId)> CertifiedAsync(TalentHubFactory app)
    {
        var course = await app.FinishedCourseAsync(1);
        var farmer = (await app.TraineesAsync(course.Id, 1))[0];
        var enrollment = await app.EnrollmentIdAsync(course.Id, farmer.PersonId);
        await app.MarkAsync(course.Id, course.SessionIds[0], new Dictionary<int, AttendanceMark> { [enrollment] = AttendanceMark.Present });
        await app.CompleteAsync(course.Id);
        await app.RunAsync<CertificateService, int>(s => s.IssueDueAsync());
        var id = await app.QueryAsync(db => db.Certificates.IgnoreQueryFilters([RegionFilter.Name]).Where(c => c.EnrollmentId == enrollment)
            .Select(c => c.Id).SingleAsync());
        return (course.Id, enrollment, id);
    }
}
