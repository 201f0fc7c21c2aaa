using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TalentHub.Web.Data;
using TalentHub.Web.Domain.Training;
using TalentHub.Web.Services.Training;

namespace TalentHub.IntegrationTests.Concurrency;

/// <summary>Certificate serials stay gapless and unique when several issuers run at once (run on SQLite and PostgreSQL).</summary>
public static class CertificateRaces
{
    /// <summary>
    /// The job reads its due list, then a correction makes one of the trainees NotCompleted before the job issues: the job
    /// re-checks in each issue's transaction and certifies only the trainee still Completed.
    /// </summary>
    public static async Task CorrectionAfterTheDueListWasRead_TheJobSkipsTheTraineeNoLongerCompletedAsync(TalentHubFactory app)
    {
        var course = await app.FinishedCourseAsync(1);
        await app.TraineesAsync(course.Id, 2);
        var ids = await app.QueryAsync(db => db.Enrollments.Where(e => e.CourseId == course.Id).OrderBy(e => e.Id).Select(e => e.Id).ToListAsync());
        await app.MarkAsync(course.Id, course.SessionIds[0], ids.ToDictionary(i => i, _ => AttendanceMark.Present));
        await app.CompleteAsync(course.Id);
        using var scope = app.Services.CreateScope();
        var job = scope.ServiceProvider.GetRequiredService<CertificateService>();
        var jobDb = scope.ServiceProvider.GetRequiredService<TalentHubDbContext>();
        var due = await job.DueAsync(jobDb.Enrollments.Where(e => e.CourseId == course.Id));
        Assert.Equal(ids, due.Select(d => d.EnrollmentId));

        await app.MarkAsync(course.Id, course.SessionIds[0], new Dictionary<int, AttendanceMark> { [ids[0]] = AttendanceMark.Absent });
        Assert.Equal(EnrollmentStatus.NotCompleted, await app.QueryAsync(db => db.Enrollments.Where(e => e.Id == ids[0]).Select(e => e.Status).SingleAsync()));
        var issued = await job.IssueAsync(due);

        Assert.Equal(1, issued);
        var certified = await app.QueryAsync(db => db.Certificates.Where(c => c.CourseId == course.Id).Select(c => c.EnrollmentId).ToListAsync());
        Assert.Equal([ids[1]], certified);
    }

    public static async Task FourIssuersAtOnce_CertifyEachTraineeOnce_WithGaplessSerialsAsync(TalentHubFactory app)
    {
        var course = await app.FinishedCourseAsync(1);
        var trainees = await app.TraineesAsync(course.Id, 24);
        var ids = await app.QueryAsync(db => db.Enrollments.Where(e => e.CourseId == course.Id).Select(e => e.Id).ToListAsync());
        await app.MarkAsync(course.Id, course.SessionIds[0], ids.ToDictionary(i => i, _ => AttendanceMark.Present));
        await app.CompleteAsync(course.Id);

        var issued = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
            app.RunAsync<CertificateService, int>(s => s.IssueDueAsync()))));

        var mine = await app.QueryAsync(db => db.Certificates.Where(c => c.CourseId == course.Id).ToListAsync());
        Assert.Equal(trainees.Count, mine.Count);
        Assert.Equal(ids.Order(), mine.Select(c => c.EnrollmentId).Order());
        var (county, year) = (mine[0].CountyCode, mine[0].Year);
        var serials = await app.QueryAsync(db => db.Certificates.Where(c => c.CountyCode == county && c.Year == year)
            .Select(c => c.Serial).OrderBy(s => s).ToListAsync());
        Assert.Equal(Enumerable.Range(1, serials.Count), serials);
        Assert.Equal(serials.Count, await app.QueryAsync(db => db.CertificateCounters.Where(c => c.CountyCode == county && c.Year == year)
            .Select(c => c.LastSerial).SingleAsync()));
        Assert.All(mine, c => Assert.Equal(CertificateNumber.Format(c.Year, c.CountyCode, c.Serial), c.Number));
        Assert.True(issued.Sum() >= trainees.Count);
    }
}
