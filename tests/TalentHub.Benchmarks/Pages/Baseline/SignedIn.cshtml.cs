using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TalentHub.Benchmarks.Baseline;

namespace TalentHub.Benchmarks.Pages.Baseline;

/// <summary>
/// <c>baseline.signed-in</c>: the EF fortunes page behind cookie sign-in, with a sign-out form in its header (so an
/// antiforgery token is issued on every view, as on any page with a logout button). The framework's own cost of a
/// signed-in page: cookie ticket, authorization, antiforgery; no database check of the session.
/// </summary>
[Authorize]
public sealed class SignedInModel(BaselineDb db) : PageModel
{
    public IReadOnlyList<Fortune> Rows { get; private set; } = [];

    public async Task OnGetAsync() => Rows = FortuneSource.Finish(await db.Fortunes.AsNoTracking().ToListAsync());

    public async Task<IActionResult> OnPostSignOutAsync()
    {
        await HttpContext.SignOutAsync();
        return RedirectToPage();
    }
}
