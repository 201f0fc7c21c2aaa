using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using TalentHub.Web.Data;

namespace TalentHub.Web.Areas.Identity.Pages.Account.Manage;

/// <summary>
/// The account's current password, asked before a change of the second factor (new authenticator key, turning two-step
/// verification off, new recovery codes), so that someone at an unlocked, signed-in desk cannot take the second factor over.
/// Checked through <see cref="UserManager{TUser}.CheckPasswordAsync"/>, which runs behind the PasswordWorkGate
/// (<see cref="Infrastructure.Security.GatedUserManager"/>); a busy gate is answered next to <see cref="Field"/>.
/// </summary>
public static class CurrentPassword
{
    /// <summary>The form field (and model key) of the current password on the two-factor pages.</summary>
    public const string Field = "CurrentPassword";

    /// <summary>True when <paramref name="password"/> is the account's; else a localized error next to <see cref="Field"/>.</summary>
    public static async Task<bool> ConfirmAsync(UserManager<AppUser> users, AppUser user, string? password, ModelStateDictionary state,
        IStringLocalizer<SharedResource> l)
    {
        if (string.IsNullOrEmpty(password))
        {
            state.AddModelError(Field, l["Validation.Required", l["Password.Current"]]);
            return false;
        }
        if (await users.CheckPasswordAsync(user, password)) return true;
        state.AddModelError(Field, l["PasswordHelp.PasswordWrong"]);
        return false;
    }
}
