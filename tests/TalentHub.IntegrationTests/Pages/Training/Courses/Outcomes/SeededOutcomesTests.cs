using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Domain.Training;
using TalentHub.Web.Services.Training;

namespace TalentHub.IntegrationTests.Pages.Training.Courses.Outcomes;

public sealed class SeededOutcomesTests(TalentHubFactory app) : AppTest(app)
{
    [Fact]
    public async Task DemoData_HasAttendanceScoresCompletionsCertificatesSurveysAndFollowUps()
    {
        var seeded = await App.QueryAsync(async db => new
        {
            Marks = await db.Attendance.CountAsync(a => a.MarkedBy == "trainer.wang" || a.MarkedBy == null),
            NotCompleted = await db.Enrollments.CountAsync(e => e.Status == EnrollmentStatus.NotCompleted),
            Certificates = await db.Certificates.CountAsync(),
            Answers = await db.SurveyAnswers.CountAsync(),
            Done = await db.FollowUpTasks.CountAsync(t => t.RecordedBy == "seed"),
            Open = await db.FollowUpTasks.CountAsync(t => t.RecordedAt == null),
        });
        Assert.True(seeded.Marks > 100);
        Assert.True(seeded.NotCompleted > 0);
        Assert.True(seeded.Certificates > 100);
        Assert.True(seeded.Answers > 50);
        Assert.True(seeded.Done > 0);
        Assert.True(seeded.Open > 0);
    }

    /// <summary>
    /// Seeded certificates carry the day their course completed, as the job would have issued them then (dated at
    /// seeding time, the monthly dispatch report counted no certificate for any county). A fresh app: the shared one
    /// holds certificates that other tests issued today.
    /// </summary>
    [Fact]
    public async Task SeededCertificates_AreIssuedWhenTheirEnrollmentCompleted()
    {
        using var fresh = new TalentHubFactory();
        var rows = await fresh.QueryAsync(db => db.Certificates.Join(db.Enrollments, c => c.EnrollmentId, e => e.Id,
            (c, e) => new { c.Number, c.IssuedAt, e.CompletedAt }).ToListAsync());

        Assert.True(rows.Count > 100);
        Assert.All(rows, r => Assert.Equal(r.CompletedAt, r.IssuedAt));
    }

    [Fact]
    public async Task DemoFarmers_HoldSeveralCertificates_AndCanCheckInToTheSessionRunningNow()
    {
        // 13800000006 completed a programme course and a county-funded one; 13800000009 is on the programme course running
        // now, so (不得重复培训) not on another programme course of the year: the county-funded one gave the certificate.
        var certified = await App.LoginAsync("13800000006");
        var certificates = await certified.GetStringAsync("/My/Certificates");
        Assert.True(System.Text.RegularExpressions.Regex.Matches(certificates, "data-certificate=").Count >= 2);
        var client = await App.LoginAsync("13800000009");
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(await client.GetStringAsync("/My/Certificates"), "data-certificate="));

        var now = DateTimeOffset.UtcNow;
        var running = await App.QueryAsync(db => db.CourseSessions.Where(s => s.StartsAt <= now && s.EndsAt > now)
            .Join(db.Courses, s => s.CourseId, c => c.Id, (s, c) => new { s.Id, c.Status, c.Title, CourseId = c.Id }).ToListAsync());
        var anji = Assert.Single(running, r => r.Status == CourseStatus.InProgress && r.Title.Contains("41期"));
        var trainer = await App.LoginAsync("trainer.wang");
        var code = TalentHub.IntegrationTests.Pages.Training.My.CheckInTests.CodeOf(await TalentHub.IntegrationTests.Pages.Training.My.CheckInTests.OpenCodeAsync(trainer, anji.CourseId, anji.Id));
        var response = await client.PostFormAsync("/My/CheckIn", new() { ["Code"] = code });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task Programs_ShowTheSatisfiedShareAgainstTheNinetyFivePercentLine()
    {
        var program = await App.QueryAsync(db => db.SurveyAnswers.Join(db.Courses, a => a.CourseId, c => c.Id, (a, c) => c.ProgramId)
            .Where(p => p != null).Select(p => p!.Value).FirstAsync());
        var officer = await App.LoginAsync("city.officer");

        var html = await officer.GetStringAsync("/Programs");

        var cell = System.Text.RegularExpressions.Regex.Match(html, $"data-satisfaction=\"{program}\">\\s*<span class=\"badge (text-bg-success|text-bg-danger)\"[^>]*>([\\d.]+)%");
        Assert.True(cell.Success, "no satisfaction badge for the program");
        var share = decimal.Parse(cell.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(share >= 95 ? "text-bg-success" : "text-bg-danger", cell.Groups[1].Value);
    }
}
