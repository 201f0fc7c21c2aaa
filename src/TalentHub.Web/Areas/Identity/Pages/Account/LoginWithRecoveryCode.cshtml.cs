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
        var result = await signIn.TwoFactorRecoveryCodeSignInAsync(Canonical(RecoveryCode));
        if (result.Succeeded)
        {
            await throttle.SucceededAsync(account);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        }
        await throttle.FailedAsync(account);
        ModelState.AddModelError(nameof(RecoveryCode), result.IsLockedOut ? LoginModel.LockedMessage(user, l) : l["TwoFactor.RecoveryCodeWrong"]);
        return Page();
    }

    /// <summary>
    /// A code as ASP.NET Core Identity issues it ("XXXXX-XXXXX", upper case, five characters each side of a hyphen) from
    /// what a person types: full-width forms folded, any case, spaces anywhere, the hyphen missing or replaced by a space.
    /// Text of any other shape is returned folded and will simply not match.
    /// </summary>
    public static string Canonical(string typed)
    {
        var compact = new string(TextNormalizer.Normalize(typed).Where(c => !char.IsWhiteSpace(c)).ToArray()).ToUpperInvariant();
        var halves = compact.Replace("-", "", StringComparison.Ordinal);
        return halves.Length == 10 ? $"{halves[..5]}-{halves[5..]}" : compact;
    }
}
