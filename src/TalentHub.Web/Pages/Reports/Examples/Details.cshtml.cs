using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using TalentHub.Web.Data;
using TalentHub.Web.Domain;
using TalentHub.Web.Domain.Reports;
using TalentHub.Web.Infrastructure;
using TalentHub.Web.Services;
using TalentHub.Web.Services.Reports;

namespace TalentHub.Web.Pages.Reports.Examples;

/// <summary>
/// /Reports/Examples/{id}: one typical example with its photo; a city officer other than the proposer approves it or
/// rejects it with a reason (maker-checker, audited by the interceptor). Another county's example is 404.
/// </summary>
[Authorize(Policy = Policies.Officer)]
public sealed class DetailsModel(TalentHubDbContext db, ExamplesService examples, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public TypicalExample Example { get; private set; } = null!;
    public ExampleSubjectInfo? Info { get; private set; }
    /// <summary>Who proposed and who decided, by display name (<see cref="StaffNames"/>; the example stores logins).</summary>
    public StaffNames Staff { get; private set; } = null!;
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public int Version { get; set; }
    public bool CanDecide => User.Meets(Policies.CityOfficer) && Example.Status == ExampleStatus.Pending;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    /// <summary>The stored (cleaned) photo, within the region scope.</summary>
    public async Task<IActionResult> OnGetPhotoAsync(int id, CancellationToken ct)
    {
        var photo = await db.Examples.Where(e => e.Id == id).Select(e => e.Photo).FirstOrDefaultAsync(ct);
        return photo is null ? NotFound() : File(photo, "image/jpeg");
    }

    public Task<IActionResult> OnPostApproveAsync(int id, CancellationToken ct) =>
        DecideAsync(id, e => e.Approve(User.Identity!.Name!, clock.GetUtcNow()), "Example.Approved", ct);

    public Task<IActionResult> OnPostRejectAsync(int id, CancellationToken ct) =>
        DecideAsync(id, e => e.Reject(User.Identity!.Name!, Reason, clock.GetUtcNow()), "Example.Rejected", ct);

    private async Task<IActionResult> DecideAsync(int id, Action<TypicalExample> decide, string flash, CancellationToken ct)
    {
        if (!User.Meets(Policies.CityOfficer)) return Forbid();
        if (!await LoadAsync(id, ct)) return NotFound();
        if (ModelState.GetFieldValidationState(nameof(Version)) == Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
        {
            // A version that is not a number (a tampered form): the stale-edit message alone, nothing decided.
            ModelState.Remove(nameof(Version));
            ModelState.AddModelError("", l["Common.StaleEdit"]);
            return Page();
        }
        try { decide(Example); }
        catch (DomainException ex)
        {
            ModelState.AddModelError(ex.Field ?? "", l[ex.MessageKey, ex.Args]);
            return Page();
        }
        db.ExpectVersion(Example, Version);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", l["Common.StaleEdit"]);
            return Page();
        }
        TempData["Flash"] = l[flash].Value;
        return RedirectToPage("Details", new { id });
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var example = await db.Examples.FirstOrDefaultAsync(e => e.Id == id, ct);
        if (example is null) return false;
        Example = example;
        Info = await examples.SubjectAsync(example.Subject, example.PersonId ?? example.EntityId ?? 0, ct);
        Staff = await StaffNames.LoadAsync(db, [example.ProposedBy, example.DecidedBy], ct);
        return true;
    }
}
