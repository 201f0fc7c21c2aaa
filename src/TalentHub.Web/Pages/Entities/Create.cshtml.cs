using TalentHub.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
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

    /// <summary>Creates the entity, once per form (<see cref="StaffFormPage{TInput}.CreateOnceAsync"/>).</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        var created = await CreateOnceAsync(FormKinds.Entity, async () =>
        {
            var entity = new BusinessEntity();
            return await ApplyAsync(entity) ? entity : null;
        }, e => e.Id, e => CreditCodeFreeAsync(e.CreditCode, 0), Clock.GetUtcNow());
        return created is { } id ? Created(id) : await RedisplayAsync();
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
