using TalentHub.IntegrationTests.Postgres;
using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Data;
using TalentHub.Web.Data.Cluster;
using TalentHub.Web.Domain.Training;
using static TalentHub.IntegrationTests.Pages.People.PeopleTestData;

namespace TalentHub.IntegrationTests.ScaleOut;

/// <summary>
/// One story alternating between two nodes on one PostgreSQL database, as nginx without sticky sessions
/// would send it (issue 15): each client's cookies go to whichever node, and nothing may be tied to a node.
/// </summary>
[Collection(ScaleOutCollection.Name)]
public sealed class ScaleOutTests(TwoNodeCluster cluster)
{
    private ClusterNode A => cluster.A;
    private ClusterNode B => cluster.B;

    /// <summary>A browser behind the load balancer: one cookie jar, a client for each node.</summary>
    private (HttpClient OnA, HttpClient OnB) Browser()
    {
        var jar = new CookieContainer();
        return (A.NewClient(jar), B.NewClient(jar));
    }

    [PostgresFact]
    public async Task TwoNodesStartedAtOnce_MigrateAndSeedOnce_RecordTheKeys_AndBothAreHealthy()
    {
        var migrations = await cluster.Database.ScalarAsync("SELECT count(*) FROM \"__EFMigrationsHistory\"");
        var known = await A.QueryAsync(db => Task.FromResult(db.Database.GetMigrations().Count()));
        var admins = await cluster.Database.ScalarAsync("SELECT count(*) FROM \"AspNetUsers\" WHERE \"UserName\" = 'admin'");
        var fingerprints = await A.QueryAsync(db => db.KeyFingerprints.Select(k => k.Name).OrderBy(n => n).ToListAsync());

        Assert.Equal(known, migrations);
        Assert.Equal(1, admins);
        Assert.Equal(["encryption:v1", "hash"], fingerprints);
        foreach (var node in new[] { A, B })
            Assert.Equal((HttpStatusCode.OK, "Healthy"), await node.HealthAfterStartAsync());
    }

    [PostgresFact]
    public async Task SignedInThroughA_IsSignedInOnB_AndAFormFromBPostsOnA()
    {
        var (onA, onB) = Browser();
        await A.LoginAsync("anji.clerk", client: onA);

        var people = await onB.GetAsync("/People");
        var form = await onB.GetStringAsync("/People/Create");
        var name = NewName("双节点");
        var fields = CreateForm(name, NewIdNumber(YuCun).Value);
        fields["__RequestVerificationToken"] = FormClient.TokenOf(form);
        fields["SubmissionToken"] = FormClient.SubmissionTokenOf(form)!;
        var created = await onA.PostAsync("/People/Create", new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.OK, people.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal(1, await B.CountNamedAsync(name));
        // The flash message (TempData, protected by the shared key ring) written by A is read on B.
        Assert.Equal(HttpStatusCode.OK, (await onB.GetAsync(created.Headers.Location!.OriginalString)).StatusCode);
    }

    [PostgresFact]
    public async Task AnImportValidatedOnA_IsConfirmedOnB_AndTheUploadWaitsInTheDatabaseNotOnDisk()
    {
        var (onA, onB) = Browser();
        await A.LoginAsync("anji.clerk", client: onA);
        var names = new[] { NewName("跨节点甲"), NewName("跨节点乙") };
        var csv = "姓名,身份证号,手机号,所在村（社区）,人才类别,乡土人才类型\r\n" +
                  $"{names[0]},{ImportClient.NewId()},,余村,高素质农民,\r\n{names[1]},{ImportClient.NewId()},,余村,高素质农民,";

        var (validated, html) = await onA.ValidateAsync("/People/Import", System.Text.Encoding.UTF8.GetBytes(csv), "人才.csv");
        var token = ImportClient.TokenOf(html);
        var waiting = await A.QueryAsync(db => db.PendingUploads.CountAsync(u => u.Token == token));
        await onB.ConfirmAsync("/People/Import", html);

        Assert.Equal(HttpStatusCode.OK, validated.StatusCode);
        Assert.Equal(1, waiting);
        Assert.False(Directory.Exists(Path.Combine(A.DataDirectory, "uploads")), "node A kept the upload on its disk");
        Assert.Equal(2, await B.QueryAsync(db => db.People.IgnoreQueryFilters([RegionFilter.Name]).CountAsync(p => names.Contains(p.Name))));
        // The file is gone; only the "confirmed" mark stays (without content), so a second confirm can say so (review 5).
        Assert.Equal(0, await B.QueryAsync(db => db.PendingUploads.CountAsync(u => u.Token == token && u.Content.Length > 0)));
        Assert.Equal(1, await B.QueryAsync(db => db.PendingUploads.CountAsync(u => u.Token == token && u.Kind == "confirmed:people")));
    }

    [PostgresFact]
    public async Task FailedSignInsThroughA_SlowTheAccountOnB()
    {
        var mobile = (await A.FarmersAsync(1))[0];
        var (onA, onB) = Browser();
        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.OK, (await onA.PostFormAsync("/Identity/Account/Login",
                new() { ["Input.Login"] = mobile, ["Input.Password"] = "a wrong guess at the password" })).StatusCode);

        var onBWithTheRightPassword = await onB.PostFormAsync("/Identity/Account/Login",
            new() { ["Input.Login"] = mobile, ["Input.Password"] = "bamboo hills and white tea" });

        Assert.Equal(HttpStatusCode.TooManyRequests, onBWithTheRightPassword.StatusCode);
        Assert.True(await A.QueryAsync(db => db.LoginFailures.AnyAsync()), "the failures are counted in the database");
    }

