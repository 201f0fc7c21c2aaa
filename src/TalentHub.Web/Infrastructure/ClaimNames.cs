namespace TalentHub.Web.Infrastructure;

/// <summary>The names of TalentHub's own claims, added at sign-in by the claims factory.</summary>
public static class ClaimNames
{
    /// <summary>The user's region code (12 digits); county staff are confined to its county.</summary>
    public const string Region = "talenthub:region";
    /// <summary>The name shown in the header and written to the audit log.</summary>
    public const string Display = "talenthub:display";
    /// <summary>The registry person id behind a farmer account.</summary>
    public const string Person = "talenthub:person";

    /// <summary>
    /// A narrowing of the region scope to one county, whatever the roles (an API token issued for a county).
    /// Read only by <c>HttpRegionScope</c>, the one place that decides the scope.
    /// </summary>
    public const string ScopeCounty = "talenthub:scope-county";
    /// <summary>The id of the API token a request authenticated with.</summary>
    public const string ApiToken = "talenthub:api-token";
    /// <summary>One resource an API token may read (one claim per resource).</summary>
    public const string ApiResource = "talenthub:api-resource";
    /// <summary>Present when the API token was issued with reveal rights.</summary>
    public const string ApiReveal = "talenthub:api-reveal";
    /// <summary>Present ("true") when the user's roles require two-factor (TwoFactorPolicy).</summary>
    public const string TwoFactorRequired = "talenthub:2fa-required";
    /// <summary>Present ("true") when the user has an authenticator set up.</summary>
    public const string TwoFactorEnabled = "talenthub:2fa";
}
