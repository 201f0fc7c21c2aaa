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
}

public sealed class HttpRegionScope(IHttpContextAccessor accessor) : IRegionScope
{
    public const string RegionClaim = "talenthub:region";

    public string? CountyCode => For(accessor.HttpContext?.User);

    public static string? For(ClaimsPrincipal? user)
    {
        if (user?.Identity?.IsAuthenticated != true) return null;
        if (!Roles.All.Where(Roles.IsCountyBound).Any(user.IsInRole)) return null;
        var region = user.FindFirstValue(RegionClaim);
        // A county-bound user without a county sees nothing rather than everything.
        return region is not null && RegionCodes.IsValid(region) ? RegionCodes.CountyOf(region) ?? "none" : "none";
    }
}
