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
/// The form posts back what each row showed (<see cref="Shown"/>), and only the rows the admin changed are written
/// (review34b): a page left open while another admin changed a row no longer puts that row back; the admin is told which
/// rows changed meanwhile and kept the other admin's choice. A post without what it showed changes nothing (stale page).
/// </summary>
[Authorize(Policy = Policies.Admin)]
public sealed class SecurityModel(RoleManager<IdentityRole> roles, TalentHubDbContext db, AuditLog audit,
    IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed record Row(string Role, bool Required, bool Fixed);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    /// <summary>The hidden value a switchable row posts back: <c>{role}:required</c> or <c>{role}:optional</c>, as shown.</summary>
    public static string Shown(Row row) => row.Role + ":" + (row.Required ? TwoFactorPolicy.Required : TwoFactorPolicy.Optional);

    public async Task OnGetAsync() => Rows = await LoadAsync();

    /// <param name="required">The switchable roles ticked as "required".</param>
    /// <param name="shown">What each switchable row showed when the page was rendered (<see cref="Shown"/>).</param>
    public async Task<IActionResult> OnPostAsync(string[]? required, string[]? shown)
    {
        var current = await LoadAsync();
        var seen = ShownSettings(shown);
        if (seen.Count == 0)
        {
            Rows = current;
            ModelState.AddModelError("", l["Common.StaleEdit"]);
            return Page();
        }
        var saved = false;
        var changedMeanwhile = new List<string>();
        foreach (var row in current.Where(r => !r.Fixed))
        {
            if (!seen.TryGetValue(row.Role, out var wasShown)) continue;
            if (wasShown != row.Required) changedMeanwhile.Add(l["Role." + row.Role]);
            var wanted = required?.Contains(row.Role) == true;
            // Untouched on this page (the other admin's choice stands), or already as wanted.
            if (wanted == wasShown || wanted == row.Required) continue;
            var role = await roles.FindByNameAsync(row.Role);
            if (role is null) continue;
            foreach (var old in (await roles.GetClaimsAsync(role)).Where(c => c.Type == TwoFactorPolicy.RoleClaim))
                await roles.RemoveClaimAsync(role, old);
            await roles.AddClaimAsync(role, new Claim(TwoFactorPolicy.RoleClaim, wanted ? TwoFactorPolicy.Required : TwoFactorPolicy.Optional));
            audit.Record(AuditAction.Update, "RoleSecurity", row.Role, UserAccounts.Changes(("TwoFactorRequired", row.Required, wanted)));
            saved = true;
        }
        await db.SaveChangesAsync();
        var flash = saved ? l["Security.Saved"].Value : l["Common.NothingChanged"].Value;
        if (changedMeanwhile.Count > 0) flash += " " + l["Security.ChangedMeanwhile", string.Join(l["Common.ListSeparator"], changedMeanwhile)].Value;
        TempData["Flash"] = flash;
        return RedirectToPage();
    }

    /// <summary>The posted <c>shown</c> values by role (true = shown as required); malformed values are ignored.</summary>
    private static Dictionary<string, bool> ShownSettings(string[]? shown)
    {
        var seen = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var value in shown ?? [])
        {
            var parts = value.Split(':');
            if (parts.Length == 2 && Roles.All.Contains(parts[0]) && parts[1] is TwoFactorPolicy.Required or TwoFactorPolicy.Optional)
                seen[parts[0]] = parts[1] == TwoFactorPolicy.Required;
        }
        return seen;
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
