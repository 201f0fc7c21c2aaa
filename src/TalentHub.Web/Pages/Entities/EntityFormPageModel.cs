using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using TalentHub.Web.Data;
using TalentHub.Web.Domain;
using TalentHub.Web.Domain.Common;
using TalentHub.Web.Domain.Entities;
using TalentHub.Web.Domain.Regions;
using TalentHub.Web.Infrastructure;
using TalentHub.Web.Services;

namespace TalentHub.Web.Pages.Entities;

/// <summary>What the create and edit pages share: the input, the person search and the rules that need the database.</summary>
public abstract class EntityFormPageModel(TalentHubDbContext db, IRegionScope scope, PersonalDataProtector protector,
    RegionDirectory regions, IStringLocalizer<SharedResource> l, TimeProvider clock) : StaffFormPage<EntityInput>(db, l)
{
    /// <summary>The clock the pages read "now" from.</summary>
    protected TimeProvider Clock => clock;

    /// <summary>Name, full ID number or mobile tail to find the legal representative.</summary>
    [BindProperty] public string? Who { get; set; }

    public IReadOnlyList<PersonChoice> PersonChoices { get; private set; } = [];

    /// <summary>Null for city-wide users; the region picker is then not limited.</summary>
    public string? ScopeCounty => scope.CountyCode;

    public bool CreditCodeFailsCheckDigit => CreditCode.Check(Input.CreditCode) == CreditCodeCheck.CheckDigitMismatch;

    /// <summary>
    /// Whether this user may confirm a credit code that fails its check digit: officers only (PRODUCT.md §4, "a failed check is a
    /// warning an officer must confirm"; policy Approver, so not the administrator, who approves nothing); a clerk is told to have a county officer verify it, and the form offers no tick box.
    /// </summary>
    public bool CanConfirmCreditCode => EntityRules.MayDecide(User);

    /// <summary>
    /// The confirmation that counts for <paramref name="typed"/>: an officer's tick; for a clerk only one an officer already gave
    /// to this very code (a clerk correcting the rest of a returned registration keeps it), never the clerk's own tick.
    /// </summary>
    private bool CreditCodeConfirmedFor(BusinessEntity entity, string typed, bool ticked) => CanConfirmCreditCode
        ? ticked
        : entity.CreditCodeWarningConfirmed && entity.CreditCode == CreditCode.Normalize(typed);

    protected async Task LoadChoicesAsync() =>
        PersonChoices = await Entities.PersonChoices.FindAsync(Db, protector, Who, Input.LegalRepresentativeId);

    /// <summary>
    /// Copies the input onto the entity through its domain methods; false (with field errors) when a rule fails. Each rule
    /// runs whenever the fields it reads passed their own checks, so every error shows in one round; nothing is saved then.
    /// </summary>
    protected async Task<bool> ApplyAsync(BusinessEntity entity)
    {
        var input = Input;
        if (Valid("Input.Name")) entity.Name = input.Name!.Trim();
        var typed = Valid("Input.Type");
        if (typed) entity.Type = input.Type!.Value;
        entity.Address = Clean(input.Address);
        entity.Industry = Clean(input.Industry);
        entity.LandArea = input.LandArea;
        entity.LivestockScale = Clean(input.LivestockScale);
        // Kind-specific figures (成员数 for cooperatives, 家庭劳动力 for family farms) are judged against the chosen type.
        if (typed && Valid("Input.Members")) Try(() => entity.SetMembers(input.Members));
        if (typed && Valid("Input.FamilyLabour")) Try(() => entity.SetFamilyLabour(input.FamilyLabour));
        entity.Employees = input.Employees;
        entity.HouseholdsDriven = input.HouseholdsDriven;
        entity.AnnualRevenue = input.AnnualRevenue;

        if (Valid("Input.CreditCode", "Input.CreditCodeConfirmed"))
        {
            var confirmed = CreditCodeConfirmedFor(entity, input.CreditCode!, input.CreditCodeConfirmed);
            if (!CanConfirmCreditCode && !confirmed && CreditCode.Check(CreditCode.Normalize(input.CreditCode!)) == CreditCodeCheck.CheckDigitMismatch)
                ModelState.AddModelError("Input.CreditCode", L["CreditCode.CheckDigitOfficer"]);
            // The prefix rule needs the type; without one only the code's own shape is checked.
            else if (!typed) Try(() => BusinessEntity.CheckCreditCode(input.CreditCode!, confirmed));
            else if (Try(() => entity.SetCreditCode(input.CreditCode!, confirmed)))
                await CreditCodeFreeAsync(entity.CreditCode, entity.Id);
        }
        var today = clock.ShanghaiToday();
        if (Valid("Input.RegisteredOn")) Try(() => entity.SetRegisteredOn(input.RegisteredOn, today));
        if (Valid("Input.Rating", "Input.RatingYear")) Try(() => entity.SetRating(input.Rating, input.RatingYear, today));

        if (Valid("Input.RegionCode"))
        {
            var region = input.RegionCode!;
            var village = await Db.Regions.AnyAsync(r => r.Code == region && r.Level == RegionLevel.Village);
            if (!village || !scope.Allows(region))
                ModelState.AddModelError("Input.RegionCode", L["Entity.VillageInvalid"]);
            else Try(() => entity.MoveTo(region));
        }

        if (Valid("Input.LegalRepresentativeId"))
        {
            var leader = input.LegalRepresentativeId!.Value;
            // The region filter applies: a person outside the user's county cannot be chosen.
            if (!await Db.People.AnyAsync(p => p.Id == leader))
                ModelState.AddModelError("Input.LegalRepresentativeId", L["Entity.PersonNotFound"]);
            else
            {
                entity.LegalRepresentativeId = leader;
                if (!entity.People.Any(p => p.PersonId == leader && p.Role == MemberRole.Leader))
                    Try(() => entity.Link(leader, MemberRole.Leader));
            }
        }
        return ModelState.IsValid;
    }

    /// <summary>
    /// True when no other entity holds <paramref name="code"/>; else false with the duplicate error next to the credit
    /// code (also the recheck after a save refused by the unique index: someone saved the code in between).
    /// </summary>
    protected Task<bool> CreditCodeFreeAsync(string code, int exceptId) => TryAsync(() => EnsureUniqueCreditCodeAsync(code, exceptId));

    /// <summary>Credit codes are unique city-wide; the message names only the county that holds the code.</summary>
    private async Task EnsureUniqueCreditCodeAsync(string code, int exceptId)
    {
        // Deliberately outside the region scope: the only place these pages look across counties.
        var holder = await Db.BusinessEntities.IgnoreQueryFilters([RegionFilter.Name])
            .Where(e => e.CreditCode == code && e.Id != exceptId)
            .Select(e => e.CountyCode)
            .FirstOrDefaultAsync();
        if (holder is not null)
            throw new DomainException("Entity.DuplicateCreditCode", nameof(BusinessEntity.CreditCode),
                (await regions.GetAsync([holder])).NameOf(holder) ?? holder);
        // A pending import (invisible until committed) holds the code in the unique index: say so instead of failing the save.
        if (await Db.BusinessEntities.IgnoreQueryFilters()
                .AnyAsync(e => e.CreditCode == code && EF.Property<long?>(e, ImportBatchFilter.Column) != null))
            throw new DomainException("Entity.BeingImported", nameof(BusinessEntity.CreditCode));
    }
}
