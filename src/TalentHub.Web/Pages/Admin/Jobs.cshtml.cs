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
using TalentHub.Web.Pages.Admin.Users;
using TalentHub.Web.Services.Audit;

namespace TalentHub.Web.Pages.Admin;

/// <summary>
/// The scheduler console: every job of <see cref="TalentHubJobs"/>, its trigger, and its last result. Pausing, resuming
/// and running a job now are audited as <see cref="AuditType"/> entries keyed by the job's name (review34b: pausing the
/// nightly backup left no trace of who did it).
/// </summary>
[Authorize(Policy = Policies.Admin)]
public sealed class JobsModel(ISchedulerFactory schedulers, TalentHubDbContext db, AuditLog audit, IStringLocalizer<SharedResource> l) : PageModel
{
    /// <summary>The audit log's type name for an admin's action on a job (<c>EntityId</c> is the job's name).</summary>
    public const string AuditType = "Job";

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
        Act(name, "Jobs.Flash.Paused", async (s, job) =>
        {
            var was = await IsPausedAsync(s, job, cancellationToken);
            await s.PauseJob(job.Key, cancellationToken);
            return (AuditAction.StatusChange, UserAccounts.Changes(("Paused", was, true)));
        }, cancellationToken);

    public Task<IActionResult> OnPostResumeAsync(string? name, CancellationToken cancellationToken) =>
        Act(name, "Jobs.Flash.Resumed", async (s, job) =>
        {
            var was = await IsPausedAsync(s, job, cancellationToken);
            await s.ResumeJob(job.Key, cancellationToken);
            return (AuditAction.StatusChange, UserAccounts.Changes(("Paused", was, false)));
        }, cancellationToken);

    public Task<IActionResult> OnPostRunAsync(string? name, CancellationToken cancellationToken) =>
        Act(name, "Jobs.Flash.Triggered", async (s, job) =>
        {
            await s.TriggerJob(job.Key, cancellationToken: cancellationToken);
            return (AuditAction.Update, UserAccounts.Changes(("RunNow", false, true)));
        }, cancellationToken);

    private static async Task<bool> IsPausedAsync(IScheduler scheduler, JobDefinition job, CancellationToken ct) =>
        await scheduler.GetTriggerState(job.TriggerKey, ct) == TriggerState.Paused;

    /// <summary>
    /// Only names from the table are acted on (anything else is a 404); the action returns what the audit row records
    /// (nothing when it changed nothing: pausing a paused job); then post-redirect-get with a flash.
    /// </summary>
    private async Task<IActionResult> Act(string? name, string flashKey, Func<IScheduler, JobDefinition, Task<(AuditAction Action, string Changes)>> action,
        CancellationToken cancellationToken)
    {
        if (TalentHubJobs.Find(name) is not { } job) return NotFound();
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var (done, changes) = await action(scheduler, job);
        if (changes != "{}")
        {
            audit.Record(done, AuditType, job.Name, changes);
            await db.SaveChangesAsync(CancellationToken.None);
        }
        TempData["Flash"] = l[flashKey, l[job.NameKey]].Value;
        return RedirectToPage();
    }
}