    [PostgresFact]
    public async Task PasswordHelpFromOneAddress_IsCountedOnceAcrossBothNodes()
    {
        const string help = "/Identity/Account/ForgotPassword";
        // Unconfigured help has no form of its own; the login form's token is the visitor's token too.
        const string Login = "/Identity/Account/Login";
        const int limit = TwoNodeCluster.PasswordHelpPerHour;
        var allowed = new List<HttpStatusCode>();
        // The ceiling is per clock hour: every post, the refused ones too, must fall in one hour. (Counting again after a
        // turn did not do: the posts after the turn already count in the new hour, so a second round went over it.)
        await AddressWindows.RoomInAsync(TimeSpan.FromHours(1), TimeSpan.FromMinutes(2));
        // Alternating, as the load balancer would: each node sees only half of the posts.
        for (var i = 0; i < limit; i++)
        {
            var node = i % 2 == 0 ? A : B;
            var response = await node.NewClient().PostFormAsync(help + "?handler=Sms", new() { ["Farmer.Mobile"] = "13999999999" }, Login);
            allowed.Add(response.StatusCode);
        }
        var over = await A.NewClient().PostFormAsync(help + "?handler=Sms", new() { ["Farmer.Mobile"] = "13999999999" }, Login);

        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, allowed);
        Assert.Equal(HttpStatusCode.TooManyRequests, over.StatusCode);
        Assert.True(over.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await B.NewClient().PostFormAsync(help + "?handler=Sms",
            new() { ["Farmer.Mobile"] = "13999999999" }, Login)).StatusCode);
        // Counted in the database, under a keyed hash: no client address in clear.
        var buckets = await A.QueryAsync(db => db.AddressCounts.Select(c => c.Bucket).ToListAsync());
        Assert.NotEmpty(buckets);
        Assert.All(buckets, b => Assert.Matches("^[0-9a-f]{64}$", b));
    }

    [PostgresFact]
    public async Task AHundredEnrollments_SplitAcrossBothNodes_IntoTwentySeats_ConfirmExactlyTwenty()
    {
        const string password = "bamboo hills and white tea";
        var courseId = await A.OpenCourseAsync(20, "双节点报名");
        var mobiles = await A.FarmersAsync(100, password);
        var farmers = new (HttpClient Post, string Token)[mobiles.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, mobiles.Count), new ParallelOptions { MaxDegreeOfParallelism = 6 }, async (i, _) =>
        {
            // Signed in on one node, the form from the other, the post to the first (or the reverse).
            var (onA, onB) = Browser();
            var (first, second, node) = i % 2 == 0 ? (onA, onB, A) : (onB, onA, B);
            await node.LoginAsync(mobiles[i], password, first);
            farmers[i] = (first, FormClient.TokenOf(await second.GetStringAsync($"/Catalog/{courseId}")));
        });

        using var start = new SemaphoreSlim(0);
        var posts = farmers.Select(async f =>
        {
            await start.WaitAsync();
            return await f.Post.PostAsync($"/Catalog/{courseId}?handler=Enroll",
                new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = f.Token }));
        }).ToList();
        start.Release(farmers.Length);
        var responses = await Task.WhenAll(posts);

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        var rows = await A.QueryAsync(db => db.Enrollments.AsNoTracking().Where(e => e.CourseId == courseId).ToListAsync());
        var course = await B.QueryAsync(db => db.Courses.IgnoreQueryFilters([RegionFilter.Name]).AsNoTracking().SingleAsync(c => c.Id == courseId));
        Assert.Equal(100, rows.Count);
        Assert.Equal(20, rows.Count(r => r.Status == EnrollmentStatus.Confirmed));
        Assert.Equal(80, rows.Count(r => r.Status == EnrollmentStatus.Waitlisted));
        Assert.Equal(20, course.ConfirmedCount);
    }
}
