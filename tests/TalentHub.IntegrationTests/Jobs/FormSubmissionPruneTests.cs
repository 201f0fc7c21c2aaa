using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TalentHub.Web.Data;
using TalentHub.Web.Jobs;
using static TalentHub.IntegrationTests.Pages.Training.Courses.CourseForms;

namespace TalentHub.IntegrationTests.Jobs;

/// <summary>
/// fix22: create forms' one-time tokens (<see cref="FormSubmission"/>) were kept forever; the ImportCleanup job now deletes
/// those older than <see cref="FormSubmission.RetentionDays"/> and keeps the rest.
/// </summary>
public sealed partial class FormSubmissionPruneTests(TalentHubFactory app) : AppTest(app)
{
    [Fact]
    public async Task TheCleanupJob_DeletesTokensOlderThanTheRetention_KeepsRecentOnes_APrunedFormPostedAgainCreatesLikeANewForm()
    {
        var client = await App.LoginAsync("anji.clerk");
        var title = UniqueTitle("令牌清理");
        var fields = Fields(title, sessions: (Today.AddDays(30), "09:00", "11:30"));
        var form = await client.GetStringAsync("/Courses/Create");
        fields["__RequestVerificationToken"] = FormClient.TokenOf(form);
        fields["SubmissionToken"] = SubmissionTokenPattern().Match(form).Groups[1].Value;
        var token = Guid.Parse(fields["SubmissionToken"]);
        var first = await client.PostAsync("/Courses/Create", new FormUrlEncodedContent(fields));
        var firstId = await App.QueryAsync(db => db.FormSubmissions.Where(s => s.Token == token).Select(s => s.RecordId).SingleAsync());
        var now = DateTimeOffset.UtcNow;
        var recent = Guid.NewGuid();
        await App.QueryAsync(async db =>
        {
            // The form's token as if posted 31 days ago; another one 29 days ago.
            await db.FormSubmissions.Where(s => s.Token == token).ExecuteUpdateAsync(u => u.SetProperty(s => s.CreatedAt, now.AddDays(-31)));
            db.FormSubmissions.Add(new FormSubmission { Token = recent, Kind = FormKinds.Course, RecordId = firstId, UserName = "anji.clerk", CreatedAt = now.AddDays(-29) });
            return await db.SaveChangesAsync();
        });

        using (var scope = App.Services.CreateScope())
        {
            var (context, _) = ReportJobsTests.ResultOnlyContext.Create();
            await ActivatorUtilities.CreateInstance<ImportCleanupJob>(scope.ServiceProvider).Execute(context);
        }

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.False(await App.QueryAsync(db => db.FormSubmissions.AnyAsync(s => s.Token == token)));
        Assert.True(await App.QueryAsync(db => db.FormSubmissions.AnyAsync(s => s.Token == recent)));
        Assert.False(await App.QueryAsync(db => db.FormSubmissions.AnyAsync(s => s.CreatedAt < now.AddDays(-FormSubmission.RetentionDays))));

        // The same form posted again after its token was pruned finds nothing: it creates a course as a new form would,
        // and records the token again (one-time for another 30 days). A new form repeating the course's county, title and
        // start date is saved only with "create anyway" ticked (fix29c), so the repost ticks it.
        fields["Input.CreateAnyway"] = "true";
        var again = await client.PostAsync("/Courses/Create", new FormUrlEncodedContent(fields));
        var ids = await App.QueryAsync(db => db.Courses.IgnoreQueryFilters([RegionFilter.Name]).Where(c => c.Title == title).OrderBy(c => c.Id).Select(c => c.Id).ToListAsync());
        Assert.Equal(2, ids.Count);
        Assert.Equal(firstId, ids[0]);
        Assert.Equal((HttpStatusCode.Redirect, $"/Courses/{ids[1]}"), (again.StatusCode, again.Headers.Location?.OriginalString));
        Assert.Equal(ids[1], await App.QueryAsync(db => db.FormSubmissions.Where(s => s.Token == token).Select(s => s.RecordId).SingleAsync()));
    }

    [GeneratedRegex("name=\"SubmissionToken\" value=\"([0-9a-f-]{36})\"")]
    private static partial Regex SubmissionTokenPattern();
}
