using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using TalentHub.Web.Data;
using TalentHub.Web.Domain.Common;
using TalentHub.Web.Services;
using TalentHub.Web.Services.People;

namespace TalentHub.Web.Areas.Identity.Pages.Account;

/// <summary>Staff log in with their user name, farmers with their mobile number.</summary>
public sealed class LoginModel(
    SignInManager<AppUser> signIn,
    PersonalDataProtector protector,
    IStringLocalizer<SharedResource> l,
    ILogger<LoginModel> log) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

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

        public bool RememberMe { get; set; }
    }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();

        var userName = MobileNumber.TryParse(Input.Login, out var mobile)
            ? FarmerAccounts.UserNameFor(protector.Hash(mobile))
            : Input.Login.Trim();
        var result = await signIn.PasswordSignInAsync(userName, Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            log.LogInformation("Login succeeded");
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        }
        log.LogWarning("Login failed (locked out: {LockedOut})", result.IsLockedOut);
        var message = l["Login.Failed"];
        if (result.IsLockedOut)
        {
            // An account locked by an administrator stays locked; a lockout after failed attempts ends by itself.
            var user = await signIn.UserManager.FindByNameAsync(userName);
            message = user?.LockoutEnd > DateTimeOffset.UtcNow.AddYears(1) ? l["Login.Disabled"] : l["Login.LockedOut"];
        }
        ModelState.AddModelError("", message);
        return Page();
    }
}
