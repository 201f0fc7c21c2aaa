using System.Security.Claims;

namespace TalentHub.Web.Services;

/// <summary>Who is acting: the signed-in user of the request, or the system (jobs, seeding).</summary>
public sealed class CurrentActor(IHttpContextAccessor accessor)
{
    public const string SystemName = "system";

    public string? UserId => accessor.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier);

    public string UserName => accessor.HttpContext?.User.Identity?.IsAuthenticated == true
        ? accessor.HttpContext.User.Identity.Name ?? SystemName
        : SystemName;
}
