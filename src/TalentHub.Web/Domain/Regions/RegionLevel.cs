namespace TalentHub.Web.Domain.Regions;

/// <summary>
/// The levels of the statistical division tree: 市 → 县/县级市/区 → 乡/镇/街道 → 村/社区; each node has a 12-digit code
/// (<see cref="RegionCodes"/>). Scoping and reports roll up to the county level.
/// </summary>
public enum RegionLevel
{
    City,
    County,
    Township,
    Village,
}
