using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using TalentHub.UnitTests.Builders;
using TalentHub.Web.Data;
using TalentHub.Web.Domain.Notifications;
using TalentHub.Web.Domain.Training;
using TalentHub.Web.Services.Audit;
using TalentHub.Web.Services.Notifications;

namespace TalentHub.UnitTests.Data;

/// <summary>
/// fix35c: places cancelled by a roster correction before 759d70b kept a valid certificate (it verified as genuine and counted
/// in the reports); the start-up data fix revokes those once, with the correction's reason, as the system, and tells the trainee.
/// </summary>
public sealed class CancelledPlaceCertificatesTests
{
    private const string Anji = "330523000000";

    /// <summary>A run on a fresh context with the app's audit interceptor, as at start-up (no request: the system acts).</summary>
    private static async Task<int> RunAsync(TestDatabase database)
    {
        await using var db = database.NewContext(new AuditInterceptor(new CurrentActor(new Microsoft.AspNetCore.Http.HttpContextAccessor()), database.Clock));
        return await new CancelledPlaceCertificates(db, new Outbox(db, database.Clock), database.Clock,
            NullLogger<CancelledPlaceCertificates>.Instance).RunAsync();
    }

    /// <summary>Four completed places of one course, each with a valid certificate; returns (enrollment ids, certificate ids).</summary>
    private static async Task<(List<int> Places, List<int> Certificates)> CertifiedAsync(TestDatabase database)
    {
        await using var db = database.NewContext();
        var at = database.Clock.GetUtcNow().AddDays(-30);
        var course = await db.PublishedCourseAsync(at.AddDays(-30), at.AddDays(-20), at.AddDays(-10), 20);
        var people = await db.PeopleAsync(4);
        var places = new List<Enrollment>();
        foreach (var person in people)
        {
            var e = new Enrollment { CourseId = course.Id, PersonId = person, Status = EnrollmentStatus.Confirmed, EnrolledAt = at.AddDays(-20) };
            e.Complete(new(true, null, 1m), at);
            places.Add(e);
        }
        db.Enrollments.AddRange(places);
        await db.SaveChangesAsync();
        var certificates = places.Select((e, i) => new Certificate
        {
            Number = $"TH-2027-330523-{i + 1:00000}", Year = 2027, Serial = i + 1, EnrollmentId = e.Id, CourseId = course.Id, PersonId = e.PersonId,
            RegionCode = "330523108204", CountyCode = Anji, Hours = 4, CompletedAt = at, IssuedAt = at,
        }).ToList();
        db.Certificates.AddRange(certificates);
        await db.SaveChangesAsync();
        return (places.Select(e => e.Id).ToList(), certificates.Select(c => c.Id).ToList());
    }

    [Fact]
    public async Task CertificatesOfPlacesCancelledBeforeTheFix_AreRevokedOnce_WithTheCorrectionsReason_AsTheSystem()
    {
        await using var database = await TestDatabase.CreateAsync();
        var (places, certificates) = await CertifiedAsync(database);
        await using var db = database.NewContext();
        // As the correction before 759d70b left them: the place cancelled with the written reason, the certificate still valid.
        await db.Enrollments.Where(e => e.Id == places[0]).ExecuteUpdateAsync(s => s
            .SetProperty(e => e.Status, EnrollmentStatus.Cancelled).SetProperty(e => e.OutcomeReason, "名单录入错误，未参加培训"));
        await db.Enrollments.Where(e => e.Id == places[1]).ExecuteUpdateAsync(s => s
            .SetProperty(e => e.Status, EnrollmentStatus.Cancelled).SetProperty(e => e.OutcomeReason, Certificate.AttendanceCorrected));
        // A cancelled place whose certificate an officer already revoked, and a completed place: both left as they are.
        await db.Enrollments.Where(e => e.Id == places[2]).ExecuteUpdateAsync(s => s
            .SetProperty(e => e.Status, EnrollmentStatus.Cancelled).SetProperty(e => e.OutcomeReason, "重复报名"));
        var officers = await db.Certificates.SingleAsync(c => c.Id == certificates[2]);
        officers.Revoke("证书信息有误", "anji.officer", database.Clock.GetUtcNow().AddDays(-1));
        await db.SaveChangesAsync();

        Assert.Equal(2, await RunAsync(database));
        Assert.Equal(0, await RunAsync(database));

        await using var check = database.NewContext();
        var rows = await check.Certificates.AsNoTracking().OrderBy(c => c.Id).ToListAsync();
        Assert.Equal(("名单录入错误，未参加培训", CurrentActor.SystemName, database.Clock.GetUtcNow()), (rows[0].RevokedReason, rows[0].RevokedBy, rows[0].RevokedAt!.Value));
        Assert.True(rows[1].IsRevokedForCorrection);
        Assert.Equal(("证书信息有误", "anji.officer"), (rows[2].RevokedReason, rows[2].RevokedBy));
        Assert.False(rows[3].IsRevoked);
        // Audited as the system's change of each revoked certificate; each trainee told once.
        var audited = await check.AuditEntries.AsNoTracking().Where(a => a.EntityType == nameof(Certificate) && a.UserName == CurrentActor.SystemName)
            .Select(a => a.EntityId).ToListAsync();
        Assert.Equal([certificates[0].ToString(), certificates[1].ToString()], audited.Order());
        var told = await check.Outbox.AsNoTracking().Where(n => n.Kind == NotificationKind.CertificateRevoked).OrderBy(n => n.Id).ToListAsync();
        Assert.Equal([(rows[0].PersonId, rows[0].Number), (rows[1].PersonId, rows[1].Number)], told.Select(n => (n.PersonId!.Value, n.About!)));
        Assert.Single(await check.JobRuns.Where(r => r.JobName == CancelledPlaceCertificates.MarkerName).ToListAsync());
    }

    [Fact]
    public async Task ARunCutShort_IsFinishedByTheNextStart()
    {
        await using var database = await TestDatabase.CreateAsync();
        var (places, certificates) = await CertifiedAsync(database);
        await using var db = database.NewContext();
        await db.Enrollments.Where(e => places.Take(2).Contains(e.Id)).ExecuteUpdateAsync(s => s
            .SetProperty(e => e.Status, EnrollmentStatus.Cancelled).SetProperty(e => e.OutcomeReason, " "));
        // The first run "died" after revoking one: no marker yet.
        var first = await db.Certificates.SingleAsync(c => c.Id == certificates[0]);
        first.Revoke(CancelledPlaceCertificates.FallbackReason, CurrentActor.SystemName, database.Clock.GetUtcNow());
        await db.SaveChangesAsync();

        Assert.Equal(1, await RunAsync(database));

        await using var check = database.NewContext();
        var second = await check.Certificates.AsNoTracking().SingleAsync(c => c.Id == certificates[1]);
        Assert.Equal(CancelledPlaceCertificates.FallbackReason, second.RevokedReason);
    }
}
