using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using TalentHub.Web.Data;
using TalentHub.Web.Domain.Common;
using TalentHub.Web.Domain.People;
using TalentHub.Web.Infrastructure;
using TalentHub.Web.Services;

namespace TalentHub.Web.Pages.Training.My;

/// <summary>
/// The farmer's own registry record (PRODUCT §1 "self-service: profile"): what the bureau holds about them, identifiers masked,
/// and the two fields they may keep up to date themselves, main industry and skills. Name, ID number, mobile (the log-in),
/// village and education decide identity and eligibility, so only county staff change them; the page says so. An edit saved
/// meanwhile from another tab or by staff refuses this one (the record's Version), as every staff edit does.
/// </summary>
[Authorize(Policy = Policies.Farmer)]
public sealed class ProfileModel(TalentHubDbContext db, RegionDirectory regions, IStringLocalizer<SharedResource> l)
    : StaffFormPage<ProfileModel.InputModel>(db, l)
{
    public sealed class InputModel
    {
        [StringLength(50, ErrorMessage = "Validation.TooLong")] [Display(Name = "Person.Industry")] public string? Industry { get; set; }
        [StringLength(200, ErrorMessage = "Validation.TooLong")] [Display(Name = "Person.Skills")] public string? Skills { get; set; }
        public int Version { get; set; }
    }

    public override bool IsEdit => true;
    public string Name { get; private set; } = "";
    public string MaskedIdNumber { get; private set; } = "";
    public Sex Sex { get; private set; }
    public DateOnly BirthDate { get; private set; }
    public string? MaskedMobile { get; private set; }
    public string Village { get; private set; } = "";
    public EducationLevel? Education { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadAsync() is not { } person) return NotFound();
        Input = new InputModel { Industry = person.Industry, Skills = person.Skills, Version = person.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await LoadAsync() is not { } person) return NotFound();
        if (!ModelState.IsValid) return Page();
        person.Industry = Clean(Input.Industry);
        person.Skills = Clean(Input.Skills);
        if (!await SaveEditAsync(person, Input.Version)) return Page();
        FlashSaved("Profile.Saved");
        return RedirectToPage();
    }

    /// <summary>The signed-in farmer's own person (never another's: the id comes from the sign-in, not the request).</summary>
    private async Task<Person?> LoadAsync()
    {
        if (FarmerPerson.Of(User) is not { } personId) return null;
        var person = await Db.People.IgnoreQueryFilters([RegionFilter.Name]).FirstOrDefaultAsync(p => p.Id == personId);
        if (person is null) return null;
        Name = person.Name;
        MaskedIdNumber = Masking.IdNumber(person.IdNumber);
        Sex = person.Sex;
        BirthDate = person.BirthDate;
        MaskedMobile = person.Mobile is null ? null : Masking.Mobile(person.Mobile);
        var tree = await regions.GetAsync();
        var village = tree.Find(person.RegionCode);
        Village = string.Join(" · ", new[] { person.CountyCode, village?.ParentCode, person.RegionCode }.Distinct()
            .Select(code => tree.NameOf(code)).Where(n => !string.IsNullOrEmpty(n)));
        Education = person.Education;
        return person;
    }
}
