namespace TalentHub.Web.Domain.Regions;

public enum RegionLevel
{
    City,
    County,
    Township,
    Village,
}
