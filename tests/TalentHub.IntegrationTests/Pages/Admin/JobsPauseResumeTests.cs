using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TalentHub.Web.Data;
using Quartz;
using TalentHub.Web.Jobs;

namespace TalentHub.IntegrationTests.Pages.Admin;

/// <summary>
/// Pause and resume on /Admin/Jobs through the real forms: the scheduler's trigger state changes, the row
/// shows it and offers the opposite button, the flash names the job. On its own app, so pausing a job
/// cannot disturb other tests. The job paused is one the test app never fires on the clock (its cron is
/// <c>TalentHubFactory.NeverCron</c>), so its state is never "Executing" under the test; the other jobs do fire on
/// their crons, so "they run on" means "not paused" (Quartz 4 reports a running trigger as Executing).
/// </summary>
public sealed class JobsPauseResumeTests(TalentHubFactory app) : IClassFixture<TalentHubFactory>
{
    private const string Job = "DispatchReport";

    [Fact]
    public async Task Admin_PausesAJob_ThenResumesIt_AndThePageAndSchedulerFollow()
    {
        var admin = await app.LoginAsync("admin");
        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var trigger = TalentHubJobs.Find(Job)!.TriggerKey;
        Assert.Equal(TriggerState.Normal, await scheduler.GetTriggerState(trigger));

        var paused = await admin.PostFormAsync("/Admin/Jobs?handler=Pause", new() { ["name"] = Job }, formPage: "/Admin/Jobs");
        Assert.Equal(HttpStatusCode.Redirect, paused.StatusCode);
        Assert.Equal(TriggerState.Paused, await scheduler.GetTriggerState(trigger));
        var page = await admin.GetStringAsync(paused.Headers.Location!.ToString());
        Assert.Contains("已暂停任务“月度调度通报（每月1日）”。", page);
        var row = Row(page, Job);
        Assert.Contains("data-state=\"Paused\"", row);
        Assert.Contains("data-action=\"resume\"", row);
        Assert.DoesNotContain("data-action=\"pause\"", row);
        // The other jobs run on.
        foreach (var other in TalentHubJobs.All.Where(j => j.Name != Job))
            Assert.Contains(await scheduler.GetTriggerState(other.TriggerKey), RunningOn);

        var resumed = await admin.PostFormAsync("/Admin/Jobs?handler=Resume&culture=en", new() { ["name"] = Job }, formPage: "/Admin/Jobs?culture=en");
        Assert.Equal(HttpStatusCode.Redirect, resumed.StatusCode);
        Assert.Equal(TriggerState.Normal, await scheduler.GetTriggerState(trigger));
        page = await admin.GetStringAsync("/Admin/Jobs?culture=en");
        Assert.Contains("Resumed “Monthly dispatch report (1st of the month)”.", page);
        row = Row(page, Job);
        Assert.Contains("data-state=\"Normal\"", row);
        Assert.Contains("data-action=\"pause\"", row);
        Assert.DoesNotContain("data-action=\"resume\"", row);
    }

    /// <summary>
    /// Review34b: pausing, resuming and running a job now left no audit row (a paused nightly backup had no author). Each
    /// is one row under the job's name with the admin and the change; the audit page names the type and the job.
    /// </summary>
    [Fact]
    public async Task PauseResumeAndRunNow_AreEachAudited_WithTheAdminAndTheJob()
    {
        var admin = await app.LoginAsync("admin");
        var before = await app.QueryAsync(db => db.AuditEntries.Where(a => a.EntityType == "Job").Select(a => a.Id).ToListAsync());

        await admin.PostFormAsync("/Admin/Jobs?handler=Pause", new() { ["name"] = "ImportCleanup" }, formPage: "/Admin/Jobs");
        await admin.PostFormAsync("/Admin/Jobs?handler=Resume", new() { ["name"] = "ImportCleanup" }, formPage: "/Admin/Jobs");
        await admin.PostFormAsync("/Admin/Jobs?handler=Run", new() { ["name"] = "OutboxDispatch" }, formPage: "/Admin/Jobs");

        var rows = await app.QueryAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.EntityType == "Job" && !before.Contains(a.Id))
            .OrderBy(a => a.Id).ToListAsync());
        Assert.Equal(["ImportCleanup", "ImportCleanup", "OutboxDispatch"], rows.Select(r => r.EntityId));
        Assert.All(rows, r => Assert.Equal("admin", r.UserName));
        Assert.Equal([AuditAction.StatusChange, AuditAction.StatusChange, AuditAction.Update], rows.Select(r => r.Action));
        Assert.Equal("{\"Paused\":[false,true]}", rows[0].Changes);
        Assert.Equal("{\"Paused\":[true,false]}", rows[1].Changes);
        Assert.Equal("{\"RunNow\":[false,true]}", rows[2].Changes);

        var zh = await admin.GetStringAsync("/Admin/Audit?Type=Job");
        Assert.Contains("定时任务", zh);
        Assert.Contains("消息投递", zh);
        var en = await admin.GetStringAsync("/Admin/Audit?Type=Job&culture=en");
        Assert.Contains("Scheduled job", en);
        Assert.Contains("Notification delivery", en);
    }

    /// <summary>States of a trigger that is not paused: waiting for its next fire, or firing right now.</summary>
    private static readonly TriggerState[] RunningOn = [TriggerState.Normal, TriggerState.Executing, TriggerState.Blocked];

    [Fact]
    public async Task PausingAnUnknownJob_IsA404_AndChangesNothing()
    {
        var admin = await app.LoginAsync("admin");
        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();

        var response = await admin.PostFormAsync("/Admin/Jobs?handler=Pause", new() { ["name"] = "NoSuchJob" }, formPage: "/Admin/Jobs");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        foreach (var job in TalentHubJobs.All) Assert.NotEqual(TriggerState.Paused, await scheduler.GetTriggerState(job.TriggerKey));
    }

    [Fact]
    public async Task ANonAdmin_CannotPause()
    {
        var officer = await app.LoginAsync("city.officer");
        var admin = await app.LoginAsync("admin");
        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();

        // The officer posts with a valid token of their own session, taken from a page they may open.
        var response = await officer.PostFormAsync("/Admin/Jobs?handler=Pause", new() { ["name"] = "OutboxDispatch" }, formPage: "/People/Create");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Identity/Account/AccessDenied", response.Headers.Location!.PathAndQuery);
        Assert.NotEqual(TriggerState.Paused, await scheduler.GetTriggerState(TalentHubJobs.Find("OutboxDispatch")!.TriggerKey));
        Assert.Contains("data-job=\"OutboxDispatch\"", await admin.GetStringAsync("/Admin/Jobs"));
    }

    private static string Row(string html, string job)
    {
        var start = html.IndexOf($"<tr data-job=\"{job}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no row for {job}");
        return html[start..html.IndexOf("</tr>", start, StringComparison.Ordinal)];
    }
}
