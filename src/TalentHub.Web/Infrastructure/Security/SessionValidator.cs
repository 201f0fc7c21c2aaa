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
    /// <summary>
    /// The cookie's <c>OnValidatePrincipal</c>: Identity's validator when it is due (<see cref="IdentityRefreshDue"/>),
    /// then the per-request stamp comparison; a mismatch rejects the principal and signs the cookie out.
    /// </summary>
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        if (IdentityRefreshDue(context, services.GetRequiredService<IOptions<SecurityStampValidatorOptions>>().Value))
            await SecurityStampValidator.ValidatePrincipalAsync(context);
        if (context.Principal?.Identity?.IsAuthenticated != true) return;
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

    /// <summary>
    /// Whether Identity's <see cref="SecurityStampValidator{TUser}"/> would act on this cookie: the same test its
    /// <c>ValidateAsync</c> makes before anything else (no issue time, or issued more than
    /// <see cref="SecurityStampValidatorOptions.ValidationInterval"/> ago on the options' clock, else
    /// <see cref="TimeProvider.System"/>). When it is not due that validator does nothing, but resolving it builds its
    /// whole graph (<c>SignInManager</c>, <c>UserManager</c>, the user store, their metrics, which take the meter
    /// factory's lock): issue 12 (perf10), dotnet-trace of a warm signed-in <c>/People?q=王秀</c> put that construction
    /// at 3.3 % of the request's CPU, on every request, to refresh the claims once a minute.
    /// </summary>
    internal static bool IdentityRefreshDue(CookieValidatePrincipalContext context, SecurityStampValidatorOptions options) =>
        context.Properties.IssuedUtc is not { } issued
        || (options.TimeProvider ?? TimeProvider.System).GetUtcNow() - issued > options.ValidationInterval;
}
