using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using TalentHub.Web.Data;
using TalentHub.Web.Domain.Common;
using TalentHub.Web.Infrastructure.Security;
using TalentHub.Web.Infrastructure;
using TalentHub.Web.Services;
using TalentHub.Web.Services.People;

namespace TalentHub.Web.Areas.Identity.Pages.Account;

/// <summary>
/// Staff log in with their user name, farmers with their mobile number. Every failure (unknown account,
/// wrong password, locked or disabled account) shows the same message, and guesses are slowed per
/// account (<see cref="ILoginThrottle"/>), so the page never tells whether an account exists. Farmers
/// are never locked by failures (a stranger could otherwise keep them out); staff are, and also need
/// their second factor.
/// </summary>
public sealed class LoginModel(
    SignInManager<AppUser> signIn,
    PersonalDataProtector protector,
    ILoginThrottle throttle,
    IStringLocalizer<SharedResource> l,
    ILogger<LoginModel> log) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    /// <summary>The sign-in form: a staff user name or a farmer's mobile number (<see cref="Login"/>), password, remember me.</summary>
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Login.Login")]
        [StringLength(64, ErrorMessage = "Validation.TooLong")]
        public string Login { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required")]
        [DataType(DataType.Password)]
        [Display(Name = "Login.Password")]
        [StringLength(128, ErrorMessage = "Validation.TooLong")]
        public string Password { get; set; } = "";

        [Display(Name = "Login.RememberMe")]
        public bool RememberMe { get; set; }
    }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();

        var farmer = MobileNumber.TryParse(Input.Login, out var mobile);
        var userName = farmer ? FarmerAccounts.UserNameFor(protector.Hash(mobile)) : TextNormalizer.Normalize(Input.Login);
        var account = ThrottleKey(userName);
        if (await throttle.WaitAsync(account, HttpContext.RequestAborted) is { } wait && wait > TimeSpan.Zero)
            return TooSoon(this, wait, l);

        var result = await signIn.PasswordSignInAsync(userName, Input.Password, Input.RememberMe, lockoutOnFailure: !farmer);
        if (result.RequiresTwoFactor)
        {
            await throttle.SucceededAsync(account);
            return RedirectToPage("./LoginWith2fa", new { ReturnUrl, Input.RememberMe });
        }
        if (result.Succeeded)
        {
            await throttle.SucceededAsync(account);
            log.LogInformation("Login succeeded");
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        }
        // The owner's "locked" message checks the password (behind the work gate) before the failure counts: a "busy,
        // try again" answer must not count against the account (review 5).
        var locked = await LockedMessageForOwnerAsync(result, userName);
        await throttle.FailedAsync(account);
        log.LogWarning("Login failed (locked out: {LockedOut})", result.IsLockedOut);
        ModelState.AddModelError("", locked ?? l["Login.Failed"]);
        return Page();
    }

    /// <summary>
    /// Only whoever knows the password learns that the account is locked (by an administrator, or for a while
    /// after failures); to anyone else a locked account looks like a wrong password. Still throttled per account.
    /// </summary>
    private async Task<string?> LockedMessageForOwnerAsync(Microsoft.AspNetCore.Identity.SignInResult result, string userName)
    {
        if (!result.IsLockedOut || await signIn.UserManager.FindByNameAsync(userName) is not { } user
            || !await signIn.UserManager.CheckPasswordAsync(user, Input.Password)) return null;
        return LockedMessage(user, l);
    }

    /// <summary>
    /// What the owner of a locked account is told (they proved the password): disabled by an administrator
    /// (<c>Login.Disabled</c>, a lock without end) or locked for a while after failures (<c>Login.LockedOut</c>). Also the
    /// second step's answer when its wrong codes lock the account (review34b: it said "user name or password wrong").
    /// </summary>
    internal static string LockedMessage(AppUser user, IStringLocalizer l) =>
        user.LockoutEnd > DateTimeOffset.UtcNow.AddYears(1) ? l["Login.Disabled"] : l["Login.LockedOut"];

    /// <summary>The throttle's key for a login: the normalized user name, existing or not.</summary>
    public static string ThrottleKey(string userName) => "login:" + userName.ToUpperInvariant();

    /// <summary>429 with Retry-After (whole seconds) and the form with the localized "wait" message <paramref name="messageKey"/> ({0} = seconds).</summary>
    internal static IActionResult TooSoon(PageModel page, TimeSpan wait, IStringLocalizer l, string messageKey = "Login.Slowed")
    {
        var seconds = (int)Math.Ceiling(wait.TotalSeconds);
        page.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        page.ModelState.AddModelError("", l.Plural(messageKey, seconds));
        var result = page.Page();
        result.StatusCode = StatusCodes.Status429TooManyRequests;
        return result;
    }
}
