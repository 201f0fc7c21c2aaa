using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TalentHub.Web.Data;

namespace TalentHub.Web.Infrastructure.Security;

/// <summary>
/// Ends sessions on the server: every signed-in request compares the cookie's security stamp with the
/// user's current one (one primary-key read; on SQLite kept until this process writes again, <see cref="UnchangedReads"/>),
/// so a logout, a lock, a password or two-factor change refuses every earlier cookie at once (ASVS 7.4.1). Identity's own validator still refreshes roles and
/// claims once a minute.
/// </summary>
public static class SessionValidator
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        await SecurityStampValidator.ValidatePrincipalAsync(context);
        if (context.Principal?.Identity?.IsAuthenticated != true) return;
        var services = context.HttpContext.RequestServices;
        var stampClaim = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        var userId = context.Principal.FindFirstValue(ClaimTypes.NameIdentifier);
        var stamp = context.Principal.FindFirstValue(stampClaim);
        // Same read as db.Users.Where(u => u.Id == userId).Select(u => u.SecurityStamp), without EF's query pipeline
        // (RawScalar); on SQLite reused until this process next writes anything (UnchangedReads).
        var current = userId is null ? null
            : await services.GetRequiredService<UnchangedReads>().ReadAsync("stamp:" + userId, () => RawScalar.ReadAsync(
                services.GetRequiredService<TalentHubDbContext>(), "SELECT \"SecurityStamp\" FROM \"AspNetUsers\" WHERE \"Id\" = @id", "id", userId)) as string;
        if (current is not null && current == stamp) return;
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }
}
