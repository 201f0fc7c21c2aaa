using TalentHub.Web.Infrastructure;
using System.ComponentModel.DataAnnotations;
using TalentHub.Web.Domain.Entities;

namespace TalentHub.Web.Pages.Entities;

/// <summary>The fields of the create and edit forms (PRODUCT.md §4).</summary>
public sealed class EntityInput
{
    private const string Required = "Validation.Required";
    /// <summary>A list left on its placeholder: 请选择… / Please choose….</summary>
    private const string Choose = "Validation.Choose";
    private const string TooLong = "Validation.TooLong";
    private const string OutOfRange = "Entity.OutOfRange";

    [Required(ErrorMessage = Required), StringLength(100, ErrorMessage = TooLong), Display(Name = "Entity.Name")]
    [Infrastructure.RealName]
    public string? Name { get; set; }

    [Required(ErrorMessage = Required), StringLength(40, ErrorMessage = TooLong), Display(Name = "Entity.CreditCode")]
    public string? CreditCode { get; set; }

    /// <summary>The user verified a code whose check digit fails (legally issued early pilot codes).</summary>
    [Display(Name = "Entity.CreditCodeConfirmed")]
    public bool CreditCodeConfirmed { get; set; }

    [Required(ErrorMessage = Choose), Display(Name = "Entity.Type")]
    public EntityType? Type { get; set; }

    [Required(ErrorMessage = Choose), Display(Name = "Entity.LegalRepresentative")]
    public int? LegalRepresentativeId { get; set; }

    [Display(Name = "Entity.RegisteredOn")]
    public DateOnly? RegisteredOn { get; set; }

    [Required(ErrorMessage = Choose), Display(Name = "Entity.Region")]
    public string? RegionCode { get; set; }

    [StringLength(200, ErrorMessage = TooLong), Display(Name = "Entity.Address")]
    public string? Address { get; set; }

    [StringLength(50, ErrorMessage = TooLong), Display(Name = "Entity.Industry")]
    public string? Industry { get; set; }

    [Range(0d, 999_999_999d, ErrorMessage = OutOfRange), Step("0.01"), Display(Name = "Entity.LandArea")]
    public decimal? LandArea { get; set; }

    [StringLength(100, ErrorMessage = TooLong), Display(Name = "Entity.LivestockScale")]
    public string? LivestockScale { get; set; }

    [Range(0, 10_000_000, ErrorMessage = OutOfRange), Display(Name = "Entity.Members")]
    public int? Members { get; set; }

    [Range(0, 1_000, ErrorMessage = OutOfRange), Display(Name = "Entity.FamilyLabour")]
    public int? FamilyLabour { get; set; }

    [Range(0, 10_000_000, ErrorMessage = OutOfRange), Display(Name = "Entity.Employees")]
    public int? Employees { get; set; }

    [Range(0, 10_000_000, ErrorMessage = OutOfRange), Display(Name = "Entity.HouseholdsDriven")]
    public int? HouseholdsDriven { get; set; }

    [Range(0d, 999_999_999d, ErrorMessage = OutOfRange), Step("0.01"), Display(Name = "Entity.AnnualRevenue")]
    public decimal? AnnualRevenue { get; set; }

    [Display(Name = "Entity.Rating")]
    public DemonstrationLevel? Rating { get; set; }

    [Range(1980, 2100, ErrorMessage = OutOfRange), Display(Name = "Entity.RatingYear")]
    public int? RatingYear { get; set; }

    /// <summary>The concurrency token the edit form was rendered with.</summary>
    public int Version { get; set; }

    public static EntityInput From(BusinessEntity e) => new()
    {
        Name = e.Name, CreditCode = e.CreditCode, CreditCodeConfirmed = e.CreditCodeWarningConfirmed, Type = e.Type,
        LegalRepresentativeId = e.LegalRepresentativeId, RegisteredOn = e.RegisteredOn, RegionCode = e.RegionCode,
        Address = e.Address, Industry = e.Industry, LandArea = e.LandArea, LivestockScale = e.LivestockScale,
        Members = e.Members, FamilyLabour = e.FamilyLabour, Employees = e.Employees, HouseholdsDriven = e.HouseholdsDriven,
        AnnualRevenue = e.AnnualRevenue, Rating = e.Rating, RatingYear = e.RatingYear, Version = e.Version,
    };
}
