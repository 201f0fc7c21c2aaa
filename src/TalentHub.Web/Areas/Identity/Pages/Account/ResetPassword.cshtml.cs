using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using TalentHub.Web.Infrastructure;
using TalentHub.Web.Pages.Admin.Users;
using TalentHub.Web.Services.People;

namespace TalentHub.Web.Areas.Identity.Pages.Account;

/// <summary>A staff member sets a new password from the link mailed to them (Identity reset token, single-use, 2 hours).</summary>
public sealed class ResetPasswordModel(PasswordHelp help, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();

    /// <summary>The staff reset form: the user id and token from the mailed link, and the new password twice.</summary>
    public sealed class InputModel
    {
        [Required(ErrorMessage = "PasswordHelp.LinkInvalid"), StringLength(450)] public string UserId { get; set; } = "";
        [Required(ErrorMessage = "PasswordHelp.LinkInvalid"), StringLength(2000)] public string Code { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required"), StringLength(128, ErrorMessage = "Validation.TooLong"), DataType(DataType.Password), Display(Name = "ResetCode.NewPassword")]
        public string NewPassword { get; set; } = "";

        [Compare(nameof(NewPassword), ErrorMessage = "Register.PasswordsDiffer"), DataType(DataType.Password), Display(Name = "Register.ConfirmPassword")]
        public string ConfirmPassword { get; set; } = "";
    }

    public void OnGet(string? userId, string? code) => (Input.UserId, Input.Code) = (userId ?? "", code ?? "");

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var result = await help.ResetStaffAsync(Input.UserId, Input.Code, Input.NewPassword);
        if (result is null)
        {
            ModelState.AddModelError("", l["PasswordHelp.LinkInvalid"]);
            return Page();
        }
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result, "Input.NewPassword");
            return Page();
        }
        TempData["Flash"] = l["ResetCode.Done"].Value;
        return RedirectToPage("/Account/Login", new { area = "Identity" });
    }
}
