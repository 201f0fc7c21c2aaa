using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TalentHub.Web.Data;

namespace TalentHub.Web.Areas.Identity.Pages.Account;

/// <summary>
/// Logout ends the session on the server: a new security stamp makes every earlier cookie of the
/// account invalid at its next request (SessionValidator), so a copied cookie stops working at once.
/// This signs the account out on its other devices too.
/// </summary>
public sealed class LogoutModel(SignInManager<AppUser> signIn) : PageModel
{
    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.UserManager.GetUserAsync(User) is { } user) await signIn.UserManager.UpdateSecurityStampAsync(user);
        await signIn.SignOutAsync();
        return LocalRedirect("/");
    }
}
