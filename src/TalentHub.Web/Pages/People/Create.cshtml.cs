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
using TalentHub.Web.Services.People;

namespace TalentHub.Web.Pages.People;

[Authorize(Policy = Policies.RegistryStaff)]
public sealed class CreateModel(
    TalentHubDbContext db, PersonRegistry registry, IRegionScope scope, IStringLocalizer<SharedResource> l)
    : PersonFormPage(db, registry, scope, l)
{
    public override bool IsEdit => false;

    public Task<PageResult> OnGetAsync() => RedisplayAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        var (id, mobile) = await CheckAsync(personId: null, current: null);
        if (!ModelState.IsValid || id is null) return await RedisplayAsync();

        var person = new Person();
        Apply(person, id, mobile);
        // Someone may register the same number between the check and the insert: the unique hash index refuses it.
        if (!await SaveNewAsync(person, () => IdNumberFreeAsync(id, null))) return await RedisplayAsync();
        Flash("Person.Created", person.Name);
        return RedirectToPage("/People/Details", new { id = person.Id });
    }
}
