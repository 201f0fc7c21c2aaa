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
    TalentHubDbContext db, PersonRegistry registry, IRegionScope scope, IStringLocalizer<SharedResource> l, TimeProvider clock)
    : PersonFormPage(db, registry, scope, l)
{
    public override bool IsEdit => false;

    protected override bool UsesSubmissionToken => true;

    public Task<PageResult> OnGetAsync() => RedisplayAsync();

    /// <summary>
    /// Registers the person. The same form posted again (a double tap, the back button, two posts at once) goes to the person
    /// its first post created: that person is not "this ID number is already registered" (review34c).
    /// </summary>
    public async Task<IActionResult> OnPostAsync()
    {
        if (await SubmittedAsync(FormKinds.Person) is { } earlier) return Created(earlier);
        var (id, mobile) = await CheckAsync(personId: null, current: null);
        if (!ModelState.IsValid || id is null)
            // A post of this form at the same time may be what took the ID number: its person and token commit together.
            return await SubmittedAsync(FormKinds.Person) is { } meanwhile ? Created(meanwhile) : await RedisplayAsync();

        var person = new Person();
        Apply(person, id, mobile);
        try
        {
            return Created(await SaveNewOnceAsync(person, p => p.Id, FormKinds.Person, clock.GetUtcNow()));
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            // The unique hash index refused it after the check passed: this form's other post, or someone else's record.
            Db.ChangeTracker.Clear();
            if (await SubmittedAsync(FormKinds.Person) is { } other) return Created(other);
            if (await IdNumberFreeAsync(id, null)) throw;
            return await RedisplayAsync();
        }
    }

    private RedirectToPageResult Created(int id)
    {
        Flash("Person.Created", Input.Name.Trim());
        return RedirectToPage("/People/Details", new { id });
    }
}
