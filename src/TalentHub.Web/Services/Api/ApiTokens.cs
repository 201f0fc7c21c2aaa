using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Data;
using TalentHub.Web.Domain;
using TalentHub.Web.Domain.Api;
using TalentHub.Web.Domain.Regions;
using TalentHub.Web.Infrastructure;
using TalentHub.Web.Services.Audit;

namespace TalentHub.Web.Services.Api;

/// <summary>What an issuer asks for on /Admin/ApiTokens.</summary>
public sealed record ApiTokenRequest(string? Name, string? OwnerUserName, string? RegionCode, IReadOnlyList<string> Resources,
    bool CanReveal, DateOnly? ExpiresOn);

/// <summary>A new token and its secret (shown once), or the broken rules when nothing was issued.</summary>
public sealed record ApiTokenResult(ApiToken? Token, string? Secret, IReadOnlyList<DomainException> Errors);

/// <summary>
/// Issues and revokes API tokens (issue 14). The secret is 32 random bytes shown once; only its SHA-256 is kept.
/// Issuing and revoking are audited as "ApiToken" entries.
/// </summary>
public sealed class ApiTokens(TalentHubDbContext db, UserManager<AppUser> users, AuditLog audit, TimeProvider clock)
{
    public const string AuditType = "ApiToken";
    public const string SecretPrefix = "thk_";

    /// <summary>Lower-case hex SHA-256 of a presented secret (what the database holds).</summary>
    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>
    /// Issues a token for <paramref name="issuer"/> (Admin or CityOfficer). The owner must be registry staff, and an
    /// administrator only when the issuer is one;
    /// a county-bound owner gets at most its own county; reveal rights need an issuer and an owner who may reveal.
    /// Returns the token and its secret (shown once), or every broken rule (nothing written).
    /// </summary>
    public async Task<ApiTokenResult> IssueAsync(ClaimsPrincipal issuer, ApiTokenRequest request, CancellationToken ct = default)
    {
        var errors = new List<DomainException>();
        var owner = string.IsNullOrWhiteSpace(request.OwnerUserName) ? null : await users.FindByNameAsync(request.OwnerUserName.Trim());
        var ownerRoles = owner is null ? [] : await users.GetRolesAsync(owner);
        if (owner is null || !ownerRoles.Any(r => Policies.All[Policies.RegistryStaff].Contains(r)))
            errors.Add(new DomainException("ApiTokens.OwnerInvalid", "OwnerUserName"));
        // As on the user pages, a city officer may not act for an administrator's account (fix34e).
        else if (ownerRoles.Contains(Roles.Admin) && !issuer.IsInRole(Roles.Admin))
            errors.Add(new DomainException("ApiTokens.OwnerAdminNotAllowed", "OwnerUserName"));
        var region = request.RegionCode ?? "";
        var isCity = IsCity(region);
        if (!(isCity || (RegionCodes.IsValid(region) && RegionCodes.CountyOf(region) == region)) || !await db.Regions.AnyAsync(r => r.Code == region, ct))
            errors.Add(new DomainException("ApiTokens.RegionInvalid", "RegionCode"));
        else if (owner is not null && ownerRoles.Any(Roles.IsCountyBound) && (owner.RegionCode is null || !RegionCodes.IsValid(owner.RegionCode)
                     || RegionCodes.CountyOf(owner.RegionCode) != region))
            errors.Add(new DomainException("ApiTokens.RegionOutsideOwner", "RegionCode"));
        if (request.CanReveal && (!issuer.Meets(Policies.CanReveal) || !ownerRoles.Any(r => Policies.All[Policies.CanReveal].Contains(r))))
            errors.Add(new DomainException("ApiTokens.RevealNotAllowed", "CanReveal"));
        var now = clock.GetUtcNow();
        DateTimeOffset? expires = request.ExpiresOn is { } day ? EndOf(day) : null;
        errors.AddRange(ApiToken.Check(request.Name, request.Resources.Distinct().ToList(), expires, now));
        if (errors.Count > 0 || owner is null || expires is null) return new ApiTokenResult(null, null, errors);

        var secret = SecretPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var token = ApiToken.Issue(request.Name, owner.Id, owner.UserName!, region, request.Resources, request.CanReveal,
            issuer.Identity?.Name ?? CurrentActor.SystemName, expires.Value, now, Hash(secret), secret[..10]);
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(ct);
        audit.Record(AuditAction.Create, AuditType, token.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), Changes(token),
            isCity ? null : region);
        await db.SaveChangesAsync(ct);
        return new ApiTokenResult(token, secret, []);
    }

    /// <summary>Revokes a token; false when there is none with that id.</summary>
    public async Task<bool> RevokeAsync(int id, CancellationToken ct = default)
    {
        var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.Id == id, ct);
        if (token is null) return false;
        if (token.RevokedAt is not null) return true;
        token.Revoke(clock.GetUtcNow());
        audit.Record(AuditAction.Update, AuditType, id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            JsonSerializer.Serialize(new Dictionary<string, object?[]> { ["RevokedAt"] = [null, token.RevokedAt] }),
            IsCity(token.RegionCode) ? null : token.RegionCode);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Whether a token's region is the whole city (else it is one county).</summary>
    public static bool IsCity(string regionCode) => RegionCodes.IsValid(regionCode) && RegionCodes.LevelOf(regionCode) == RegionLevel.City;

    /// <summary>The end of a Shanghai date (the token works through that whole day).</summary>
    private static DateTimeOffset EndOf(DateOnly day) => Training.CourseFilter.StartOf(day.AddDays(1));

    private static string Changes(ApiToken t) => JsonSerializer.Serialize(new Dictionary<string, object?[]>
    {
        ["Name"] = [null, t.Name], ["OwnerUserName"] = [null, t.OwnerUserName], ["RegionCode"] = [null, t.RegionCode],
        ["Resources"] = [null, t.Resources], ["CanReveal"] = [null, t.CanReveal], ["ExpiresOn"] = [null, t.LastDay.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)],
    });

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
