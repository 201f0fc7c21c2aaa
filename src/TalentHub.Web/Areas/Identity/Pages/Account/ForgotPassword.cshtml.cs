using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using TalentHub.Web.Infrastructure;
using TalentHub.Web.Services.People;

namespace TalentHub.Web.Areas.Identity.Pages.Account;

/// <summary>
/// "Forgot password" (issue 10 item 7): a farmer asks for a reset code by SMS, a staff member for a reset link by e-mail,
/// each only where that channel is configured; otherwise the page says whom to ask (county staff issue codes, an
/// administrator resets staff passwords). The answer is the same whether or not the account exists.
/// </summary>
public sealed class ForgotPasswordModel(PasswordHelp help, IStringLocalizer<SharedResource> l) : PageModel
{
    public bool CanTextFarmers => help.CanTextFarmers;
    public bool CanMailStaff => help.CanMailStaff;

    public FarmerInput Farmer { get; private set; } = new();
    public StaffInput Staff { get; private set; } = new();

    /// <summary>A farmer asks for an SMS reset code by mobile number.</summary>
    public sealed class FarmerInput
    {
        [Required(ErrorMessage = "Validation.Required"), StringLength(20, ErrorMessage = "Validation.TooLong"), Display(Name = "Person.Mobile")]
        public string Mobile { get; set; } = "";
    }

    /// <summary>A staff member asks for a reset link by e-mail address.</summary>
    public sealed class StaffInput
    {
        [Required(ErrorMessage = "Validation.Required"), StringLength(256, ErrorMessage = "Validation.TooLong"),
         Email(ErrorMessage = "PasswordHelp.EmailInvalid"), Display(Name = "PasswordHelp.Email")]
        public string Email { get; set; } = "";
    }

    public void OnGet() { }

    public async Task<IActionResult> OnPostSmsAsync([Bind(Prefix = nameof(Farmer))] FarmerInput farmer, CancellationToken ct)
    {
        Farmer = farmer;
        if (!help.CanTextFarmers) return NotFound();
        if (!ModelState.IsValid) return Page();
        await help.SendSmsCodeAsync(Farmer.Mobile, ct);
        TempData["Flash"] = l["PasswordHelp.SmsSent"].Value;
        return RedirectToPage("./ResetWithCode", new { mobile = Farmer.Mobile.Trim() });
    }

    public async Task<IActionResult> OnPostEmailAsync([Bind(Prefix = nameof(Staff))] StaffInput staff, CancellationToken ct)
    {
        Staff = staff;
        if (!help.CanMailStaff) return NotFound();
        if (!ModelState.IsValid) return Page();
        await help.MailStaffLinkAsync(Staff.Email, (userId, token) =>
            Url.Page("./ResetPassword", pageHandler: null, values: new { area = "Identity", userId, code = token })!, ct);
        TempData["Flash"] = l["PasswordHelp.MailSent"].Value;
        return RedirectToPage();
    }

}
