using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using TalentHub.Web.Data;
using TalentHub.Web.Domain;
using TalentHub.Web.Infrastructure;
using TalentHub.Web.Infrastructure.Security;
using TalentHub.Web.Pages.Admin.Users;
using TalentHub.Web.Services;
using TalentHub.Web.Services.Audit;

namespace TalentHub.Web.Pages.Admin;

/// <summary>
/// Admin chooses, per role, whether two-factor is required (<see cref="TwoFactorPolicy"/>); the choice is
/// a role claim, audited, and reaches signed-in users at their next claims refresh (within a minute).
/// </summary>
[Authorize(Policy = Policies.Admin)]
public sealed class SecurityModel(RoleManager<IdentityRole> roles, TalentHubDbContext db, AuditLog audit,
    IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed record Row(string Role, bool Required, bool Fixed);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync() => Rows = await LoadAsync();

    /// <param name="required">The switchable roles ticked as "required".</param>
    public async Task<IActionResult> OnPostAsync(string[]? required)
    {
        foreach (var row in (await LoadAsync()).Where(r => !r.Fixed))
        {
            var wanted = required?.Contains(row.Role) == true;
            if (wanted == row.Required) continue;
            var role = await roles.FindByNameAsync(row.Role);
            if (role is null) continue;
            foreach (var old in (await roles.GetClaimsAsync(role)).Where(c => c.Type == TwoFactorPolicy.RoleClaim))
                await roles.RemoveClaimAsync(role, old);
            await roles.AddClaimAsync(role, new Claim(TwoFactorPolicy.RoleClaim, wanted ? TwoFactorPolicy.Required : TwoFactorPolicy.Optional));
            audit.Record(AuditAction.Update, "RoleSecurity", row.Role, UserAccounts.Changes(("TwoFactorRequired", row.Required, wanted)));
        }
        await db.SaveChangesAsync();
        TempData["Flash"] = l["Security.Saved"].Value;
        return RedirectToPage();
    }

    private async Task<IReadOnlyList<Row>> LoadAsync()
    {
        var rows = new List<Row>();
        foreach (var name in Roles.All)
        {
            var role = await roles.FindByNameAsync(name);
            var setting = role is null ? null : (await roles.GetClaimsAsync(role)).FirstOrDefault(c => c.Type == TwoFactorPolicy.RoleClaim)?.Value;
            rows.Add(new Row(name, TwoFactorPolicy.IsRequired(name, setting), TwoFactorPolicy.IsFixed(name)));
        }
        return rows;
    }
}
