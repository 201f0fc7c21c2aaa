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
    RegionDirectory regions, IStringLocalizer<SharedResource> l) : EntityFormPageModel(db, scope, protector, regions, l)
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

    public async Task<IActionResult> OnPostAsync()
    {
        var entity = new BusinessEntity();
        if (!await ApplyAsync(entity) || !await SaveNewAsync(entity, () => CreditCodeFreeAsync(entity.CreditCode, 0)))
        {
            await LoadChoicesAsync();
            return Page();
        }
        Flash("Entity.Created");
        return RedirectToPage("/Entities/Details", new { id = entity.Id });
    }
}
