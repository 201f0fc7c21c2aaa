using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using TalentHub.Web.Data;
using TalentHub.Web.Domain.Common;
using TalentHub.Web.Infrastructure;
using TalentHub.Web.Pages.Admin.Users;
using TalentHub.Web.Services.Audit;

namespace TalentHub.Web.Areas.Identity.Pages.Account.Manage;

/// <summary>
/// A staff member sets the e-mail address their password reset link goes to (issue 10 item 7); the current password
/// is required, so a borrowed session cannot redirect the reset. Farmers reset by mobile and have no such address here.
/// </summary>
public sealed class EmailModel(UserManager<AppUser> users, TalentHubDbContext db, AuditLog audit, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();
    /// <summary>The current address, masked like other identifiers.</summary>
    public string? Current { get; private set; }

    /// <summary>The new e-mail address (empty removes it), confirmed with the current password.</summary>
    public sealed class InputModel
    {
        [StringLength(256, ErrorMessage = "Validation.TooLong"), Email(ErrorMessage = "PasswordHelp.EmailInvalid"), Display(Name = "PasswordHelp.Email")]
        public string? Email { get; set; }

        [Required(ErrorMessage = "Validation.Required"), DataType(DataType.Password), StringLength(128, ErrorMessage = "Validation.TooLong"), Display(Name = "Password.Current")]
        public string Password { get; set; } = "";
    }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await StaffAsync() is not { } user) return NotFound();
        Current = user.Email is { } e ? Masking.Email(e) : null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await StaffAsync() is not { } user) return NotFound();
        Current = user.Email is { } e ? Masking.Email(e) : null;
        if (!ModelState.IsValid) return Page();
        if (!await CurrentPassword.ConfirmAsync(users, user, Input.Password, ModelState, l, "Input.Password")) return Page();
        var email = string.IsNullOrWhiteSpace(Input.Email) ? null : Input.Email.Trim();
        var before = user.Email is { } b ? Masking.Email(b) : null;
        var result = await users.SetEmailAsync(user, email);
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result, "Input.Email");
            return Page();
        }
        audit.RecordUser(AuditAction.Update, user, UserAccounts.Changes(("Email", before, email is null ? null : Masking.Email(email))));
        await db.SaveChangesAsync();
        TempData["Flash"] = l["PasswordHelp.EmailSaved"].Value;
        return RedirectToPage("./Index");
    }

    private async Task<AppUser?> StaffAsync() => await users.GetUserAsync(User) is { PersonId: null } user ? user : null;
}
