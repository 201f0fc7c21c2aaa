using TalentHub.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Quartz;
using TalentHub.Web.Data;
using TalentHub.Web.Domain;
using TalentHub.Web.Jobs;

namespace TalentHub.Web.Pages.Admin;

/// <summary>The scheduler console: every job of <see cref="TalentHubJobs"/>, its trigger, and its last result.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class JobsModel(ISchedulerFactory schedulers, TalentHubDbContext db, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed record LastRun(DateTimeOffset StartedAt, DateTimeOffset FinishedAt, bool Succeeded, string? Message);

    /// <summary>One job's row: <paramref name="Name"/> is its key (kept in <c>data-job</c>, never shown); the admin reads
    /// <paramref name="DisplayName"/> and <paramref name="Description"/>, both localized.</summary>
    public sealed record Row(
        string Name, string DisplayName, string Description, string? Cron, TriggerState State,
        DateTimeOffset? NextFire, DateTimeOffset? PreviousFire, LastRun? Last)
    {
        public bool Paused => State == TriggerState.Paused;
    }

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var lastIds = await db.JobRuns.GroupBy(r => r.JobName).Select(g => g.Max(r => r.Id)).ToListAsync(cancellationToken);
        var lastRuns = await db.JobRuns.AsNoTracking().Where(r => lastIds.Contains(r.Id))
            .ToDictionaryAsync(r => r.JobName, r => new LastRun(r.StartedAt, r.FinishedAt, r.Succeeded, r.Message), cancellationToken);
        var rows = new List<Row>(TalentHubJobs.All.Count);
        foreach (var job in TalentHubJobs.All)
        {
            var trigger = await scheduler.GetTrigger(job.TriggerKey, cancellationToken);
            var state = trigger is null ? TriggerState.None : await scheduler.GetTriggerState(job.TriggerKey, cancellationToken);
            var last = lastRuns.GetValueOrDefault(job.Name);
            rows.Add(new Row(job.Name, l[job.NameKey], l[job.DescriptionKey], (trigger as ICronTrigger)?.CronExpressionString, state,
                trigger?.NextFireTimeUtc, trigger?.PreviousFireTimeUtc, last));
        }
        Rows = rows;
    }

    public Task<IActionResult> OnPostPauseAsync(string? name, CancellationToken cancellationToken) =>
        Act(name, "Jobs.Flash.Paused", async (s, job) => await s.PauseJob(job.Key, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostResumeAsync(string? name, CancellationToken cancellationToken) =>
        Act(name, "Jobs.Flash.Resumed", async (s, job) => await s.ResumeJob(job.Key, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostRunAsync(string? name, CancellationToken cancellationToken) =>
        Act(name, "Jobs.Flash.Triggered", async (s, job) => await s.TriggerJob(job.Key, cancellationToken: cancellationToken), cancellationToken);

    /// <summary>Only names from the table are acted on (anything else is a 404); then post-redirect-get with a flash.</summary>
    private async Task<IActionResult> Act(string? name, string flashKey, Func<IScheduler, JobDefinition, Task> action, CancellationToken cancellationToken)
    {
        if (TalentHubJobs.Find(name) is not { } job) return NotFound();
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        await action(scheduler, job);
        TempData["Flash"] = l[flashKey, l[job.NameKey]].Value;
        return RedirectToPage();
    }
}
