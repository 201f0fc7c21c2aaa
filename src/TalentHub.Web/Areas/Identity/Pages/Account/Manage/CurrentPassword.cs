using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using TalentHub.Web.Data;
using TalentHub.Web.Services.People;

namespace TalentHub.Web.Areas.Identity.Pages.Account.Manage;

/// <summary>
/// The account's current password, asked before a change of the second factor (new authenticator key, turning two-step
/// verification off, new recovery codes) or of the e-mail address, so that someone at an unlocked, signed-in desk cannot take
/// the account over. Checked through <see cref="UserManager{TUser}.CheckPasswordAsync"/>, which runs behind the
/// PasswordWorkGate (<see cref="Infrastructure.Security.GatedUserManager"/>); a busy gate is answered next to the field.
/// Wrong passwords count as failed logins do (PRODUCT.md: lockout after repeated failures): a staff account is locked after
/// the fifth (15 minutes) and every session of it ends; farmer accounts are never locked by failures, as at login.
/// </summary>
public static class CurrentPassword
{
    /// <summary>The form field (and model key) of the current password on the two-factor pages.</summary>
    public const string Field = "CurrentPassword";

    /// <summary>
    /// True when <paramref name="password"/> is the account's; else a localized error next to <paramref name="field"/>
    /// (<see cref="Field"/> unless given), the failure counted, and on the locking failure the account's sessions ended
    /// (a new security stamp) with the login page's "locked" message.
    /// </summary>
    public static async Task<bool> ConfirmAsync(UserManager<AppUser> users, AppUser user, string? password, ModelStateDictionary state,
        IStringLocalizer<SharedResource> l, string field = Field)
    {
        if (string.IsNullOrEmpty(password))
        {
            state.AddModelError(field, l["Validation.Required", l["Password.Current"]]);
            return false;
        }
        if (await users.CheckPasswordAsync(user, password))
        {
            if (user.AccessFailedCount > 0) await users.ResetAccessFailedCountAsync(user);
            return true;
        }
        if (!FarmerAccounts.Owns(user))
        {
            await users.AccessFailedAsync(user);
            if (await users.IsLockedOutAsync(user))
            {
                await users.UpdateSecurityStampAsync(user);
                state.AddModelError(field, LoginModel.LockedMessage(user, l));
                return false;
            }
        }
        state.AddModelError(field, l["PasswordHelp.PasswordWrong"]);
        return false;
    }
}
