using Microsoft.AspNetCore.Mvc.RazorPages;
using TalentHub.Web.Infrastructure.Security;

namespace TalentHub.Web.Areas.Identity.Pages.Account.Manage;

/// <summary>The user's own account: password and two-factor.</summary>
public sealed class IndexModel : PageModel
{
    public bool TwoFactorOn => User.HasClaim(TwoFactorPolicy.EnabledClaim, "true");

    public void OnGet() { }
}
