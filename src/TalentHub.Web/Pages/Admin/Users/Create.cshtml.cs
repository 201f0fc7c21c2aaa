using TalentHub.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using TalentHub.Web.Data;
using TalentHub.Web.Services;
using TalentHub.Web.Services.Audit;
using TalentHub.Web.Infrastructure.Security;

namespace TalentHub.Web.Pages.Admin.Users;

/// <summary>Creates a staff account bound to the city or a county, with an initial password under the app's password rules.</summary>
[Authorize(Policy = Policies.CityManager)]
public sealed class CreateModel(TalentHubDbContext db, UserManager<AppUser> users, AuditLog audit, TimeProvider clock,
    IStringLocalizer<SharedResource> l, PasswordWorkGate gate) : PageModel, IUserForm
{
    [BindProperty] public NewUserInput Input { get; set; } = new();
    public IReadOnlyList<string> RoleOptions => UserAccounts.GrantableBy(User);
    UserInput IUserForm.Input => Input;

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        var region = await UserAccounts.RegionForAsync(db, Input, User, ModelState, l);
        var user = new AppUser
        {
            UserName = Input.UserName?.Trim() ?? "", DisplayName = Input.DisplayName?.Trim() ?? "", RegionCode = region, CreatedAt = clock.GetUtcNow(),
        };
        if (user.UserName.StartsWith("m-", StringComparison.OrdinalIgnoreCase))
            ModelState.AddModelError("Input.UserName", l["Users.UserNameReserved"]);
        // Identity's own rules (unique user name, password length and blocklist) next to the other errors, all at once.
        var errors = new List<IdentityError>();
        if (ModelState.GetFieldValidationState("Input.UserName") == ModelValidationState.Valid)
            foreach (var validator in users.UserValidators) errors.AddRange((await validator.ValidateAsync(users, user)).Errors);
        if (ModelState.GetFieldValidationState("Input.Password") == ModelValidationState.Valid)
            foreach (var validator in users.PasswordValidators) errors.AddRange((await validator.ValidateAsync(users, user, Input.Password)).Errors);
        ModelState.AddErrors(IdentityResult.Failed([.. errors.DistinctBy(e => e.Code)]), "Input.Password", "Input.UserName");
        if (!ModelState.IsValid || region is null) return Page();

        // The hash's permit before the transaction (SQLite's write lock must not wait behind other people's hashes).
        using var permit = gate.Hold(await gate.EnterAsync(HttpContext.RequestAborted));
        await using var tx = await db.Database.BeginTransactionAsync();
        IdentityResult result;
        try
        {
            result = await users.CreateAsync(user, Input.Password);
            if (result.Succeeded) result = await users.AddToRoleAsync(user, Input.Role);
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            // Two posts of this name at once (a double click, two admins): the other committed after this one's check.
            // Nothing of this post is kept; it gets Identity's "user name taken" next to the field, not the error page.
            await tx.RollbackAsync();
            db.ChangeTracker.Clear();
            result = IdentityResult.Failed(users.ErrorDescriber.DuplicateUserName(user.UserName));
        }
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result, "Input.Password", "Input.UserName");
            return Page();
        }
        audit.RecordUser(AuditAction.Create, user, UserAccounts.Changes(
            ("UserName", null, user.UserName), ("DisplayName", null, user.DisplayName), ("Role", null, Input.Role), ("RegionCode", null, region)));
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        TempData["Flash"] = l["Users.Created", user.DisplayName, user.UserName].Value;
        return RedirectToPage("/Admin/Users/Index");
    }
}
