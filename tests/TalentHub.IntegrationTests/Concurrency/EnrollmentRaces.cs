using TalentHub.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TalentHub.Web.Domain.Notifications;
using TalentHub.Web.Domain.Training;
using TalentHub.Web.Services.Training;

namespace TalentHub.IntegrationTests.Concurrency;

/// <summary>
/// The enrollment races, run through the real endpoint against any database the factory uses
/// (SQLite's single writer, or PostgreSQL's row locks under READ COMMITTED).
/// </summary>
public static class EnrollmentRaces
{
    private const string Password = "bamboo hills and white tea";

    private static async Task<List<(HttpClient Client, string Token)>> LoggedInFarmersAsync(TalentHubFactory app, int count, int courseId)
    {
        var mobiles = await app.FarmersAsync(count, Password);
        // Only the enrollments race. Logging in is set-up: a few at a time, since 200 parallel password
        // hashes starve the thread pool and then Npgsql's 15 s wait for a pooled connection runs out.
        var clients = new (HttpClient Client, string Token)[mobiles.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, mobiles.Count), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
        {
            var client = await app.LoginAsync(mobiles[i], Password);
            clients[i] = (client, FormClient.TokenOf(await client.GetStringAsync($"/Catalog/{courseId}")));
        });
        return clients.ToList();
    }

    private static Task<HttpResponseMessage> EnrollAsync((HttpClient Client, string Token) farmer, int courseId) =>
        farmer.Client.PostAsync($"/Catalog/{courseId}?handler=Enroll",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = farmer.Token }));

    public static async Task TwoHundredEnrollmentsIntoFiftySeatsAsync(TalentHubFactory app)
    {
        var courseId = await app.OpenCourseAsync(50, "并发报名");
        var farmers = await LoggedInFarmersAsync(app, 200, courseId);

        using var start = new SemaphoreSlim(0);
        var posts = farmers.Select(async f =>
        {
            await start.WaitAsync();
            return await EnrollAsync(f, courseId);
        }).ToList();
        start.Release(farmers.Count);
        var responses = await Task.WhenAll(posts);

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.All(responses, r => Assert.DoesNotContain("/Error", r.Headers.Location?.OriginalString ?? ""));
        var rows = await app.QueryAsync(db => db.Enrollments.AsNoTracking().Where(e => e.CourseId == courseId).OrderBy(e => e.Id).ToListAsync());
        var course = await app.QueryAsync(db => db.Courses.IgnoreQueryFilters([RegionFilter.Name]).AsNoTracking().SingleAsync(c => c.Id == courseId));
        Assert.Equal(200, rows.Count);
        Assert.Equal(200, rows.Select(r => r.PersonId).Distinct().Count());
        Assert.Equal(50, rows.Count(r => r.Status == EnrollmentStatus.Confirmed));
        Assert.Equal(150, rows.Count(r => r.Status == EnrollmentStatus.Waitlisted));
        Assert.Equal(50, course.ConfirmedCount);
        // Arrival order: the first fifty rows written are the confirmed ones, everyone after waits.
        Assert.All(rows.Take(50), r => Assert.Equal(EnrollmentStatus.Confirmed, r.Status));
        Assert.All(rows.Skip(50), r => Assert.Equal(EnrollmentStatus.Waitlisted, r.Status));
    }

    public static async Task CancellationsRacingPromotionsAsync(TalentHubFactory app)
    {
        var courseId = await app.OpenCourseAsync(10, "取消递补");
        var farmers = await LoggedInFarmersAsync(app, 30, courseId);
        foreach (var f in farmers) await EnrollAsync(f, courseId);
        var before = await app.QueryAsync(db => db.Enrollments.AsNoTracking().Where(e => e.CourseId == courseId).OrderBy(e => e.Id).ToListAsync());
        var confirmed = before.Where(e => e.Status == EnrollmentStatus.Confirmed).Select(e => e.Id).ToList();
        var waitlist = before.Where(e => e.Status == EnrollmentStatus.Waitlisted).Select(e => e.Id).ToList();
        Assert.Equal(10, confirmed.Count);
        Assert.Equal(20, waitlist.Count);

        // Six confirmed places cancelled at once, each twice (a double click), plus a fresh enrollment racing them.
        var late = (await LoggedInFarmersAsync(app, 1, courseId))[0];
        using var start = new SemaphoreSlim(0);
        var cancels = confirmed.Take(6).SelectMany(id => new[] { id, id }).Select(async id =>
        {
            await start.WaitAsync();
            using var scope = app.Services.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<EnrollmentService>().CancelAsync(id);
        }).ToList();
        var lateEnroll = Task.Run(async () =>
        {
            await start.WaitAsync();
            return await EnrollAsync(late, courseId);
        });
        start.Release(cancels.Count + 1);
        var results = await Task.WhenAll(cancels);
        var lateResponse = await lateEnroll;

        Assert.Equal(6, results.Count(ok => ok));
        Assert.Equal(HttpStatusCode.Redirect, lateResponse.StatusCode);
        var after = await app.QueryAsync(db => db.Enrollments.AsNoTracking().Where(e => e.CourseId == courseId).ToListAsync());
        var course = await app.QueryAsync(db => db.Courses.IgnoreQueryFilters([RegionFilter.Name]).AsNoTracking().SingleAsync(c => c.Id == courseId));
        Assert.Equal(10, after.Count(e => e.Status == EnrollmentStatus.Confirmed));
        Assert.Equal(6, after.Count(e => e.Status == EnrollmentStatus.Cancelled));
        Assert.Equal(10, course.ConfirmedCount);
        // The first six waiting were promoted, in order; the late arrival waits at the back.
        Assert.All(waitlist.Take(6), id => Assert.Equal(EnrollmentStatus.Confirmed, after.Single(e => e.Id == id).Status));
        Assert.All(waitlist.Skip(6), id => Assert.Equal(EnrollmentStatus.Waitlisted, after.Single(e => e.Id == id).Status));
        var lateRow = Assert.Single(after, e => e.Id > before.Max(b => b.Id));
        Assert.Equal(EnrollmentStatus.Waitlisted, lateRow.Status);
        Assert.Equal(6, await app.QueryAsync(db => db.Outbox.CountAsync(n => n.CourseId == courseId && n.Kind == NotificationKind.Promoted)));
    }
}
