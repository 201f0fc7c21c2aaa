using Microsoft.AspNetCore.Identity;

namespace TalentHub.Web.Data;

public sealed class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// <summary>The region a staff user works in (city or county); a farmer's home village.</summary>
    public string? RegionCode { get; set; }

    /// <summary>The registry record of a farmer.</summary>
    public int? PersonId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
