using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using TalentHub.Web.Data;
using TalentHub.Web.Domain.Common;
using TalentHub.Web.Infrastructure.Security;

namespace TalentHub.Web.Areas.Identity.Pages.Account;

/// <summary>
/// The second step for an account with an authenticator: the 6-digit TOTP code (RFC 6238, 30-second
/// steps). Wrong codes count towards the account's lockout and the per-account throttle.
/// </summary>
public sealed class LoginWith2faModel(SignInManager<AppUser> signIn, ILoginThrottle throttle, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Validation.Required"), StringLength(9, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "TwoFactor.Code")]
    public string Code { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    [BindProperty(SupportsGet = true)] public bool RememberMe { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("./Login", new { ReturnUrl }) : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is not { } user) return RedirectToPage("./Login", new { ReturnUrl });
        if (!ModelState.IsValid) return Page();
        var account = "2fa:" + user.Id;
        if (await throttle.WaitAsync(account, HttpContext.RequestAborted) is { } wait && wait > TimeSpan.Zero)
            return LoginModel.TooSoon(this, wait, l);
        // Normalised like every typed identifier, so full-width digits from a Chinese input method count as typed (review12:
        // char.IsDigit kept them, and "１２３４５６" was "code wrong").
        var code = new string(TextNormalizer.Normalize(Code).Where(char.IsAsciiDigit).ToArray());
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, RememberMe, rememberClient: false);
        if (result.Succeeded)
        {
            await throttle.SucceededAsync(account);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        }
        await throttle.FailedAsync(account);
        ModelState.AddModelError(nameof(Code), result.IsLockedOut ? LoginModel.LockedMessage(user, l) : l["TwoFactor.CodeWrong"]);
        return Page();
    }
}
