namespace TalentHub.Web.Domain.Api;

/// <summary>
/// A read-only API token (issue 14, PRODUCT.md §11): it acts as its owner account, narrowed to one region
/// (the city or a county) and to the resources listed. Only the SHA-256 hash of the secret is stored.
/// </summary>
public sealed class ApiToken
{
    /// <summary>The longest a token may live: one year (issue 14).</summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(366);

    public int Id { get; private set; }
    public string Name { get; private set; } = "";
    /// <summary>The staff account the token acts as (its roles decide what it may read).</summary>
    public string OwnerUserId { get; private set; } = "";
    public string OwnerUserName { get; private set; } = "";
    /// <summary>The city code (whole city) or a county code (12 digits).</summary>
    public string RegionCode { get; private set; } = "";
    /// <summary>Resource names separated by commas (see <see cref="ApiResources"/>).</summary>
    public string Resources { get; private set; } = "";
    /// <summary>Full ID numbers and mobiles for an owner who may reveal; granted only by an officer who may reveal.</summary>
    public bool CanReveal { get; private set; }
    public string IssuedBy { get; private set; } = "";
    /// <summary>Lower-case hex SHA-256 of the secret.</summary>
    public string SecretHash { get; private set; } = "";
    /// <summary>The first characters of the secret, to tell tokens apart in the list.</summary>
    public string Prefix { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    /// <summary>The exclusive end: the token works until this instant (midnight after <see cref="LastDay"/>, Asia/Shanghai).</summary>
    public DateTimeOffset ExpiresAt { get; private set; }

    /// <summary>
    /// The last Asia/Shanghai date the token works: the expiry date the issuer chose. Shown instead of
    /// <see cref="ExpiresAt"/>, which as an instant reads as the next day at 00:00 (review: shown a day late).
    /// </summary>
    public DateOnly LastDay => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(ExpiresAt.AddTicks(-1), Infrastructure.ShanghaiTime.Zone).DateTime);
    public DateTimeOffset? RevokedAt { get; private set; }
    public DateTimeOffset? LastUsedAt { get; private set; }

    public IReadOnlyList<string> ResourceList => Resources.Split(',', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>
    /// A new token. Rules: a name, at least one known resource, an expiry after <paramref name="now"/> and at most
    /// <see cref="MaxLifetime"/> later. Region and reveal rights are checked by the issuer (they need the accounts).
    /// </summary>
    public static ApiToken Issue(string? name, string ownerUserId, string ownerUserName, string regionCode,
        IEnumerable<string> resources, bool canReveal, string issuedBy, DateTimeOffset expiresAt, DateTimeOffset now,
        string secretHash, string prefix)
    {
        var list = resources.Distinct().ToList();
        if (Check(name, list, expiresAt, now).FirstOrDefault() is { } broken) throw broken;
        return new ApiToken
        {
            Name = name!.Trim(), OwnerUserId = ownerUserId, OwnerUserName = ownerUserName, RegionCode = regionCode,
            Resources = string.Join(',', ApiResources.All.Where(list.Contains)), CanReveal = canReveal, IssuedBy = issuedBy,
            SecretHash = secretHash, Prefix = prefix, CreatedAt = now, ExpiresAt = expiresAt,
        };
    }

    /// <summary>
    /// The longest name, in characters (the column's length: a longer one was kept on SQLite, stretching /Admin/ApiTokens
    /// sideways, and would fail the insert on PostgreSQL; review12).
    /// </summary>
    public const int MaxNameLength = 100;

    /// <summary>Every broken rule of <see cref="Issue"/> at once, so a form can show them all next to their fields.</summary>
    public static IEnumerable<DomainException> Check(string? name, IReadOnlyCollection<string> resources, DateTimeOffset? expiresAt, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(name)) yield return new DomainException("ApiTokens.NameRequired", "Name");
        else if (name.Trim().Length > MaxNameLength) yield return new DomainException("ApiTokens.NameTooLong", "Name", MaxNameLength);
        if (resources.Count == 0 || resources.Any(r => !ApiResources.All.Contains(r)))
            yield return new DomainException("ApiTokens.ResourcesRequired", "Resources");
        if (expiresAt is not { } e || e <= now || e > now + MaxLifetime)
            yield return new DomainException("ApiTokens.ExpiryRange", "ExpiresOn");
    }

    /// <summary>Whether a request at <paramref name="now"/> may use the token.</summary>
    public bool IsUsableAt(DateTimeOffset now) => RevokedAt is null && now < ExpiresAt;

    /// <summary>Revokes the token; revoking twice keeps the first instant.</summary>
    public void Revoke(DateTimeOffset now) => RevokedAt ??= now;
}
