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
    /// <summary>Identity's token name for the authenticator key.</summary>
    public const string AuthenticatorKeyName = "AuthenticatorKey";

    /// <summary>
    /// Stores a new authenticator key (Identity's reset) and forgets the last step accepted under the old key: the
    /// step is that key's, and left behind it refused the new key's code for the same 30-second step (review).
    /// Saved with the key by the manager's update.
    /// </summary>
    public override async Task SetAuthenticatorKeyAsync(AppUser user, string key, CancellationToken cancellationToken)
    {
        await base.SetAuthenticatorKeyAsync(user, key, cancellationToken);
        await ForgetLastStepAsync(user, cancellationToken);
    }

    /// <summary>Removes a token; removing the authenticator key (the administrator's reset) also forgets its last step.</summary>
    public override async Task RemoveTokenAsync(AppUser user, string loginProvider, string name, CancellationToken cancellationToken)
    {
        await base.RemoveTokenAsync(user, loginProvider, name, cancellationToken);
        if (loginProvider == InternalProvider && name == AuthenticatorKeyName) await ForgetLastStepAsync(user, cancellationToken);
    }

    /// <summary>Turning two-factor off also forgets the last accepted step (turning it on again starts afresh).</summary>
    public override async Task SetTwoFactorEnabledAsync(AppUser user, bool enabled, CancellationToken cancellationToken)
    {
        await base.SetTwoFactorEnabledAsync(user, enabled, cancellationToken);
        if (!enabled) await ForgetLastStepAsync(user, cancellationToken);
    }

    private Task ForgetLastStepAsync(AppUser user, CancellationToken cancellationToken) =>
        base.RemoveTokenAsync(user, SingleUseAuthenticatorTokenProvider.LoginProvider, SingleUseAuthenticatorTokenProvider.Name, cancellationToken);
}
