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
    /// Issues a token for <paramref name="issuer"/> (Admin or CityOfficer). The owner must be registry staff;
    /// a county-bound owner gets at most its own county; reveal rights need an issuer and an owner who may reveal.
    /// Returns the token and its secret (shown once).
    /// </summary>
    public async Task<(ApiToken Token, string Secret)> IssueAsync(ClaimsPrincipal issuer, ApiTokenRequest request, CancellationToken ct = default)
    {
        var owner = string.IsNullOrWhiteSpace(request.OwnerUserName) ? null : await users.FindByNameAsync(request.OwnerUserName.Trim());
        var ownerRoles = owner is null ? [] : await users.GetRolesAsync(owner);
        if (owner is null || !ownerRoles.Any(r => Policies.All[Policies.RegistryStaff].Contains(r)))
            throw new DomainException("ApiTokens.OwnerInvalid", "OwnerUserName");
        var region = request.RegionCode ?? "";
        var isCity = IsCity(region);
        if (!(isCity || (RegionCodes.IsValid(region) && RegionCodes.CountyOf(region) == region)) || !await db.Regions.AnyAsync(r => r.Code == region, ct))
            throw new DomainException("ApiTokens.RegionInvalid", "RegionCode");
        if (ownerRoles.Any(Roles.IsCountyBound) && (owner.RegionCode is null || RegionCodes.CountyOf(owner.RegionCode) != region))
            throw new DomainException("ApiTokens.RegionOutsideOwner", "RegionCode");
        if (request.CanReveal && (!issuer.Meets(Policies.CanReveal) || !ownerRoles.Any(r => Policies.All[Policies.CanReveal].Contains(r))))
            throw new DomainException("ApiTokens.RevealNotAllowed", "CanReveal");
        if (request.ExpiresOn is null) throw new DomainException("ApiTokens.ExpiryRange", "ExpiresOn");

        var secret = SecretPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow();
        var expires = CourseClockStart(request.ExpiresOn.Value);
        var token = ApiToken.Issue(request.Name, owner.Id, owner.UserName!, region, request.Resources, request.CanReveal,
            issuer.Identity?.Name ?? CurrentActor.SystemName, expires, now, Hash(secret), secret[..10]);
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(ct);
        audit.Record(AuditAction.Create, AuditType, token.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), Changes(token),
            isCity ? null : region);
        await db.SaveChangesAsync(ct);
        return (token, secret);
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
    private static DateTimeOffset CourseClockStart(DateOnly day) => Training.CourseFilter.StartOf(day.AddDays(1));

    private static string Changes(ApiToken t) => JsonSerializer.Serialize(new Dictionary<string, object?[]>
    {
        ["Name"] = [null, t.Name], ["OwnerUserName"] = [null, t.OwnerUserName], ["RegionCode"] = [null, t.RegionCode],
        ["Resources"] = [null, t.Resources], ["CanReveal"] = [null, t.CanReveal], ["ExpiresAt"] = [null, t.ExpiresAt],
    });

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
