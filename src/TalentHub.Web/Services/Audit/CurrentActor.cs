using System.Security.Claims;

namespace TalentHub.Web.Services.Audit;

/// <summary>Who is acting: the signed-in user of the request, or the system (jobs, seeding).</summary>
public sealed class CurrentActor(IHttpContextAccessor accessor)
{
    public const string SystemName = "system";

    public string? UserId => accessor.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier);

    /// <summary>
    /// The staff user name; for a farmer, whose user name is a keyed hash of the mobile, the display name.
    /// </summary>
    public string UserName
    {
        get
        {
            var user = accessor.HttpContext?.User;
            if (user?.Identity?.IsAuthenticated != true) return SystemName;
            return user.IsInRole(Domain.Roles.Farmer)
                ? user.FindFirstValue(Infrastructure.ClaimNames.Display) ?? SystemName
                : user.Identity.Name ?? SystemName;
        }
    }
}
