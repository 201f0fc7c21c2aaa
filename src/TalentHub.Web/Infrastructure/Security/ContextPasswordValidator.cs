using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using TalentHub.Web.Data;

namespace TalentHub.Web.Infrastructure.Security;

/// <summary>
/// Applies <see cref="PasswordContext"/> with the user's own values: user name (not a farmer's hashed
/// one), display name and, for a farmer, the registry record's name, mobile and ID number.
/// </summary>
public sealed class ContextPasswordValidator(TalentHubDbContext db, IStringLocalizer<SharedResource> l) : IPasswordValidator<AppUser>
{
    public async Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        if (password is null) return IdentityResult.Success;
        var personal = new List<string?> { user.DisplayName };
        if (user.UserName is { } name && !name.StartsWith("m-", StringComparison.Ordinal)) personal.Add(name);
        if (user.PersonId is { } personId && await db.People.IgnoreQueryFilters([RegionFilter.Name]).AsNoTracking()
                .Where(p => p.Id == personId).Select(p => new { p.Name, p.Mobile, p.IdNumber }).FirstOrDefaultAsync() is { } person)
            personal.AddRange([person.Name, person.Mobile, person.IdNumber]);
        var refusal = PasswordContext.Check(password, personal);
        return refusal == PasswordContext.Refusal.None
            ? IdentityResult.Success
            : IdentityResult.Failed(new IdentityError { Code = "Password" + refusal, Description = l["Identity.Password" + refusal] });
    }
}
