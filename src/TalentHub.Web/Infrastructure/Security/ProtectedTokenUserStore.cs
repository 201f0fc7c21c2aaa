using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using TalentHub.Web.Data;
using TalentHub.Web.Services;

namespace TalentHub.Web.Infrastructure.Security;

/// <summary>
/// Identity's EF user store, with the tokens it keeps for itself (the authenticator key and the recovery
/// codes) encrypted like the other personal identifiers (AES-GCM, <see cref="PersonalDataProtector"/>), so
/// a copy of the database cannot produce second-factor codes. Tokens written in clear earlier still read.
/// </summary>
public sealed class ProtectedTokenUserStore(TalentHubDbContext context, PersonalDataProtector protector, IdentityErrorDescriber? describer = null)
    : UserStore<AppUser, IdentityRole, TalentHubDbContext>(context, describer)
{
    /// <summary>Identity's own login provider name for the authenticator key and recovery codes.</summary>
    public const string InternalProvider = "[AspNetUserStore]";

    public override Task SetTokenAsync(AppUser user, string loginProvider, string name, string? value, CancellationToken cancellationToken) =>
        base.SetTokenAsync(user, loginProvider, name,
            loginProvider == InternalProvider && value is not null ? protector.Encrypt(value) : value, cancellationToken);

    public override async Task<string?> GetTokenAsync(AppUser user, string loginProvider, string name, CancellationToken cancellationToken)
    {
        var stored = await base.GetTokenAsync(user, loginProvider, name, cancellationToken);
        return loginProvider == InternalProvider && stored is not null ? protector.Decrypt(stored) : stored;
    }
}
