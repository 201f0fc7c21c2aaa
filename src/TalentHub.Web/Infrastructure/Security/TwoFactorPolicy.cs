using TalentHub.Web.Domain;

namespace TalentHub.Web.Infrastructure.Security;

/// <summary>
/// Which roles must use an authenticator app (PRODUCT §1: staff set up TOTP before touching personal
/// data). The setting is a role claim (<see cref="RoleClaim"/> = "required"/"optional") that Admin
/// changes on /Admin/Security; without one a role takes its default. Registry staff see personal data
/// on every page, so for them it cannot be switched off.
/// </summary>
public static class TwoFactorPolicy
{
    /// <summary>Role claim holding the Admin's choice for that role.</summary>
    public const string RoleClaim = "talenthub:two-factor";
    /// <summary>User claim present when the signed-in user's roles require two-factor.</summary>
    public const string RequiredClaim = ClaimNames.TwoFactorRequired;
    /// <summary>User claim present when the signed-in user has an authenticator set up.</summary>
    public const string EnabledClaim = ClaimNames.TwoFactorEnabled;
    public const string Required = "required";
    public const string Optional = "optional";

    /// <summary>Roles that always require two-factor (they read the registry's personal data).</summary>
    public static bool IsFixed(string role) => role is Roles.Admin or Roles.CityOfficer or Roles.CountyOfficer or Roles.CountyClerk;

    /// <summary>Staff require it unless Admin says otherwise; farmers may opt in unless Admin requires it.</summary>
    public static bool IsRequired(string role, string? setting) =>
        IsFixed(role) || (setting is null ? role != Roles.Farmer : setting == Required);
}
