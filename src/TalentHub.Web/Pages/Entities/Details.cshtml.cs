using TalentHub.Web.Infrastructure;
using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using TalentHub.Web.Data;
using TalentHub.Web.Domain;
using TalentHub.Web.Domain.Common;
using TalentHub.Web.Domain.Entities;
using TalentHub.Web.Services;
using TalentHub.Web.Services.Audit;

namespace TalentHub.Web.Pages.Entities;

[Authorize(Policy = Policies.RegistryStaff)]
public sealed class DetailsModel(TalentHubDbContext db, PersonalDataProtector protector, CurrentActor actor,
    IStringLocalizer<SharedResource> l, TimeProvider clock, RegionDirectory regionDirectory) : PageModel
{
    public sealed record Member(int Id, int PersonId, string Name, string MaskedId, MemberRole Role);

    public BusinessEntity Entity { get; private set; } = null!;
    public string Region { get; private set; } = "";
    public string? LegalRepresentative { get; private set; }
    public IReadOnlyList<Member> Members { get; private set; } = [];
    public IReadOnlyList<EntityStatusChange> History { get; private set; } = [];
    public IReadOnlyList<EntityStatus> NextSteps { get; private set; } = [];
    /// <summary>This user submitted the registration, so another officer must approve or return it.</summary>
    public bool IsSubmitter { get; private set; }
    public bool CanEdit { get; private set; }
    public IReadOnlyList<PersonChoice> PersonChoices { get; private set; } = [];

    [BindProperty(SupportsGet = true, Name = "who")] public string? Who { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostMoveAsync(int id, EntityStatus to, int? version)
    {
        // The region scope filter hides another county's entity: that is a 404 for every handler too.
        var entity = await db.BusinessEntities.FirstOrDefaultAsync(e => e.Id == id);
        if (entity is null) return NotFound();
        // Approving or returning a registration is an officer's decision (PRODUCT.md §1), outside the administrator's role: 403,
        // as for a course move the role may not make. (A clerk is told by the domain that only officers may.)
        if (EntityLifecycle.IsDecision(entity.Status, to) && EntityRules.IsOfficer(User) && !EntityRules.MayDecide(User)) return Forbid();
        if (ModelState.GetFieldValidationState(nameof(version)) == Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
        {
            // A version that is not a number (a tampered form) would bind as none and skip the concurrency check.
            ModelState.AddModelError("", l["Common.StaleEdit"]);
            return await LoadAsync(id) ? Page() : NotFound();
        }
        if (entity.Status == to)
        {
            // Already there (the button clicked twice, or the step taken in another tab or by another officer): no step
            // repeats itself, so nothing is written and the page says where it stands, not "not allowed" or "changed by
            // someone else" (rev35b).
            TempData["Flash"] = l["Entity.AlreadyInStatus", l["EntityStatus." + to]].Value;
            return RedirectToPage("/Entities/Details", new { id });
        }
        try
        {
            entity.MoveStatus(to, actor.UserId ?? "", EntityRules.DisplayName(User), EntityRules.IsOfficer(User), Reason, clock.GetUtcNow());
            if (version is { } v) db.ExpectVersion(entity, v);
            await db.SaveChangesAsync();
            TempData["Flash"] = l["Entity.Moved", l["EntityStatus." + to]].Value;
            return RedirectToPage("/Entities/Details", new { id });
        }
        catch (DomainException ex)
        {
            ModelState.AddModelError(ex.Field == "Reason" ? nameof(Reason) : "", l[ex.MessageKey, ex.Args]);
        }
        catch (DbUpdateConcurrencyException)
        {
            // The same step posted twice at once (two tabs, two officers approving): the other post took it first.
            db.ChangeTracker.Clear();
            if (await db.BusinessEntities.AsNoTracking().Where(e => e.Id == id).Select(e => (EntityStatus?)e.Status).FirstOrDefaultAsync() == to)
            {
                TempData["Flash"] = l["Entity.AlreadyInStatus", l["EntityStatus." + to]].Value;
                return RedirectToPage("/Entities/Details", new { id });
            }
            ModelState.AddModelError("", l["Common.StaleEdit"]);
        }
        db.ChangeTracker.Clear();
        return await LoadAsync(id) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostLinkAsync(int id, int? personId, MemberRole? role)
    {
        var entity = await db.BusinessEntities.Include(e => e.People).FirstOrDefaultAsync(e => e.Id == id);
        if (entity is null) return NotFound();
        // A role missing or not one of the four (a damaged or tampered form) is no role: it was bound as the enum's first
        // value, so the person was linked as 负责人 (leader) unasked (rev37c).
        ModelState.Remove(nameof(role));
        if (role is not { } chosen || !Enum.IsDefined(chosen)) ModelState.AddModelError(nameof(role), l["Validation.Choose", l["Entity.Role"]]);
        // The person must be visible in the user's scope, like the entity.
        if (!entity.CanChangeMembers) ModelState.AddModelError("", l[entity.MembersLockedKey]);
        else if (personId is null || !await db.People.AnyAsync(p => p.Id == personId)) ModelState.AddModelError("personId", l["Entity.PersonNotFound"]);
        else if (ModelState.IsValid)
        {
            try
            {
                entity.Link(personId.Value, role!.Value);
                await db.SaveChangesAsync();
                TempData["Flash"] = l["Entity.Linked"].Value;
                return RedirectToPage("/Entities/Details", null, new { id }, "people");
            }
            catch (DomainException ex) { ModelState.AddModelError("personId", l[ex.MessageKey, ex.Args]); }
            // Another user linked the same person in the same role since this request loaded the members: the unique
            // (EntityId, PersonId, Role) index refused the row; the same message as the domain's check.
            catch (DbUpdateException ex) when (UniqueViolation.Is(ex)) { ModelState.AddModelError("personId", l["Entity.AlreadyLinked"]); }
        }
        db.ChangeTracker.Clear();
        return await LoadAsync(id) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostUnlinkAsync(int id, int memberId)
    {
        var entity = await db.BusinessEntities.Include(e => e.People).FirstOrDefaultAsync(e => e.Id == id);
        if (entity is null) return NotFound();
        var member = entity.People.FirstOrDefault(m => m.Id == memberId);
        if (member is null)
        {
            // Already removed (the button clicked twice, or in another tab): nothing to write, and the page says so instead
            // of a 404 page for a removal that did happen (rev35b).
            TempData["Flash"] = l["Entity.AlreadyUnlinked"].Value;
            return RedirectToPage("/Entities/Details", null, new { id }, "people");
        }
        try
        {
            entity.Unlink(member.Id);
            await db.SaveChangesAsync();
            TempData["Flash"] = l["Entity.Unlinked"].Value;
            return RedirectToPage("/Entities/Details", null, new { id }, "people");
        }
        catch (DomainException ex) { ModelState.AddDomainError(ex, l); }
        catch (DbUpdateConcurrencyException)
        {
            // The same removal posted twice at once: the other post deleted the row first, and this one deleted nothing.
            db.ChangeTracker.Clear();
            TempData["Flash"] = l["Entity.AlreadyUnlinked"].Value;
            return RedirectToPage("/Entities/Details", null, new { id }, "people");
        }
        db.ChangeTracker.Clear();
        return await LoadAsync(id) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(int id)
    {
        var entity = await db.BusinessEntities.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id);
        if (entity is null) return false;
        Entity = entity;
        var township = entity.RegionCode[..9] + "000";
        var tree = await regionDirectory.GetAsync();
        Region = string.Join(" · ", new[] { entity.CountyCode, township, entity.RegionCode }.Distinct().Order(StringComparer.Ordinal)
            .Select(tree.NameOf).OfType<string>());
        LegalRepresentative = await db.People.AsNoTracking().Where(p => p.Id == entity.LegalRepresentativeId)
            .Select(p => p.Name).FirstOrDefaultAsync();
        var members = await db.Set<EntityMember>().AsNoTracking().Where(m => m.EntityId == id)
            .Join(db.People, m => m.PersonId, p => p.Id, (m, p) => new { m.Id, m.PersonId, p.Name, p.IdNumber, m.Role })
            .ToListAsync();
        Members = members.OrderBy(m => m.Role).ThenBy(m => m.Name, StringComparer.Ordinal)
            .Select(m => new Member(m.Id, m.PersonId, m.Name, Masking.IdNumber(m.IdNumber), m.Role)).ToList();
        History = await db.Set<EntityStatusChange>().AsNoTracking().Where(h => h.EntityId == id).OrderBy(h => h.Id).ToListAsync();
        IsSubmitter = entity.Status == EntityStatus.Submitted && entity.SubmittedByUserId == actor.UserId;
        NextSteps = EntityRules.NextSteps(User, entity.Status)
            .Where(to => !(IsSubmitter && to is EntityStatus.Approved or EntityStatus.Returned)).ToList();
        CanEdit = EntityRules.CanEdit(User, entity.Status);
        if (entity.CanChangeMembers) PersonChoices = await Entities.PersonChoices.FindAsync(db, protector, Who);
        return true;
    }
}
