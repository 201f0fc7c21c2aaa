using TalentHub.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using TalentHub.Web.Data;
using TalentHub.Web.Domain;
using TalentHub.Web.Domain.Regions;
using TalentHub.Web.Services;
using TalentHub.Web.Services.Audit;
using TalentHub.Web.Infrastructure.Security;

namespace TalentHub.Web.Pages.Admin.Users;

/// <summary>
/// One account: display name, role and region (staff only), lock/unlock and a new password.
/// Role, region, lock and password changes renew the security stamp, which signs the user out of other sessions.
/// A city officer may not touch an administrator's account (403).
/// </summary>
[Authorize(Policy = Policies.CityManager)]
public sealed class EditModel(TalentHubDbContext db, UserManager<AppUser> users, AuditLog audit, TimeProvider clock,
    IStringLocalizer<SharedResource> l, PasswordWorkGate gate) : PageModel, IUserForm, IPasswordBusyField
{
    /// <summary>"Busy, try again" shows under the new-password field, in the password form.</summary>
    string IPasswordBusyField.PasswordBusyField => "Reset.NewPassword";

    /// <summary>Each form binds only its own fields (handler parameters), so one form's rules never fail another.</summary>
    public UserInput Input { get; private set; } = new();
    public PasswordInput Reset { get; private set; } = new();
    public string Stamp { get; private set; } = "";
    public AppUser Account { get; private set; } = null!;
    public string? CurrentRole { get; private set; }
    public bool IsFarmer => CurrentRole == Roles.Farmer;
    public bool IsSelf => Account.Id == users.GetUserId(User);
    public DateTimeOffset? LockedUntil => UserAccounts.IsLocked(Account, clock.GetUtcNow()) ? Account.LockoutEnd : null;
    public IReadOnlyList<string> RoleOptions => UserAccounts.GrantableBy(User);

    public async Task<IActionResult> OnGetAsync(string id) => await LoadAsync(id) ?? Page();

    public async Task<IActionResult> OnPostAsync(string id, [Bind(Prefix = nameof(Input))] UserInput input, string? stamp)
    {
        if (await LoadAsync(id) is { } stop) return stop;
        if (IsFarmer) return BadRequest(); // a farmer's name and village come from the registry
        Input = input;
        if (stamp != Account.ConcurrencyStamp) ModelState.AddModelError("", l["Common.StaleEdit"]);
        if (IsSelf && input.Role != CurrentRole) ModelState.AddModelError("Input.Role", l["Users.NotYourself"]);
        var region = await UserAccounts.RegionForAsync(db, input, User, ModelState, l);
        if (!ModelState.IsValid || region is null) return Page();

        var changes = UserAccounts.Changes(("DisplayName", Account.DisplayName, input.DisplayName.Trim()), ("Role", CurrentRole, input.Role),
            ("RegionCode", Account.RegionCode, region));
        if (changes == "{}")
        {
            // Saved as it was shown: nothing written (no new concurrency stamp for another tab to trip on).
            TempData["Flash"] = l["Common.NothingChanged"].Value;
            return RedirectToPage("/Admin/Users/Edit", new { id = Account.Id });
        }
        var signOut = input.Role != CurrentRole || region != Account.RegionCode;
        await using var tx = await db.Database.BeginTransactionAsync();
        Account.DisplayName = input.DisplayName.Trim();
        Account.RegionCode = region;
        var result = IdentityResult.Success;
        if (input.Role != CurrentRole)
        {
            if (CurrentRole is not null) result = await users.RemoveFromRoleAsync(Account, CurrentRole);
            if (result.Succeeded) result = await users.AddToRoleAsync(Account, input.Role);
        }
        // A new security stamp makes the cookie check sign the user out, so the new role and region apply at once.
        if (result.Succeeded) result = signOut ? await users.UpdateSecurityStampAsync(Account) : await users.UpdateAsync(Account);
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result, "Input.Role");
            return Page();
        }
        if (CurrentRole == Roles.Admin && input.Role != Roles.Admin && !await UserAccounts.AnAdminRemainsAsync(db, clock.GetUtcNow()))
            return await LastAdminAsync(tx, id, "Input.Role");
        if (changes != "{}") audit.RecordUser(AuditAction.Update, Account, changes);
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        TempData["Flash"] = l["Users.Saved", Account.DisplayName].Value;
        return RedirectToPage("/Admin/Users/Edit", new { id = Account.Id });
    }

    public async Task<IActionResult> OnPostLockAsync(string id) => await SetLockAsync(id, locked: true);

    public async Task<IActionResult> OnPostUnlockAsync(string id) => await SetLockAsync(id, locked: false);

    public async Task<IActionResult> OnPostPasswordAsync(string id, [Bind(Prefix = nameof(Reset))] PasswordInput reset)
    {
        if (await LoadAsync(id) is { } stop) return stop;
        if (IsSelf)
        {
            // One's own password is changed on the change-password page, which asks for the current one (fix34e).
            ModelState.Clear();
            ModelState.AddModelError("Reset.NewPassword", l["Users.OwnPasswordElsewhere"]);
            return Page();
        }
        Reset = reset;
        if (!ModelState.IsValid) return Page();
        // The hash's permit before the transaction (SQLite's write lock must not wait behind other people's hashes).
        using var permit = gate.Hold(await gate.EnterAsync(HttpContext.RequestAborted));
        await using var tx = await db.Database.BeginTransactionAsync();
        // Validates the password with the app's rules and renews the security stamp.
        var result = await users.ResetPasswordAsync(Account, await users.GeneratePasswordResetTokenAsync(Account), reset.NewPassword);
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result, "Reset.NewPassword");
            return Page();
        }
        audit.RecordUser(AuditAction.Update, Account, UserAccounts.Changes(("PasswordReset", false, true)));
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        TempData["Flash"] = l["Users.PasswordReset", Account.DisplayName].Value;
        return RedirectToPage("/Admin/Users/Edit", new { id = Account.Id });
    }

    /// <summary>
    /// Admin only: removes a user's authenticator key and recovery codes (lost phone and codes); the user sets
    /// up a new one at the next login. Audited; the new security stamp ends the user's sessions.
    /// </summary>
    public async Task<IActionResult> OnPostResetTwoFactorAsync(string id)
    {
        if (!User.Meets(Policies.Admin)) return Forbid();
        if (await LoadAsync(id) is { } stop) return stop;
        if (IsSelf)
        {
            // The form is not offered for one's own account: the manage pages reset one's own authenticator (fix34e).
            ModelState.AddModelError("", l["Users.NotYourself"]);
            return Page();
        }
        var wasEnabled = Account.TwoFactorEnabled;
        await using var tx = await db.Database.BeginTransactionAsync();
        var result = await users.SetTwoFactorEnabledAsync(Account, false);
        if (result.Succeeded) result = await users.RemoveAuthenticationTokenAsync(Account, "[AspNetUserStore]", "AuthenticatorKey");
        if (result.Succeeded) result = await users.RemoveAuthenticationTokenAsync(Account, "[AspNetUserStore]", "RecoveryCodes");
        if (result.Succeeded) result = await users.UpdateSecurityStampAsync(Account);
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result, "");
            return Page();
        }
        audit.RecordUser(AuditAction.Update, Account, UserAccounts.Changes(("TwoFactorEnabled", wasEnabled, false), ("TwoFactorReset", false, true)));
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        TempData["Flash"] = l["Users.TwoFactorResetDone", Account.DisplayName].Value;
        return RedirectToPage("/Admin/Users/Edit", new { id = Account.Id });
    }

    private async Task<IActionResult> SetLockAsync(string id, bool locked)
    {
        if (await LoadAsync(id) is { } stop) return stop;
        if (IsSelf)
        {
            ModelState.AddModelError("", l["Users.NotYourself"]);
            return Page();
        }
        var wasLocked = LockedUntil is not null;
        await using var tx = await db.Database.BeginTransactionAsync();
        var result = await users.SetLockoutEnabledAsync(Account, true);
        if (result.Succeeded) result = await users.SetLockoutEndDateAsync(Account, locked ? DateTimeOffset.MaxValue : null);
        if (result.Succeeded) result = locked ? await users.UpdateSecurityStampAsync(Account) : await users.ResetAccessFailedCountAsync(Account);
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result, "");
            return Page();
        }
        if (locked && CurrentRole == Roles.Admin && !await UserAccounts.AnAdminRemainsAsync(db, clock.GetUtcNow()))
            return await LastAdminAsync(tx, id, "");
        if (wasLocked != locked) audit.RecordUser(AuditAction.StatusChange, Account, UserAccounts.Changes(("Locked", wasLocked, locked)));
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        TempData["Flash"] = l[locked ? "Users.LockedDone" : "Users.UnlockedDone", Account.DisplayName].Value;
        return RedirectToPage("/Admin/Users/Edit", new { id = Account.Id });
    }

    /// <summary>
    /// The change would have left no unlocked Admin (the last one, or another admin demoted or locked this account's only peer at
    /// the same moment): rolls it back and shows the form again with <c>Users.LastAdmin</c> next to <paramref name="field"/>.
    /// </summary>
    private async Task<IActionResult> LastAdminAsync(Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction tx, string id, string field)
    {
        await tx.RollbackAsync();
        db.ChangeTracker.Clear();
        var input = Input;
        if (await LoadAsync(id) is { } stop) return stop;
        if (field != "") Input = input;
        ModelState.AddModelError(field, l["Users.LastAdmin"]);
        return Page();
    }

    /// <summary>Finds the account (404) and refuses an administrator's account to a city officer (403); fills the form.</summary>
    private async Task<IActionResult?> LoadAsync(string id)
    {
        if (await users.FindByIdAsync(id) is not { } user) return NotFound();
        Account = user;
        CurrentRole = await UserAccounts.RoleOfAsync(db, user.Id);
        if (CurrentRole == Roles.Admin && !User.IsInRole(Roles.Admin)) return Forbid();
        Stamp = user.ConcurrencyStamp ?? "";
        Input = new UserInput
        {
            DisplayName = user.DisplayName, Role = CurrentRole ?? "",
            CountyCode = user.RegionCode is { } region && RegionCodes.IsValid(region) ? RegionCodes.CountyOf(region) : null,
        };
        return null;
    }
}
