using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using TalentHub.Web.Data;
using TalentHub.Web.Domain.Common;
using TalentHub.Web.Infrastructure.Security;

namespace TalentHub.Web.Areas.Identity.Pages.Account;

/// <summary>The second step with one of the ten single-use recovery codes (when the phone is lost).</summary>
public sealed class LoginWithRecoveryCodeModel(SignInManager<AppUser> signIn, ILoginThrottle throttle, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Validation.Required"), StringLength(20, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "TwoFactor.RecoveryCode")]
    public string RecoveryCode { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("./Login", new { ReturnUrl }) : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is not { } user) return RedirectToPage("./Login", new { ReturnUrl });
        if (!ModelState.IsValid) return Page();
        var account = "2fa:" + user.Id;
        if (await throttle.WaitAsync(account, HttpContext.RequestAborted) is { } wait && wait > TimeSpan.Zero)
            return LoginModel.TooSoon(this, wait, l);
        var result = await signIn.TwoFactorRecoveryCodeSignInAsync(TextNormalizer.Normalize(RecoveryCode).Replace(" ", "", StringComparison.Ordinal));
        if (result.Succeeded)
        {
            await throttle.SucceededAsync(account);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        }
        await throttle.FailedAsync(account);
        ModelState.AddModelError(nameof(RecoveryCode), l[result.IsLockedOut ? "Login.Failed" : "TwoFactor.RecoveryCodeWrong"]);
        return Page();
    }
}
