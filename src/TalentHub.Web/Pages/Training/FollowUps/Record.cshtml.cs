using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using TalentHub.Web.Data;
using TalentHub.Web.Domain;
using TalentHub.Web.Domain.Common;
using TalentHub.Web.Domain.Training;
using TalentHub.Web.Infrastructure;
using TalentHub.Web.Services;
using TalentHub.Web.Services.Training;

namespace TalentHub.Web.Pages.Training.FollowUps;

/// <summary>
/// Records what became of a trainee at a follow-up: started a business (its name), joined or founded an
/// entity (linked to the registry), adopted a new technique, income change (%), employment — or that the
/// person could not be reached. Another county's task is a 404; the record is audited.
/// </summary>
[Authorize(Policy = Policies.RegistryStaff)]
public sealed class RecordModel(TalentHubDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed class InputModel
    {
        public bool Unreachable { get; set; }
        public bool StartedBusiness { get; set; }
        [StringLength(100, ErrorMessage = "Validation.TooLong"), Display(Name = "FollowUp.VentureName")]
        public string? VentureName { get; set; }
        public bool JoinedEntity { get; set; }
        /// <summary>The entity's name or 统一社会信用代码 (GB 32100), as typed; resolved among the entities this user may see.</summary>
        [StringLength(100, ErrorMessage = "Validation.TooLong"), Display(Name = "FollowUp.Entity")]
        public string? Entity { get; set; }
        public bool AdoptedTechnique { get; set; }
        [Range(-100d, 1000d, ErrorMessage = "FollowUp.IncomeRange"), Step("0.1"), Display(Name = "FollowUp.IncomeChange")]
        public decimal? IncomeChangePercent { get; set; }
        public bool Employed { get; set; }
        [StringLength(500, ErrorMessage = "Validation.TooLong"), Display(Name = "FollowUp.Notes")]
        public string? Notes { get; set; }
    }

    /// <summary>The task as the page heads it; <paramref name="RecordedBy"/> is the recorder's display name (<see cref="StaffNames"/>).</summary>
    public sealed record Head(int Id, int PersonId, string Name, string CourseTitle, int Months, DateTimeOffset DueAt, DateTimeOffset? RecordedAt, string? RecordedBy);

    public Head Task { get; private set; } = null!;
    /// <summary>Suggestions for the entity field: the task county's entities by name, at most <see cref="SuggestionCap"/>.</summary>
    public IReadOnlyList<string> EntitySuggestions { get; private set; } = [];

    /// <summary>Suggestions shown at most; any other entity the user may see is still found by its name or code.</summary>
    public const int SuggestionCap = 1000;
    [BindProperty] public InputModel Input { get; set; } = new();

    /// <summary>
    /// The record the form was shown with: its <see cref="FollowUpTask.RecordedAt"/> in UTC ticks, none while unrecorded. A save
    /// from a form shown before another clerk's record is refused (their outcome named), unless it saves what is already stored.
    /// Two saves at the same instant both pass this check; the database then refuses the later one (RecordedAt is the task's
    /// concurrency token, <c>FollowUpTaskConfiguration</c>) and it gets the same answer.
    /// </summary>
    [BindProperty] public long? Stamp { get; set; }

    /// <summary>The task is linked to an entity outside what this user may see (the city linked another county's); kept when the field is left empty.</summary>
    public bool LinkedOutOfScope { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadAsync(id)) return NotFound();
        var t = await db.FollowUpTasks.AsNoTracking().FirstAsync(x => x.Id == id);
        Input = new InputModel
        {
            Unreachable = t.Unreachable, StartedBusiness = t.StartedBusiness, VentureName = t.VentureName, JoinedEntity = t.JoinedEntity,
            Entity = t.EntityId is { } linked ? await LinkedEntityTextAsync(linked) : null,
            AdoptedTechnique = t.AdoptedTechnique, IncomeChangePercent = t.IncomeChangePercent, Employed = t.Employed, Notes = t.Notes,
        };
        Stamp = t.RecordedAt?.UtcTicks;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (!await LoadAsync(id)) return NotFound();
        var task = await db.FollowUpTasks.FirstAsync(t => t.Id == id);
        if (ModelState.GetFieldValidationState(nameof(Stamp)) == Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
        {
            // A stamp that is not a number (a tampered or damaged form) says nothing about what the form was shown with:
            // nothing saved, the expired-form message, and the stored record's stamp, so checking and saving again works.
            ModelState.Remove(nameof(Stamp));
            ModelState.AddModelError("", l["Form.Expired"]);
            Stamp = task.RecordedAt?.UtcTicks;
            return Page();
        }
        // Every rule runs whenever the fields it reads are valid, whatever else failed: all errors in one round.
        int? entityId = null;
        if (Input.JoinedEntity && ModelState.FieldsValid("Input.Entity") && !string.IsNullOrWhiteSpace(Input.Entity))
            entityId = await ResolveEntityAsync(Input.Entity);
        else if (Input.JoinedEntity && LinkedOutOfScope)
            entityId = task.EntityId; // left empty: the link this user cannot see stays as it is
        var outcome = new FollowUpOutcome(Input.Unreachable, Input.StartedBusiness, Input.VentureName, Input.JoinedEntity, entityId,
            Input.AdoptedTechnique, Input.IncomeChangePercent, Input.Employed, Input.Notes);
        foreach (var problem in FollowUpTask.Problems(outcome).Where(p => ModelState.FieldsValid(p.Field!)))
            ModelState.AddModelError(problem.Field!, l[problem.MessageKey]);
        if (!ModelState.IsValid) return Page();
        // Saved as it was shown: nothing written (no audit entry, no new stamp for another tab to trip on).
        if (task.RecordedAt is { } shown && shown.UtcTicks == Stamp && task.Holds(outcome))
        {
            TempData["Flash"] = l["Common.NothingChanged"].Value;
            return RedirectToPage("Index");
        }
        // Recorded since this form was shown: refused, or quietly accepted when it is already so. A task still unrecorded has
        // nothing to overwrite, whatever stamp was posted (a tampered one named an empty "other clerk's" record).
        if (task.RecordedAt is { } recorded && recorded.UtcTicks != Stamp) return await RecordedMeanwhileAsync(task, outcome);
        try
        {
            task.Record(outcome, User.Identity?.Name, clock.GetUtcNow());
        }
        catch (DomainException e)
        {
            ModelState.AddModelError(e.Field ?? "", l[e.MessageKey]);
            return Page();
        }
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another save got there between this post's read and its write (RecordedAt is the concurrency token): nothing
            // of this post is written, its audit row included; the same answer as a stale form's, with the winner's record.
            db.ChangeTracker.Clear();
            if (!await LoadAsync(id)) return NotFound();
            return await RecordedMeanwhileAsync(await db.FollowUpTasks.AsNoTracking().FirstAsync(t => t.Id == id), outcome);
        }
        return Saved();
    }

    /// <summary>
    /// The answer to a save from a form shown before <paramref name="current"/> was recorded: accepted quietly when it holds
    /// <paramref name="outcome"/> already (a double submit, or two clerks finding the same); otherwise the form again with
    /// the other clerk (by display name, <see cref="StaffNames"/>; "you" when it is the user's own earlier record) and their outcome named above it and <see cref="Stamp"/> moved on,
    /// so that saving again replaces it knowingly.
    /// </summary>
    private async Task<IActionResult> RecordedMeanwhileAsync(FollowUpTask current, FollowUpOutcome outcome)
    {
        if (current.Holds(outcome)) return Saved();
        var when = ShanghaiTime.FormatDateTime(current.RecordedAt);
        var what = FollowUpRow.OutcomeOf(current.Unreachable, current.StartedBusiness, current.JoinedEntity, current.AdoptedTechnique, current.Employed,
            current.IncomeChangePercent, l);
        // The earlier record may be this user's own (the back button, then saving again): then it is not "another clerk's".
        ModelState.AddModelError("", current.RecordedBy is { } by && by == User.Identity?.Name
            ? l["FollowUp.ChangedMeanwhileByYou", when, what]
            : l["FollowUp.ChangedMeanwhile", await StaffNames.OfAsync(db, current.RecordedBy) ?? "", when, what]);
        ModelState.Remove(nameof(Stamp));
        Stamp = current.RecordedAt?.UtcTicks;
        return Page();
    }

    private RedirectToPageResult Saved()
    {
        TempData["Flash"] = l["FollowUp.Recorded", Task.Name].Value;
        return RedirectToPage("Index");
    }

    private async Task<bool> LoadAsync(int id)
    {
        // Scoped by the task's county filter (a separate query: IgnoreQueryFilters would lift it for the whole query).
        var t = await db.FollowUpTasks.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id);
        if (t is null) return false;
        var name = await db.People.IgnoreQueryFilters([RegionFilter.Name]).Where(p => p.Id == t.PersonId).Select(p => p.Name).FirstAsync();
        var title = await db.Courses.IgnoreQueryFilters([RegionFilter.Name]).Where(c => c.Id == t.CourseId).Select(c => c.Title).FirstAsync();
        Task = new Head(t.Id, t.PersonId, name, title, t.Months, t.DueAt, t.RecordedAt, await StaffNames.OfAsync(db, t.RecordedBy));
        LinkedOutOfScope = t.EntityId is { } linked && !await db.BusinessEntities.AnyAsync(e => e.Id == linked);
        EntitySuggestions = await db.BusinessEntities.AsNoTracking().Where(e => e.CountyCode == t.CountyCode)
            .OrderBy(e => e.Name).Select(e => e.Name).Distinct().Take(SuggestionCap).ToListAsync();
        return true;
    }

    /// <summary>The linked entity as the field shows it: its name, or its credit code where another visible entity shares the name.</summary>
    private async Task<string?> LinkedEntityTextAsync(int id)
    {
        var linked = await db.BusinessEntities.AsNoTracking().Where(e => e.Id == id).Select(e => new { e.Name, e.CreditCode }).FirstOrDefaultAsync();
        if (linked is null) return null;
        return await db.BusinessEntities.CountAsync(e => e.Name == linked.Name) > 1 ? linked.CreditCode : linked.Name;
    }

    /// <summary>
    /// The entity typed by credit code or by exact name, among those this user may see (another county's entity does not
    /// exist here); null with a field error when none matches or a name is shared (then the code decides).
    /// </summary>
    private async Task<int?> ResolveEntityAsync(string typed)
    {
        var code = CreditCode.Normalize(typed);
        var name = TextNormalizer.Normalize(typed);
        var matches = await db.BusinessEntities.AsNoTracking().Where(e => e.CreditCode == code || e.Name == name)
            .Select(e => new { e.Id, ByCode = e.CreditCode == code }).Take(10).ToListAsync();
        if (matches.FirstOrDefault(m => m.ByCode) is { } byCode) return byCode.Id;
        if (matches.Count == 1) return matches[0].Id;
        ModelState.AddModelError("Input.Entity", matches.Count == 0 ? l["FollowUp.EntityUnknown", name] : l["FollowUp.EntityAmbiguous", name]);
        return null;
    }
}
