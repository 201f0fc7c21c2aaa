using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using TalentHub.Web.Data;
using TalentHub.Web.Domain;
using TalentHub.Web.Infrastructure.Security;
using TalentHub.Web.Pages.Admin.Users;
using TalentHub.Web.Services;
using TalentHub.Web.Services.Audit;

namespace TalentHub.Web.Areas.Identity.Pages.Account.Manage;

/// <summary>
/// The user's own two-factor state: set up or change the authenticator, new recovery codes, and (only
/// where the role does not require it, e.g. a farmer who opted in) switching it off.
/// </summary>
public sealed class TwoFactorModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, TalentHubDbContext db,
    AuditLog audit, IStringLocalizer<SharedResource> l) : PageModel, IPasswordBusyField
{
    string IPasswordBusyField.PasswordBusyField => Manage.CurrentPassword.Field;

    /// <summary>The account's password, asked before new recovery codes or turning two-step verification off (<see cref="Manage.CurrentPassword"/>).</summary>
    [BindProperty(Name = Manage.CurrentPassword.Field), DataType(DataType.Password), StringLength(128, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Password.Current")]
    public string? CurrentPassword { get; set; }

    public bool Enabled { get; private set; }
    public bool Required { get; private set; }
    public int RecoveryCodesLeft { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() is null ? NotFound() : Page();

    public async Task<IActionResult> OnPostRecoveryCodesAsync()
    {
        if (await LoadAsync() is not { } user) return NotFound();
        if (!Enabled) return RedirectToPage("./EnableAuthenticator");
        if (!ModelState.IsValid || !await Manage.CurrentPassword.ConfirmAsync(users, user, CurrentPassword, ModelState, l)) return Page();
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, EnableAuthenticatorModel.RecoveryCodeCount);
        audit.RecordUser(AuditAction.Update, user, UserAccounts.Changes(("RecoveryCodesRenewed", false, true)));
        await db.SaveChangesAsync();
        TempData[ShowRecoveryCodesModel.Key] = codes!.ToArray();
        return RedirectToPage("./ShowRecoveryCodes");
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        if (await LoadAsync() is not { } user) return NotFound();
        if (Required)
        {
            ModelState.AddModelError("", l["TwoFactor.CannotDisable"]);
            return Page();
        }
        // Already off (a second tab, a repeated post): nothing to change and nothing to audit (review34b: it recorded
        // "two-step verification on → off" for an account that never had it, and replaced its unused key).
        if (!Enabled)
        {
            TempData["Flash"] = l["Common.NothingChanged"].Value;
            return RedirectToPage();
        }
        if (!ModelState.IsValid || !await Manage.CurrentPassword.ConfirmAsync(users, user, CurrentPassword, ModelState, l)) return Page();
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        audit.RecordUser(AuditAction.Update, user, UserAccounts.Changes(("TwoFactorEnabled", true, false)));
        await db.SaveChangesAsync();
        await signIn.RefreshSignInAsync(user);
        TempData["Flash"] = l["TwoFactor.Disabled"].Value;
        return RedirectToPage();
    }

    private async Task<AppUser?> LoadAsync()
    {
        if (await users.GetUserAsync(User) is not { } user) return null;
        Enabled = user.TwoFactorEnabled;
        Required = User.HasClaim(TwoFactorPolicy.RequiredClaim, "true");
        RecoveryCodesLeft = Enabled ? await users.CountRecoveryCodesAsync(user) : 0;
        return user;
    }
}
