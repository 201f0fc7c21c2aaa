using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using TalentHub.Web.Data;
using TalentHub.Web.Domain;
using TalentHub.Web.Domain.Training;
using TalentHub.Web.Infrastructure;

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
        [Display(Name = "FollowUp.Entity")]
        public int? EntityId { get; set; }
        public bool AdoptedTechnique { get; set; }
        [Range(-100, 1000, ErrorMessage = "FollowUp.IncomeRange"), Display(Name = "FollowUp.IncomeChange")]
        public decimal? IncomeChangePercent { get; set; }
        public bool Employed { get; set; }
        [StringLength(500, ErrorMessage = "Validation.TooLong"), Display(Name = "FollowUp.Notes")]
        public string? Notes { get; set; }
    }

    public sealed record Head(int Id, int PersonId, string Name, string CourseTitle, int Months, DateTimeOffset DueAt, DateTimeOffset? RecordedAt, string? RecordedBy);

    public Head Task { get; private set; } = null!;
    public IReadOnlyList<(int Id, string Name)> Entities { get; private set; } = [];
    [BindProperty] public InputModel Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadAsync(id)) return NotFound();
        var t = await db.FollowUpTasks.AsNoTracking().FirstAsync(x => x.Id == id);
        Input = new InputModel
        {
            Unreachable = t.Unreachable, StartedBusiness = t.StartedBusiness, VentureName = t.VentureName, JoinedEntity = t.JoinedEntity,
            EntityId = t.EntityId, AdoptedTechnique = t.AdoptedTechnique, IncomeChangePercent = t.IncomeChangePercent, Employed = t.Employed, Notes = t.Notes,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (!await LoadAsync(id)) return NotFound();
        // The linked entity must be one this user may see (another county's entity does not exist here).
        if (Input.EntityId is { } entityId && Entities.All(e => e.Id != entityId))
            ModelState.AddModelError("Input.EntityId", l["FollowUp.EntityRequired"]);
        if (!ModelState.IsValid) return Page();
        var task = await db.FollowUpTasks.FirstAsync(t => t.Id == id);
        try
        {
            task.Record(new FollowUpOutcome(Input.Unreachable, Input.StartedBusiness, Input.VentureName, Input.JoinedEntity, Input.EntityId,
                Input.AdoptedTechnique, Input.IncomeChangePercent, Input.Employed, Input.Notes), User.Identity?.Name, clock.GetUtcNow());
        }
        catch (DomainException e)
        {
            ModelState.AddModelError(e.Field ?? "", l[e.MessageKey]);
            return Page();
        }
        await db.SaveChangesAsync();
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
        Task = new Head(t.Id, t.PersonId, name, title, t.Months, t.DueAt, t.RecordedAt, t.RecordedBy);
        Entities = (await db.BusinessEntities.AsNoTracking().OrderBy(e => e.Name).Take(500).Select(e => new { e.Id, e.Name }).ToListAsync())
            .Select(e => (e.Id, e.Name)).ToList();
        return true;
    }
}
