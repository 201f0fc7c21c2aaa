using System.Security.Claims;
using TalentHub.Web.Domain;
using TalentHub.Web.Domain.Regions;

namespace TalentHub.Web.Services;

/// <summary>
/// The one place that decides which county's data the current request may see. The DbContext
/// applies it as a query filter to every <see cref="IRegionOwned"/> entity, so a county user asking
/// for another county's record by id finds nothing (and the page answers 404).
/// Outside a request (jobs, seeding) nothing is restricted.
/// </summary>
public interface IRegionScope
{
    /// <summary>The county a user is confined to, or null when they may see the whole city.</summary>
    string? CountyCode { get; }

    /// <summary>
    /// Whether a record placed at <paramref name="regionCode"/> (a 12-digit division code) lies inside this
    /// scope: the check every write path makes before it places a record ("is this village inside my county").
    /// </summary>
    bool Allows(string regionCode) => Allows(CountyCode, regionCode);

    /// <summary>
    /// The rule behind <see cref="Allows(string)"/> for code that holds only the scoped county code:
    /// no scope allows everything; a scope that is not a valid county ("none") allows nothing.
    /// </summary>
    static bool Allows(string? scopeCounty, string regionCode) =>
        scopeCounty is null
        || (RegionCodes.IsValid(scopeCounty) && RegionCodes.IsValid(regionCode) && RegionCodes.IsWithin(regionCode, scopeCounty));
}

/// <summary>
/// The region scope of the current request: a CountyOfficer's or CountyClerk's county from the region claim, narrowed
/// (never widened) by an API token's county; "none" (sees nothing) when a county-bound user has no valid county.
/// </summary>
public sealed class HttpRegionScope(IHttpContextAccessor accessor) : IRegionScope
{
    public const string RegionClaim = Infrastructure.ClaimNames.Region;

    public string? CountyCode => For(accessor.HttpContext?.User);

    /// <summary>
    /// The county (12-digit code) <paramref name="user"/> is confined to: null for city-wide roles and anonymous callers,
    /// "none" when the claims are inconsistent (a county-bound user without a county, or a token for another county).
    /// </summary>
    public static string? For(ClaimsPrincipal? user)
    {
        var own = OwnCounty(user);
        // A token for one county narrows the owner's scope; it never widens a county user's.
        if (user?.FindFirstValue(Infrastructure.ClaimNames.ScopeCounty) is not { } narrowed) return own;
        if (!RegionCodes.IsValid(narrowed) || RegionCodes.CountyOf(narrowed) != narrowed) return "none";
        return own is null || own == narrowed ? narrowed : "none";
    }

    private static string? OwnCounty(ClaimsPrincipal? user)
    {
        if (user?.Identity?.IsAuthenticated != true) return null;
        if (!Roles.All.Where(Roles.IsCountyBound).Any(user.IsInRole)) return null;
        var region = user.FindFirstValue(RegionClaim);
        // A county-bound user without a county sees nothing rather than everything.
        return region is not null && RegionCodes.IsValid(region) ? RegionCodes.CountyOf(region) ?? "none" : "none";
    }
}
