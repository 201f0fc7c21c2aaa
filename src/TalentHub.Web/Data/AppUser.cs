using Microsoft.AspNetCore.Identity;

namespace TalentHub.Web.Data;

/// <summary>
/// An Identity account: staff (role, region, TOTP two-factor required before personal data) or a farmer, who signs in
/// with a mobile number (user name "m-" + its keyed hash, <c>FarmerAccounts</c>) and is linked to a registry person
/// through <see cref="PersonId"/>.
/// </summary>
public sealed class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// <summary>The region a staff user works in (city or county); a farmer's home village.</summary>
    public string? RegionCode { get; set; }

    /// <summary>The registry record of a farmer.</summary>
    public int? PersonId { get; set; }

    /// <summary>UTC instant the account was created.</summary>
    public DateTimeOffset CreatedAt { get; set; }
}
