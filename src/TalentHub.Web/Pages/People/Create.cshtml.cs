using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using TalentHub.Web.Data;
using TalentHub.Web.Domain;
using TalentHub.Web.Domain.People;
using TalentHub.Web.Infrastructure;
using TalentHub.Web.Services;

namespace TalentHub.Web.Pages.People;

[Authorize(Policy = Policies.RegistryStaff)]
public sealed class CreateModel(
    TalentHubDbContext db, PersonRegistry registry, IRegionScope scope, TimeProvider clock, IStringLocalizer<SharedResource> l)
    : PersonFormPage(db, registry, scope, l)
{
    public override bool IsEdit => false;

    public Task<PageResult> OnGetAsync() => RedisplayAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        var (id, mobile) = await CheckAsync(personId: null, current: null);
        if (!ModelState.IsValid || id is null) return await RedisplayAsync();

        var now = clock.GetUtcNow();
        var person = new Person { CreatedAt = now, UpdatedAt = now };
        Apply(person, id, mobile);
        Db.People.Add(person);
        try
        {
            await Db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            // Someone registered the same number a moment ago: the unique hash index refused it.
            Db.Entry(person).State = EntityState.Detached;
            try { await Registry.EnsureNotDuplicateAsync(id); }
            catch (DomainException ex) { ModelState.AddDomainError(ex, L); return await RedisplayAsync(); }
            throw;
        }
        TempData["Flash"] = L["Person.Created", person.Name].Value;
        return RedirectToPage("/People/Details", new { id = person.Id });
    }
}
