using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using TalentHub.Web.Data;
using TalentHub.Web.Domain;
using TalentHub.Web.Domain.Common;
using TalentHub.Web.Domain.People;
using TalentHub.Web.Domain.Regions;
using TalentHub.Web.Infrastructure;
using TalentHub.Web.Services;
using TalentHub.Web.Services.People;

namespace TalentHub.Web.Pages.People;

/// <summary>The fields of a person as the create and edit forms post them (PRODUCT.md §3).</summary>
public sealed class PersonInput
{
    [Required(ErrorMessage = "Validation.Required")] [StringLength(50, ErrorMessage = "Validation.TooLong")]
    [Infrastructure.RealName] [Display(Name = "Person.Name")] public string Name { get; set; } = "";
    /// <summary>Required on create; on edit an empty value keeps the current number (it is never sent to the browser).</summary>
    [StringLength(40, ErrorMessage = "Validation.TooLong")] [Display(Name = "Person.IdNumber")] public string? IdNumber { get; set; }
    [Display(Name = "Person.Sex")] public Sex? Sex { get; set; }
    [Display(Name = "Person.BirthDate")] [DataType(DataType.Date)] public DateOnly? BirthDate { get; set; }
    /// <summary>On edit an empty value keeps the current number unless <see cref="RemoveMobile"/>.</summary>
    [StringLength(20, ErrorMessage = "Validation.TooLong")] [Display(Name = "Person.Mobile")] public string? Mobile { get; set; }
    public bool RemoveMobile { get; set; }
    [StringLength(100, ErrorMessage = "Validation.TooLong")] [Email(ErrorMessage = "Person.EmailInvalid")] [Display(Name = "Person.Email")] public string? Email { get; set; }
    [Required(ErrorMessage = "Validation.Choose")] [Display(Name = "Person.Village")] public string RegionCode { get; set; } = "";
    [Display(Name = "Person.Education")] public EducationLevel? Education { get; set; }
    [StringLength(50, ErrorMessage = "Validation.TooLong")] [Display(Name = "Person.Industry")] public string? Industry { get; set; }
    [StringLength(200, ErrorMessage = "Validation.TooLong")] [Display(Name = "Person.Skills")] public string? Skills { get; set; }
    [StringLength(200, ErrorMessage = "Validation.TooLong")] [Display(Name = "Person.CertificatesHeld")] public string? CertificatesHeld { get; set; }
    [Display(Name = "Person.IncomeBand")] public IncomeBand? IncomeBand { get; set; }
    [StringLength(1000, ErrorMessage = "Validation.TooLong")] [Display(Name = "Person.Notes")] public string? Notes { get; set; }
    [Display(Name = "Person.Categories")] public List<TalentCategory> Categories { get; set; } = [];
    [Display(Name = "Person.LocalTalentType")] public LocalTalentType? LocalTalentType { get; set; }
    [Display(Name = "Person.Venture.Origin")] public EntrepreneurOrigin? Origin { get; set; }
    [Display(Name = "Person.Venture.ReturnedOn")] [DataType(DataType.Date)] public DateOnly? ReturnedOn { get; set; }
    [StringLength(100, ErrorMessage = "Validation.TooLong")] [Display(Name = "Person.Venture.Name")] public string? VentureName { get; set; }
    [StringLength(50, ErrorMessage = "Validation.TooLong")] [Display(Name = "Person.Venture.Industry")] public string? VentureIndustry { get; set; }
    [Range(typeof(decimal), "0", "9999999999", ErrorMessage = "Person.OutOfRange")] [Step("0.01")] [Display(Name = "Person.Venture.Investment")] public decimal? Investment { get; set; }
    [Range(0, 10_000_000, ErrorMessage = "Person.OutOfRange")] [Display(Name = "Person.Venture.JobsCreated")] public int? JobsCreated { get; set; }
    [Display(Name = "Person.Venture.Entity")] public int? EntityId { get; set; }
    public int Version { get; set; }
}

