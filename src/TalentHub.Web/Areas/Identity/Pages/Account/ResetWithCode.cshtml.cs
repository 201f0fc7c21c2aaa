using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using TalentHub.Web.Infrastructure;
using TalentHub.Web.Infrastructure.Security;
using TalentHub.Web.Pages.Admin.Users;
using TalentHub.Web.Services.People;

namespace TalentHub.Web.Areas.Identity.Pages.Account;

/// <summary>
/// A farmer who forgot their password sets a new one with the one-time code from their county staff or from an SMS.
/// Wrong codes are slowed per mobile like logins (<see cref="ILoginThrottle"/>: 429 with Retry-After after the free
/// failures), never by locking the account (review14: five wrong codes locked the farmer out of logging in for 15 minutes).
/// </summary>
public sealed class ResetWithCodeModel(PasswordResetCodes codes, PasswordHelp help, ILoginThrottle throttle, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();

    /// <summary>A farmer's reset: mobile number, the SMS code and the new password twice.</summary>
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required"), StringLength(20, ErrorMessage = "Validation.TooLong"), Display(Name = "Person.Mobile")]
        public string Mobile { get; set; } = "";

        // No pattern attribute: the browser's \d is ASCII only and refused the full-width digits of a Chinese input method, and
        // "1234 5678" was refused on both sides; the shape is PasswordResetCodes.HasShape, checked on post (rev37a).
        [Required(ErrorMessage = "Validation.Required"), StringLength(40, ErrorMessage = "Validation.TooLong"), Display(Name = "ResetCode.Code")]
        public string Code { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required"), StringLength(128, ErrorMessage = "Validation.TooLong"), DataType(DataType.Password), Display(Name = "ResetCode.NewPassword")]
        public string NewPassword { get; set; } = "";

        [Compare(nameof(NewPassword), ErrorMessage = "Register.PasswordsDiffer"), DataType(DataType.Password), Display(Name = "Register.ConfirmPassword")]
        public string ConfirmPassword { get; set; } = "";
    }

    /// <summary>Whether farmers can also get the code by SMS (the intro then says so).</summary>
    public bool CanTextFarmers => help.CanTextFarmers;

    /// <summary>Prefills the mobile after "send me a code" (the code itself never travels in a URL).</summary>
    public void OnGet(string? mobile)
    {
        if (mobile is { Length: <= 20 }) Input.Mobile = mobile;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (ModelState.IsValid && !PasswordResetCodes.HasShape(Input.Code)) ModelState.AddModelError("Input.Code", l["ResetCode.Format"]);
        if (!ModelState.IsValid) return Page();
        var account = codes.ThrottleKey(Input.Mobile);
        if (await throttle.WaitAsync(account, HttpContext.RequestAborted) is { } wait && wait > TimeSpan.Zero)
            return LoginModel.TooSoon(this, wait, l, "ResetCode.Slowed");
        var result = await codes.RedeemAsync(Input.Mobile, Input.Code, Input.NewPassword);
        if (result is null)
        {
            await throttle.FailedAsync(account);
            ModelState.AddModelError("Input.Code", l["ResetCode.Wrong"]);
            return Page();
        }
        await throttle.SucceededAsync(account);
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result, "Input.NewPassword");
            return Page();
        }
        TempData["Flash"] = l["ResetCode.Done"].Value;
        return RedirectToPage("/Account/Login", new { area = "Identity" });
    }
}
