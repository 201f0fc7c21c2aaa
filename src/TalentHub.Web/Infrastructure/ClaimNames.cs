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
    /// <summary>Present ("true") when the user's roles require two-factor (TwoFactorPolicy).</summary>
    public const string TwoFactorRequired = "talenthub:2fa-required";
    /// <summary>Present ("true") when the user has an authenticator set up.</summary>
    public const string TwoFactorEnabled = "talenthub:2fa";
}
