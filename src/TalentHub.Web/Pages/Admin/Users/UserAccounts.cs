using TalentHub.Web.Infrastructure;
using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using TalentHub.Web.Data;
using TalentHub.Web.Domain;
using TalentHub.Web.Domain.Regions;
using TalentHub.Web.Services;
using TalentHub.Web.Services.Audit;

namespace TalentHub.Web.Pages.Admin.Users;

/// <summary>What a staff account is made of on the create and edit forms.</summary>
public class UserInput
{
    [Required(ErrorMessage = "Validation.Required")] [StringLength(50, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Users.DisplayName")] public string DisplayName { get; set; } = "";
    [Required(ErrorMessage = "Validation.Choose")] [Display(Name = "Users.Role")] public string Role { get; set; } = "";
    /// <summary>County roles only; city roles and trainers are bound to the city.</summary>
    [Display(Name = "Users.County")] public string? CountyCode { get; set; }
}

public sealed class NewUserInput : UserInput
{
    /// <summary>Starts with a letter so it can never be taken for a farmer's mobile number at login.</summary>
    [Required(ErrorMessage = "Validation.Required")] [StringLength(64, ErrorMessage = "Validation.TooLong")]
    [RegularExpression(@"^[A-Za-z][A-Za-z0-9.\-]*$", ErrorMessage = "Users.UserNameFormat")]
    [Display(Name = "Users.UserName")] public string UserName { get; set; } = "";
    [Required(ErrorMessage = "Validation.Required")] [StringLength(128, ErrorMessage = "Validation.TooLong")] [DataType(DataType.Password)]
    [Display(Name = "Users.Password")] public string Password { get; set; } = "";
}

public sealed class PasswordInput
{
    [Required(ErrorMessage = "Validation.Required")] [StringLength(128, ErrorMessage = "Validation.TooLong")] [DataType(DataType.Password)]
    [Display(Name = "Users.NewPassword")] public string NewPassword { get; set; } = "";
}

/// <summary>Rules shared by the user pages: who may manage whom, region binding, Identity errors and audit summaries.</summary>
public static class UserAccounts
{
    /// <summary>The audit log's type name for staff and farmer accounts (the pages are for <see cref="Infrastructure.Policies.CityManager"/>).</summary>
    public const string AuditType = "User";

    /// <summary>Roles a staff account may have; farmers sign up themselves.</summary>
    public static readonly string[] StaffRoles = [Roles.Admin, Roles.CityOfficer, Roles.CountyOfficer, Roles.CountyClerk, Roles.Trainer];

    /// <summary>The roles <paramref name="actor"/> may give: a city officer cannot make administrators.</summary>
    public static IReadOnlyList<string> GrantableBy(ClaimsPrincipal actor) =>
        actor.IsInRole(Roles.Admin) ? StaffRoles : StaffRoles.Where(r => r != Roles.Admin).ToArray();

    public static Task<string?> RoleOfAsync(TalentHubDbContext db, string userId) =>
        db.UserRoles.Where(ur => ur.UserId == userId).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).FirstOrDefaultAsync();

    /// <summary>
    /// Checks role and county (errors next to the fields) and returns the region the account is bound to:
    /// the chosen county for county roles, the city for everyone else. Null when something is wrong.
    /// </summary>
    public static async Task<string?> RegionForAsync(TalentHubDbContext db, UserInput input, ClaimsPrincipal actor,
        ModelStateDictionary modelState, IStringLocalizer l)
    {
        if (!StaffRoles.Contains(input.Role))
        {
            modelState.AddModelError("Input.Role", l["Users.RoleInvalid"]);
            return null;
        }
        if (!GrantableBy(actor).Contains(input.Role))
        {
            modelState.AddModelError("Input.Role", l["Users.CannotGrantAdmin"]);
            return null;
        }
        if (!Roles.IsCountyBound(input.Role))
            return await db.Regions.Where(r => r.Level == RegionLevel.City).OrderBy(r => r.Code).Select(r => r.Code).FirstAsync();
        if (string.IsNullOrWhiteSpace(input.CountyCode))
        {
            modelState.AddModelError("Input.CountyCode", l["Users.CountyRequired"]);
            return null;
        }
        var county = input.CountyCode.Trim();
        if (!await db.Regions.AnyAsync(r => r.Code == county && r.Level == RegionLevel.County))
        {
            modelState.AddModelError("Input.CountyCode", l["Users.CountyRequired"]);
            return null;
        }
        return county;
    }

    /// <summary>Puts each Identity error (already localized by the error describer) next to the field it is about.</summary>
    public static void AddErrors(this ModelStateDictionary modelState, IdentityResult result, string passwordField, string? userNameField = null)
    {
        foreach (var error in result.Errors)
        {
            var field = error.Code.Contains("Password", StringComparison.Ordinal) ? passwordField
                : error.Code.Contains("UserName", StringComparison.Ordinal) && userNameField is not null ? userNameField
                : "";
            modelState.AddModelError(field, error.Description);
        }
    }

    public static bool IsLocked(AppUser user, DateTimeOffset now) => user.LockoutEnd is { } end && end > now;

    /// <summary>The key of the PostgreSQL transaction lock that serializes changes which may remove an administrator ("THAdmin!").</summary>
    private const long AdminChangeLock = 0x5448_4164_6D69_6E21;

    /// <summary>
    /// Inside the open transaction, after the change is saved and before it commits: whether at least one unlocked Admin is left
    /// (<paramref name="now"/> decides what is locked). On PostgreSQL it first takes a transaction lock held until the commit, so two
    /// such changes at once (two admins demoting or locking each other) check one after the other and the later one sees the
    /// earlier; on SQLite the transaction already holds the one write lock. False: the caller rolls back and refuses the change.
    /// </summary>
    public static async Task<bool> AnAdminRemainsAsync(TalentHubDbContext db, DateTimeOffset now)
    {
        if (db.Database.IsNpgsql())
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({AdminChangeLock})");
        var admins = db.UserRoles.Join(db.Roles.Where(r => r.Name == Roles.Admin), ur => ur.RoleId, r => r.Id, (ur, _) => ur.UserId);
        var unlocked = await db.Users.AsNoTracking().Where(u => admins.Contains(u.Id))
            .Select(u => u.LockoutEnd).ToListAsync();
        return unlocked.Any(end => end is null || end <= now);
    }

    /// <summary>
    /// The audit summary in the interceptor's shape <c>{ "Field": [before, after] }</c> so the audit page shows
    /// it field by field. Only changed values; never a password.
    /// </summary>
    public static string Changes(params (string Field, object? Before, object? After)[] changes) =>
        JsonSerializer.Serialize(changes.Where(c => !Equals(c.Before, c.After)).ToDictionary(c => c.Field, c => new[] { c.Before, c.After }));

    public static void RecordUser(this AuditLog audit, AuditAction action, AppUser user, string changes) =>
        audit.Record(action, AuditType, user.Id, changes, user.RegionCode is { } region && RegionCodes.IsValid(region) ? RegionCodes.CountyOf(region) : null);
}

/// <summary>What the role-and-region part of the create and edit forms needs.</summary>
public interface IUserForm
{
    UserInput Input { get; }
    IReadOnlyList<string> RoleOptions { get; }
}
