using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using TalentHub.Web.Data;
using TalentHub.Web.Domain;
using TalentHub.Web.Pages.Admin.Users;
using TalentHub.Web.Services;
using TalentHub.Web.Services.Audit;

namespace TalentHub.Web.Areas.Identity.Pages.Account.Manage;

/// <summary>Any signed-in user changes their own password (current one required; the app's password rules apply).</summary>
public sealed class ChangePasswordModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, TalentHubDbContext db,
    AuditLog audit, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();

    /// <summary>The current password and the new one twice (PRODUCT.md §12: at least 12 characters, common passwords refused).</summary>
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required"), DataType(DataType.Password), StringLength(128, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Password.Current")]
        public string OldPassword { get; set; } = "";
        [Required(ErrorMessage = "Validation.Required"), DataType(DataType.Password), StringLength(128, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Password.New")]
        public string NewPassword { get; set; } = "";
        [DataType(DataType.Password), Compare(nameof(NewPassword), ErrorMessage = "Register.PasswordsDiffer")]
        [Display(Name = "Register.ConfirmPassword")]
        public string ConfirmPassword { get; set; } = "";
    }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is not { } user) return NotFound();
        if (!ModelState.IsValid) return Page();
        var result = await users.ChangePasswordAsync(user, Input.OldPassword, Input.NewPassword);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
                ModelState.AddModelError(error.Code == "PasswordMismatch" ? "Input.OldPassword" : "Input.NewPassword", error.Description);
            return Page();
        }
        audit.RecordUser(AuditAction.Update, user, UserAccounts.Changes(("PasswordChanged", false, true)));
        await db.SaveChangesAsync();
        // The new security stamp ends the account's other sessions; this one continues.
        await signIn.RefreshSignInAsync(user);
        TempData["Flash"] = l["Password.Changed"].Value;
        return RedirectToPage("./Index");
    }
}
