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
public sealed class EditModel(TalentHubDbContext db, IRegionScope scope, PersonalDataProtector protector,
    RegionDirectory regions, IStringLocalizer<SharedResource> l, TimeProvider clock) : EntityFormPageModel(db, scope, protector, regions, l, clock)
{
    public override bool IsEdit => true;
    public int Id { get; private set; }
    public string EntityName { get; private set; } = "";
    public EntityStatus Status { get; private set; }
    public bool CanEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        // The region scope filter hides another county's entity: that is a 404.
        var entity = await Db.BusinessEntities.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id);
        if (entity is null) return NotFound();
        Show(entity);
        Input = EntityInput.From(entity);
        await LoadChoicesAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostFindPeopleAsync(int id)
    {
        var entity = await Db.BusinessEntities.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id);
        if (entity is null) return NotFound();
        Show(entity);
        ModelState.Clear();
        await LoadChoicesAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        var entity = await Db.BusinessEntities.Include(e => e.People).FirstOrDefaultAsync(e => e.Id == id);
        if (entity is null) return NotFound();
        Show(entity);
        if (!CanEdit) return Page();
        if (await ApplyAsync(entity) && await SaveEditAsync(entity, Input.Version, () => CreditCodeFreeAsync(entity.CreditCode, id)))
        {
            FlashSaved("Entity.Saved");
            return RedirectToPage("/Entities/Details", new { id });
        }
        await LoadChoicesAsync();
        return Page();
    }

    private void Show(BusinessEntity entity)
    {
        Id = entity.Id;
        EntityName = entity.Name;
        Status = entity.Status;
        CanEdit = EntityRules.CanEdit(User, entity.Status);
    }
}
