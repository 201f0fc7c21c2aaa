using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using TalentHub.Web.Data;
using TalentHub.Web.Domain.Common;
using TalentHub.Web.Domain;
using TalentHub.Web.Infrastructure.Security;
using TalentHub.Web.Pages.Admin.Users;
using TalentHub.Web.Services;
using TalentHub.Web.Services.Audit;

namespace TalentHub.Web.Areas.Identity.Pages.Account.Manage;

/// <summary>
/// Sets up an authenticator app: the QR code of the otpauth URI (and the key to type), then one code
/// from the app turns two-factor on and shows ten recovery codes once. Staff whose role requires it are
/// sent here at first login, before any other page.
/// </summary>
public sealed class EnableAuthenticatorModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, TalentHubDbContext db,
    AuditLog audit, IStringLocalizer<SharedResource> l) : PageModel, IPasswordBusyField
{
    public const int RecoveryCodeCount = 10;

    string IPasswordBusyField.PasswordBusyField => Manage.CurrentPassword.Field;

    [BindProperty, Required(ErrorMessage = "Validation.Required"), StringLength(9, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "TwoFactor.Code")]
    public string Code { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    /// <summary>The account's password, asked before a new key (<see cref="Manage.CurrentPassword"/>); not used by the code step.</summary>
    [BindProperty(Name = Manage.CurrentPassword.Field), DataType(DataType.Password), StringLength(128, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Password.Current")]
    public string? CurrentPassword { get; set; }

    public string SharedKey { get; private set; } = "";
    public string QrCode { get; private set; } = "";
    public bool AlreadyEnabled { get; private set; }
    /// <summary>
    /// Whether the page shows the key and its QR code: while two-step verification is being set up, or once it is on only after
    /// the account's password (<see cref="OnPostShowAsync"/>): the key of a working authenticator is the second factor itself.
    /// </summary>
    public bool KeyShown { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() is null ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await LoadAsync() is not { } user) return NotFound();
        // Already on (a second tab, a code typed after the key was shown again): the page offers no code step then, whose error
        // would not show, and a code would only have replaced the recovery codes unasked, audited as "on → on" (review of fix36).
        if (AlreadyEnabled)
        {
            TempData["Flash"] = l["Common.NothingChanged"].Value;
            return RedirectToPage(new { ReturnUrl });
        }
        if (!ModelState.IsValid) return Page();
        // Normalised like every typed identifier, so full-width digits from a Chinese input method count as typed (review12:
        // char.IsDigit kept them, and "１２３４５６" was "code wrong").
        var code = new string(TextNormalizer.Normalize(Code).Where(char.IsAsciiDigit).ToArray());
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            ModelState.AddModelError(nameof(Code), l["TwoFactor.CodeWrong"]);
            return Page();
        }
        await users.SetTwoFactorEnabledAsync(user, true);
        audit.RecordUser(AuditAction.Update, user, UserAccounts.Changes(("TwoFactorEnabled", false, true)));
        await db.SaveChangesAsync();
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount);
        // A new security stamp ends other sessions; this one continues with the two-factor claim.
        await signIn.RefreshSignInAsync(user);
        TempData[ShowRecoveryCodesModel.Key] = codes!.ToArray();
        return RedirectToPage("./ShowRecoveryCodes", new { ReturnUrl });
    }

    /// <summary>
    /// Shows the key of the authenticator already in use (to add the same account to another phone), after the account's current
    /// password; audited.
    /// </summary>
    public async Task<IActionResult> OnPostShowAsync()
    {
        if (await LoadAsync() is not { } user) return NotFound();
        ModelState.Remove(nameof(Code));
        if (!AlreadyEnabled) return RedirectToPage(new { ReturnUrl });
        if (!ModelState.IsValid || !await Manage.CurrentPassword.ConfirmAsync(users, user, CurrentPassword, ModelState, l)) return Page();
        await ShowKeyAsync(user);
        audit.RecordUser(AuditAction.Update, user, UserAccounts.Changes(("AuthenticatorKeyShown", false, true)));
        await db.SaveChangesAsync();
        return Page();
    }

    /// <summary>
    /// A new key (the old app stops working until two-factor is set up again with the new one), after the account's current
    /// password: a signed-in session alone does not take the second factor over.
    /// </summary>
    public async Task<IActionResult> OnPostResetAsync()
    {
        if (await LoadAsync() is not { } user) return NotFound();
        ModelState.Remove(nameof(Code));
        if (!ModelState.IsValid || !await Manage.CurrentPassword.ConfirmAsync(users, user, CurrentPassword, ModelState, l)) return Page();
        var wasEnabled = user.TwoFactorEnabled;
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        audit.RecordUser(AuditAction.Update, user, UserAccounts.Changes(("TwoFactorEnabled", wasEnabled, false), ("AuthenticatorKeyReset", false, true)));
        await db.SaveChangesAsync();
        await signIn.RefreshSignInAsync(user);
        return RedirectToPage(new { ReturnUrl });
    }

    private async Task<AppUser?> LoadAsync()
    {
        if (await users.GetUserAsync(User) is not { } user) return null;
        AlreadyEnabled = user.TwoFactorEnabled;
        if (!AlreadyEnabled) await ShowKeyAsync(user);
        return user;
    }

    private async Task ShowKeyAsync(AppUser user)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            await signIn.RefreshSignInAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
        }
        SharedKey = key!;
        var label = user.UserName!.StartsWith("m-", StringComparison.Ordinal) ? user.DisplayName : user.UserName!;
        QrCode = AuthenticatorSetup.QrDataUri(AuthenticatorSetup.UriFor(label, SharedKey));
        KeyShown = true;
    }
}