/// <summary>What the create and edit pages share: options, checks (every error next to its field) and applying the input.</summary>
public abstract class PersonFormPage(TalentHubDbContext db, PersonRegistry registry, IRegionScope scope, IStringLocalizer<SharedResource> l)
    : StaffFormPage<PersonInput>(db, l)
{
    public sealed record EntityOption(int Id, string Name);

    /// <summary>County staff choose villages of their own county only.</summary>
    public string? ScopeCounty => scope.CountyCode;
    public IReadOnlyList<EntityOption> Entities { get; private set; } = [];
    /// <summary>Edit only: the current identifiers, masked, shown as placeholders.</summary>
    public string? CurrentMaskedId { get; protected set; }

    /// <summary>The stored number's kind on an edit (the field's label names it: 港澳台居民居住证号 …); null on a new person (身份证号).</summary>
    public IdNumberKind? CurrentIdKind { get; protected set; }
    public string? CurrentMaskedMobile { get; protected set; }

    protected PersonRegistry Registry => registry;

    protected async Task<PageResult> RedisplayAsync()
    {
        Entities = await Db.BusinessEntities.AsNoTracking().OrderBy(e => EF.Functions.Collate(e.Name, Pinyin.Collation)).Select(e => new EntityOption(e.Id, e.Name)).ToListAsync();
        return Page();
    }

    /// <summary>
    /// Checks the whole input, writing each problem next to its field. Returns the ID number to store
    /// (the parsed input, else <paramref name="current"/>) and the parsed mobile (null when none was entered).
    /// </summary>
    protected async Task<(IdNumber? Id, string? Mobile)> CheckAsync(int? personId, string? current)
    {
        IdNumber? id = null;
        string? mobile = null;
        if (string.IsNullOrWhiteSpace(Input.IdNumber) && current is null)
            ModelState.AddModelError("Input.IdNumber", L["Validation.Required", L["Person.IdNumber"]]);
        if (!string.IsNullOrWhiteSpace(Input.IdNumber) || current is not null)
            Try(() =>
            {
                var entered = !string.IsNullOrWhiteSpace(Input.IdNumber);
                id = registry.ParseIdNumber(entered ? Input.IdNumber : current);
                Person.CheckAgreesWithIdNumber(id, Input.BirthDate, Input.Sex);
            });
        Try(() => mobile = PersonRegistry.ParseMobile(Input.Mobile));

        if (!string.IsNullOrEmpty(Input.RegionCode))
        {
            if (!await Db.Regions.AnyAsync(r => r.Code == Input.RegionCode && r.Level == RegionLevel.Village))
                ModelState.AddModelError("Input.RegionCode", L["Person.VillageInvalid"]);
            else if (!scope.Allows(Input.RegionCode))
                ModelState.AddModelError("Input.RegionCode", L["Person.VillageOutsideCounty"]);
        }
        if (Input.EntityId is { } entityId && !await Db.BusinessEntities.AnyAsync(e => e.Id == entityId))
            ModelState.AddModelError("Input.EntityId", L["Person.VentureEntityInvalid"]);
        Try(() => Person.CheckCategories(Input.Categories, Input.LocalTalentType, hasVenture: Input.Origin is not null));
        Try(() => Domain.People.Venture.CheckReturnedOn(Input.ReturnedOn, registry.Today));

        if (id is not null && (personId is null || id.Value != current))
            await IdNumberFreeAsync(id, personId);
        return (id, mobile);
    }

    /// <summary>
    /// True when no other person holds <paramref name="id"/>; else false with the duplicate error next to the ID number
    /// (also the recheck after a save refused by the unique hash index: someone registered the number in between).
    /// </summary>
    protected Task<bool> IdNumberFreeAsync(IdNumber id, int? personId) =>
        TryAsync(() => registry.EnsureNotDuplicateAsync(id, personId, HttpContext.RequestAborted));

    /// <summary>Writes the (checked) input into <paramref name="person"/> through the domain methods.</summary>
    protected void Apply(Person person, IdNumber id, string? mobile)
    {
        person.Name = Input.Name.Trim();
        registry.SetIdentifiers(person, id, mobile);
        person.MoveTo(Input.RegionCode);
        person.Email = Clean(Input.Email);
        person.Education = Input.Education;
        person.Industry = Clean(Input.Industry);
        person.Skills = Clean(Input.Skills);
        person.CertificatesHeld = Clean(Input.CertificatesHeld);
        person.IncomeBand = Input.IncomeBand;
        person.Notes = Clean(Input.Notes);
        person.SetCategories(Input.Categories, Input.LocalTalentType, Venture(person.Venture));
    }

    protected void Fill(Person person)
    {
        Input = new PersonInput
        {
            Name = person.Name, RegionCode = person.RegionCode, Email = person.Email, Education = person.Education, Industry = person.Industry,
            Skills = person.Skills, CertificatesHeld = person.CertificatesHeld, IncomeBand = person.IncomeBand, Notes = person.Notes,
            Categories = person.Categories.Select(c => c.Category).ToList(),
            LocalTalentType = person.Categories.FirstOrDefault(c => c.Category == TalentCategory.LocalTalent)?.LocalTalentType,
            Origin = person.Venture?.Origin, ReturnedOn = person.Venture?.ReturnedOn, VentureName = person.Venture?.Name,
            VentureIndustry = person.Venture?.Industry, Investment = person.Venture?.Investment,
            JobsCreated = person.Venture?.JobsCreated, EntityId = person.Venture?.EntityId, Version = person.Version,
        };
        CurrentMaskedId = Masking.IdNumber(person.IdNumber);
        CurrentIdKind = IdNumber.KindOf(person.IdNumber);
        CurrentMaskedMobile = person.Mobile is null ? null : Masking.Mobile(person.Mobile);
    }

    /// <summary>The venture block as entered (reusing the stored instance on edit), or null without an origin.</summary>
    private Venture? Venture(Venture? existing)
    {
        if (Input.Origin is not { } origin) return null;
        var venture = existing ?? new Venture();
        venture.Origin = origin;
        venture.ReturnedOn = Input.ReturnedOn;
        venture.Name = Clean(Input.VentureName);
        venture.Industry = Clean(Input.VentureIndustry);
        venture.Investment = Input.Investment;
        venture.JobsCreated = Input.JobsCreated;
        venture.EntityId = Input.EntityId;
        return venture;
    }
}
