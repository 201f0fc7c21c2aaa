using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using TalentHub.Web.Data;

namespace TalentHub.Web.Infrastructure.Security;

/// <summary>
/// Identity's user manager with every password hash and verification behind <see cref="PasswordWorkGate"/> (issue 12):
/// checking a password (staff and farmer login through <see cref="SignInManager{TUser}"/>, confirming a password before
/// an e-mail change), creating an account with a password (sign-up, admin "new user", bootstrap admin), changing,
/// resetting (password help by code or link, admin set-password) and adding a password. Waiting for a permit is
/// asynchronous and bounded; a refusal is <see cref="PasswordWorkBusyException"/> thrown before anything is saved.
/// </summary>
public sealed class GatedUserManager(
    IUserStore<AppUser> store,
    IOptions<IdentityOptions> optionsAccessor,
    IPasswordHasher<AppUser> passwordHasher,
    IEnumerable<IUserValidator<AppUser>> userValidators,
    IEnumerable<IPasswordValidator<AppUser>> passwordValidators,
    ILookupNormalizer keyNormalizer,
    IdentityErrorDescriber errors,
    IServiceProvider services,
    ILogger<UserManager<AppUser>> logger,
    PasswordWorkGate gate)
    : AspNetUserManager<AppUser>(store, optionsAccessor, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors, services, logger)
{
    /// <summary>Verifies under a permit (a rare rehash after an iteration change is saved under the same permit).</summary>
    public override Task<bool> CheckPasswordAsync(AppUser user, string password) =>
        gate.RunAsync(() => base.CheckPasswordAsync(user, password), CancellationToken);

    /// <summary>
    /// Validates the password first (its rules may read the database), then hashes under a permit, then creates the
    /// account without holding the permit: the same steps as Identity's own overload.
    /// </summary>
    public override async Task<IdentityResult> CreateAsync(AppUser user, string password)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(password);
        if (Store is not IUserPasswordStore<AppUser> passwords) return await base.CreateAsync(user, password);
        var valid = await ValidatePasswordAsync(user, password);
        if (!valid.Succeeded) return valid;
        var hash = await gate.RunAsync(() => Task.FromResult(PasswordHasher.HashPassword(user, password)), CancellationToken);
        await passwords.SetPasswordHashAsync(user, hash, CancellationToken);
        return await CreateAsync(user);
    }

    /// <summary>Verifies the current password and hashes the new one under one permit.</summary>
    public override Task<IdentityResult> ChangePasswordAsync(AppUser user, string currentPassword, string newPassword) =>
        gate.RunAsync(() => base.ChangePasswordAsync(user, currentPassword, newPassword), CancellationToken);

    /// <summary>Checks the reset token and hashes the new password under a permit.</summary>
    public override Task<IdentityResult> ResetPasswordAsync(AppUser user, string token, string newPassword) =>
        gate.RunAsync(() => base.ResetPasswordAsync(user, token, newPassword), CancellationToken);

    /// <summary>Hashes the first password of an account under a permit.</summary>
    public override Task<IdentityResult> AddPasswordAsync(AppUser user, string password) =>
        gate.RunAsync(() => base.AddPasswordAsync(user, password), CancellationToken);
}
