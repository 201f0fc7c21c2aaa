using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using TalentHub.Web.Data;
using TalentHub.Web.Domain;
using TalentHub.Web.Domain.Common;
using TalentHub.Web.Domain.People;
using TalentHub.Web.Infrastructure;
using TalentHub.Web.Services;
using TalentHub.Web.Services.People;

namespace TalentHub.Web.Pages.People;

[Authorize(Policy = Policies.RegistryStaff)]
public sealed class CreateModel(
    TalentHubDbContext db, PersonRegistry registry, IRegionScope scope, IStringLocalizer<SharedResource> l, TimeProvider clock)
    : PersonFormPage(db, registry, scope, l)
{
    public override bool IsEdit => false;

    protected override bool UsesSubmissionToken => true;

    public Task<PageResult> OnGetAsync() => RedisplayAsync();

    /// <summary>Registers the person, once per form (<see cref="StaffFormPage{TInput}.CreateOnceAsync"/>).</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        IdNumber? idNumber = null;
        var created = await CreateOnceAsync(FormKinds.Person, async () =>
        {
            var (id, mobile) = await CheckAsync(personId: null, current: null);
            if (!ModelState.IsValid || id is null) return null;
            idNumber = id;
            var person = new Person();
            Apply(person, id, mobile);
            return person;
        }, p => p.Id, _ => IdNumberFreeAsync(idNumber!, null), clock.GetUtcNow());
        return created is { } personId ? Created(personId) : await RedisplayAsync();
    }

    private RedirectToPageResult Created(int id)
    {
        Flash("Person.Created", Input.Name.Trim());
        return RedirectToPage("/People/Details", new { id });
    }
}
