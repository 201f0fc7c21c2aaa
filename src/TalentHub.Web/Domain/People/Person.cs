using TalentHub.Web.Domain.Common;

namespace TalentHub.Web.Domain.People;

/// <summary>One real person in the talent registry, keyed by the resident ID number.</summary>
public sealed class Person : IRegionOwned
{
    public int Id { get; private set; }
    public string Name { get; set; } = "";

    /// <summary>Stored encrypted; <see cref="IdNumberHash"/> is the keyed hash used for lookups and duplicates.</summary>
    public string IdNumber { get; private set; } = "";
    public string IdNumberHash { get; private set; } = "";
    public Sex Sex { get; private set; }
    public DateOnly BirthDate { get; private set; }

    public string? Mobile { get; private set; }
    public string? MobileHash { get; private set; }
    public string? MobileTail { get; private set; }

    public string RegionCode { get; private set; } = "";
    public string CountyCode { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int Version { get; set; }

    public void SetIdNumber(IdNumber id, string hash)
    {
        IdNumber = id.Value;
        IdNumberHash = hash;
        Sex = id.Sex;
        BirthDate = id.BirthDate;
    }

    public void SetMobile(string? mobile, string? hash)
    {
        Mobile = mobile;
        MobileHash = hash;
        MobileTail = mobile?[^4..];
    }

    public void MoveTo(string villageCode)
    {
        RegionCode = villageCode;
        CountyCode = Regions.RegionCodes.CountyOf(villageCode)
            ?? throw new DomainException("Person.RegionMustBeInCounty", nameof(RegionCode));
    }
}
