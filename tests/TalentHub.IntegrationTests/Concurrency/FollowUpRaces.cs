using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Data;
using TalentHub.Web.Domain.Training;
using TalentHub.Web.Services.Training;

namespace TalentHub.IntegrationTests.Concurrency;

/// <summary>
/// Two clerks recording the same follow-up at the same instant (run on SQLite and PostgreSQL). Both forms were shown before
/// either save, so both posts pass the page's stale-form check; <see cref="RivalSave"/> runs the winner's whole post between
/// the loser's read and its write. The database refuses the loser's UPDATE (RecordedAt is the task's concurrency token):
/// the loser gets the form again with the winner's outcome named, nothing of the loser's post is written (nor audited),
/// and saving again from that form replaces the winner's record knowingly (fix22: the loser silently overwrote it).
/// </summary>
public static class FollowUpRaces
{
    public static async Task SimultaneousSaves_TheLaterIsRefusedWithTheWinnersOutcome_NothingOfItWrittenAsync(TalentHubFactory app)
    {
        var id = await DueTaskAsync(app, 200);
        var url = $"/FollowUps/{id}";
        var winner = await app.LoginAsync("anji.officer");
        var loser = await app.LoginAsync("anji.clerk");
        var winnerForm = await winner.GetStringAsync(url);
        var loserForm = await loser.GetStringAsync(url);

        app.Rival.Arm<FollowUpTask>(async () =>
        {
            var won = await PostShownAsync(winner, url, winnerForm, new() { ["Input.Employed"] = "true", ["Input.IncomeChangePercent"] = "30" });
            Assert.Equal(HttpStatusCode.Redirect, won.StatusCode);
        });
        HttpResponseMessage lost;
        try
        {
            lost = await PostShownAsync(loser, url, loserForm, new() { ["Input.Unreachable"] = "true" });
            Assert.True(app.Rival.Ran, "the winner's post did not run before the loser's save");
        }
        finally { app.Rival.Disarm(); }

        var html = WebUtility.HtmlDecode(await lost.Content.ReadAsStringAsync());
        Assert.True(lost.StatusCode == HttpStatusCode.OK, $"{(int)lost.StatusCode}: {html[..Math.Min(html.Length, 2000)]}");
        Assert.Contains("安吉县农业农村局 陈晓燕 已于", html); // fix29a: the other clerk by name, not login
        Assert.Contains("实现就业", html);
        Assert.Contains("收入 +30%", html);
        var task = await app.QueryAsync(db => db.FollowUpTasks.SingleAsync(t => t.Id == id));
        Assert.Equal("anji.officer", task.RecordedBy);
        Assert.False(task.Unreachable);
        Assert.True(task.Employed);
        Assert.Equal(30m, task.IncomeChangePercent);
        Assert.Equal(1, await AuditedRecordsAsync(app, id));

        // The refused form carries the winner's stamp: saving it again replaces the winner's record, knowingly.
        var again = await PostShownAsync(loser, url, html, new() { ["Input.Unreachable"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        task = await app.QueryAsync(db => db.FollowUpTasks.SingleAsync(t => t.Id == id));
        Assert.True(task.Unreachable);
        Assert.Equal("anji.clerk", task.RecordedBy);
        Assert.Equal(2, await AuditedRecordsAsync(app, id));
    }

    public static async Task SimultaneousIdenticalSaves_TheLaterIsAcceptedQuietly_WrittenOnceAsync(TalentHubFactory app)
    {
        var id = await DueTaskAsync(app, 210);
        var url = $"/FollowUps/{id}";
        var winner = await app.LoginAsync("anji.officer");
        var loser = await app.LoginAsync("anji.clerk");
        var winnerForm = await winner.GetStringAsync(url);
        var loserForm = await loser.GetStringAsync(url);

        app.Rival.Arm<FollowUpTask>(() => PostShownAsync(winner, url, winnerForm, new() { ["Input.AdoptedTechnique"] = "true" }));
        HttpResponseMessage lost;
        try
        {
            lost = await PostShownAsync(loser, url, loserForm, new() { ["Input.AdoptedTechnique"] = "true", ["Input.Notes"] = " " });
            Assert.True(app.Rival.Ran, "the winner's post did not run before the loser's save");
        }
        finally { app.Rival.Disarm(); }

        Assert.Equal(HttpStatusCode.Redirect, lost.StatusCode);
        var task = await app.QueryAsync(db => db.FollowUpTasks.SingleAsync(t => t.Id == id));
        Assert.Equal("anji.officer", task.RecordedBy);
        Assert.True(task.AdoptedTechnique);
        Assert.Equal(1, await AuditedRecordsAsync(app, id));
    }

    /// <summary>How many changes of task <paramref name="id"/> the audit log holds.</summary>
    private static Task<int> AuditedRecordsAsync(TalentHubFactory app, int id)
    {
        var key = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return app.QueryAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == nameof(FollowUpTask) && a.EntityId == key && a.Action == AuditAction.Update));
    }

    /// <summary>Posts <paramref name="fields"/> with the antiforgery token and record stamp of the form as it was shown.</summary>
    public static Task<HttpResponseMessage> PostShownAsync(HttpClient client, string url, string form, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = FormClient.TokenOf(form);
        fields["Stamp"] = System.Text.RegularExpressions.Regex.Match(form, "name=\"Stamp\" value=\"([^\"]*)\"").Groups[1].Value;
        return client.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    /// <summary>The 3-month follow-up of a new trainee of an Anji course that ended <paramref name="daysAgo"/> days ago.</summary>
    private static async Task<int> DueTaskAsync(TalentHubFactory app, int daysAgo)
    {
        var course = await app.FinishedCourseAsync(1, endedDaysAgo: daysAgo);
        var farmer = (await app.TraineesAsync(course.Id, 1))[0];
        var enrollment = await app.EnrollmentIdAsync(course.Id, farmer.PersonId);
        await app.MarkAsync(course.Id, course.SessionIds[0], new Dictionary<int, AttendanceMark> { [enrollment] = AttendanceMark.Present });
        await app.CompleteAsync(course.Id);
        await app.RunAsync<FollowUpService, int>(s => s.CreateDueAsync());
        return await app.QueryAsync(db => db.FollowUpTasks.Where(t => t.CourseId == course.Id && t.Months == 3).Select(t => t.Id).SingleAsync());
    }
}
