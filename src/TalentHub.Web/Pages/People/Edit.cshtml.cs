using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using TalentHub.Web.Data;
using TalentHub.Web.Domain;
using TalentHub.Web.Domain.People;
using TalentHub.Web.Infrastructure;
using TalentHub.Web.Services;
using TalentHub.Web.Services.People;

namespace TalentHub.Web.Pages.People;

/// <summary>Edits a person; the ID number and mobile are never sent to the browser (empty keeps them).</summary>
[Authorize(Policy = Policies.RegistryStaff)]
public sealed class EditModel(
    TalentHubDbContext db, PersonRegistry registry, IRegionScope scope, IStringLocalizer<SharedResource> l)
    : PersonFormPage(db, registry, scope, l)
{
    public override bool IsEdit => true;
    public int Id { get; private set; }
    public string PersonName { get; private set; } = "";
    public Domain.Common.Sex CurrentSex { get; private set; }
    public DateOnly CurrentBirthDate { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var person = await LoadAsync(id);
        if (person is null) return NotFound();
        Fill(person);
        return await RedisplayAsync();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        var person = await LoadAsync(id);
        if (person is null) return NotFound();

        var (idNumber, mobile) = await CheckAsync(person.Id, person.IdNumber);
        if (!ModelState.IsValid || idNumber is null) return await RedisplayAsync();

        Apply(person, idNumber, Input.RemoveMobile ? null : mobile ?? person.Mobile);
        if (!await SaveEditAsync(person, Input.Version, () => IdNumberFreeAsync(idNumber, person.Id))) return await RedisplayAsync();
        FlashSaved("Person.Saved", person.Name);
        return RedirectToPage("/People/Details", new { id = person.Id });
    }

    /// <summary>The person with categories (the venture is owned and comes along); null outside the user's county.</summary>
    private async Task<Person?> LoadAsync(int id)
    {
        var person = await Db.People.Include(p => p.Categories).FirstOrDefaultAsync(p => p.Id == id);
        if (person is null) return null;
        Id = person.Id;
        PersonName = person.Name;
        CurrentSex = person.Sex;
        CurrentBirthDate = person.BirthDate;
        CurrentMaskedId = Domain.Common.Masking.IdNumber(person.IdNumber);
        CurrentIdKind = Domain.Common.IdNumber.KindOf(person.IdNumber);
        CurrentMaskedMobile = person.Mobile is null ? null : Domain.Common.Masking.Mobile(person.Mobile);
        return person;
    }
}
