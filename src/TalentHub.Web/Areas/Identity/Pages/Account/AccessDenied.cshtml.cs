using Microsoft.AspNetCore.Mvc.RazorPages;

namespace TalentHub.Web.Areas.Identity.Pages.Account;

/// <summary>Shown when a signed-in user lacks the role for a page; answers 403.</summary>
public sealed class AccessDeniedModel : PageModel
{
    public void OnGet() => Response.StatusCode = StatusCodes.Status403Forbidden;
}
