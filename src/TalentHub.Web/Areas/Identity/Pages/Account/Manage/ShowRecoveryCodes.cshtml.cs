using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace TalentHub.Web.Areas.Identity.Pages.Account.Manage;

/// <summary>Shows freshly generated recovery codes once (Identity stores them with the account and each works once).</summary>
public sealed class ShowRecoveryCodesModel : PageModel
{
    public const string Key = "RecoveryCodes";

    public IReadOnlyList<string> Codes { get; private set; } = [];
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public IActionResult OnGet()
    {
        if (TempData[Key] is not string[] { Length: > 0 } codes) return RedirectToPage("./TwoFactor");
        Codes = codes;
        return Page();
    }

    public string ContinueUrl => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/";
}
