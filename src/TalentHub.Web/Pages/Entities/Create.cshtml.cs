using TalentHub.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using TalentHub.Web.Data;
using TalentHub.Web.Domain;
using TalentHub.Web.Domain.Entities;
using TalentHub.Web.Services;

namespace TalentHub.Web.Pages.Entities;

[Authorize(Policy = Policies.RegistryStaff)]
public sealed class CreateModel(TalentHubDbContext db, IRegionScope scope, PersonalDataProtector protector,
    RegionDirectory regions, IStringLocalizer<SharedResource> l, TimeProvider clock) : EntityFormPageModel(db, scope, protector, regions, l, clock)
{
    public override bool IsEdit => false;
    public async Task OnGetAsync() => await LoadChoicesAsync();

    /// <summary>Re-shows the form with the people matching <see cref="EntityFormPageModel.Who"/>, keeping what was typed.</summary>
    public async Task<IActionResult> OnPostFindPeopleAsync()
    {
        ModelState.Clear();
        await LoadChoicesAsync();
        return Page();
    }

    protected override bool UsesSubmissionToken => true;

    /// <summary>
    /// Creates the entity. The same form posted again (a double tap, the back button, two posts at once) goes to the entity
    /// its first post created: that entity is not "this credit code is already registered" (review34c).
    /// </summary>
    public async Task<IActionResult> OnPostAsync()
    {
        if (await SubmittedAsync(FormKinds.Entity) is { } earlier) return Created(earlier);
        var entity = new BusinessEntity();
        if (!await ApplyAsync(entity))
            // A post of this form at the same time may be what took the credit code: its entity and token commit together.
            return await SubmittedAsync(FormKinds.Entity) is { } meanwhile ? Created(meanwhile) : await RedisplayAsync();
        try
        {
            return Created(await SaveNewOnceAsync(entity, e => e.Id, FormKinds.Entity, Clock.GetUtcNow()));
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            // The unique index refused it after the check passed: this form's other post, or another clerk's entity.
            Db.ChangeTracker.Clear();
            if (await SubmittedAsync(FormKinds.Entity) is { } other) return Created(other);
            if (await CreditCodeFreeAsync(entity.CreditCode, 0)) throw;
            return await RedisplayAsync();
        }
    }

    private async Task<IActionResult> RedisplayAsync()
    {
        await LoadChoicesAsync();
        return Page();
    }

    private RedirectToPageResult Created(int id)
    {
        Flash("Entity.Created");
        return RedirectToPage("/Entities/Details", new { id });
    }
}
