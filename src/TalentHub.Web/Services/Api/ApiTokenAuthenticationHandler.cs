using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TalentHub.Web.Data;
using TalentHub.Web.Infrastructure;

namespace TalentHub.Web.Services.Api;

/// <summary>
/// <c>Authorization: Bearer thk_…</c>: finds the token by the hash of the secret, refuses a revoked or expired one
/// or a locked owner, and signs the request in as the owner through the same claims factory as the login
/// (so roles, policies, region scope and masking run their usual code), narrowed by the token's claims:
/// <see cref="ClaimNames.ScopeCounty"/>, one <see cref="ClaimNames.ApiResource"/> per resource and
/// <see cref="ClaimNames.ApiReveal"/>. Records the last use (without an audit row: reads are not changes).
/// </summary>
public sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    TalentHubDbContext db, UserManager<AppUser> users, IUserClaimsPrincipalFactory<AppUser> claims,
    IOptions<IdentityOptions> identity, TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";

    /// <summary>The secret of a Bearer header, or null.</summary>
    public static string? SecretOf(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && header.Length > 7 ? header[7..].Trim() : null;
    }

    private static readonly TimeSpan LastUseResolution = TimeSpan.FromMinutes(1);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (SecretOf(Request) is not { } secret) return AuthenticateResult.NoResult();
        var hash = ApiTokens.Hash(secret);
        var now = clock.GetUtcNow();
        var token = await db.ApiTokens.AsNoTracking().FirstOrDefaultAsync(t => t.SecretHash == hash, Context.RequestAborted);
        if (token is null || !token.IsUsableAt(now)) return AuthenticateResult.Fail("invalid token");
        var owner = await users.FindByIdAsync(token.OwnerUserId);
        if (owner is null || await users.IsLockedOutAsync(owner)) return AuthenticateResult.Fail("owner unavailable");

        var principal = await claims.CreateAsync(owner);
        var id = new ClaimsIdentity(principal.Claims, SchemeName, identity.Value.ClaimsIdentity.UserNameClaimType, identity.Value.ClaimsIdentity.RoleClaimType);
        id.AddClaim(new Claim(ClaimNames.ApiToken, token.Id.ToString(CultureInfo.InvariantCulture)));
        if (!ApiTokens.IsCity(token.RegionCode)) id.AddClaim(new Claim(ClaimNames.ScopeCounty, token.RegionCode));
        foreach (var resource in token.ResourceList) id.AddClaim(new Claim(ClaimNames.ApiResource, resource));
        if (token.CanReveal) id.AddClaim(new Claim(ClaimNames.ApiReveal, "true"));

        // Last use is kept to the minute: a write on every read request would take SQLite's write lock per call.
        if (token.LastUsedAt is not { } last || now - last >= LastUseResolution)
            await db.ApiTokens.Where(t => t.Id == token.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), Context.RequestAborted);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(id), SchemeName));
    }

    /// <summary>
    /// 401 with a problem saying what is wrong with the credentials: none sent (<c>Api.Problem.401.Missing</c>), an
    /// Authorization header that is not <c>Bearer &lt;token&gt;</c> (<c>Api.Problem.401.Malformed</c>), or a token that is
    /// unknown, expired, revoked or whose owner is locked (<c>Api.Problem.401.Detail</c>; which one is not told).
    /// </summary>
    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        var l = Context.RequestServices.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<SharedResource>>();
        var detail = string.IsNullOrWhiteSpace(Request.Headers.Authorization.ToString()) ? l["Api.Problem.401.Missing"].Value
            : SecretOf(Request) is null ? l["Api.Problem.401.Malformed"].Value
            : null;
        return ApiProblems.WriteAsync(Context, StatusCodes.Status401Unauthorized, detail);
    }

    /// <summary>
    /// 403 problem. A token whose owner no longer holds a registry role (made a trainer or a farmer after the token was
    /// issued) says so (<c>Api.Problem.403.Owner</c>; review37b: it was told the token was not granted the resource it was).
    /// </summary>
    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        var l = Context.RequestServices.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<SharedResource>>();
        var registry = Policies.All[Policies.RegistryStaff].Any(Context.User.IsInRole);
        return ApiProblems.WriteAsync(Context, StatusCodes.Status403Forbidden, registry ? null : l["Api.Problem.403.Owner"].Value);
    }
}
