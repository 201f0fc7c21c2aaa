using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using TalentHub.Web.Data;

namespace TalentHub.Web.Infrastructure.Security;

/// <summary>
/// Identity's EF user store. The tokens it keeps for itself (the authenticator key and the recovery codes) are
/// encrypted like the other personal identifiers (AES-GCM, <c>PersonalDataProtector</c>), so a copy of the database
/// cannot produce second-factor codes: since issue 15 by the model's <see cref="EncryptedStringConverter"/> on
/// <c>AspNetUserTokens.Value</c> rather than here, so that <c>PersonalDataRotation</c> re-encrypts them under a new
/// key like every other encrypted column. What this store wrote before (one <c>v1:</c> layer) and tokens written in
/// clear earlier still read as they are.
/// </summary>
public sealed class ProtectedTokenUserStore(TalentHubDbContext context, IdentityErrorDescriber? describer = null)
    : UserStore<AppUser, IdentityRole, TalentHubDbContext>(context, describer)
{
    /// <summary>Identity's own login provider name for the authenticator key and recovery codes.</summary>
    public const string InternalProvider = "[AspNetUserStore]";
}
