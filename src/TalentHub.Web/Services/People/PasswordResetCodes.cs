using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using TalentHub.Web.Data;
using TalentHub.Web.Domain.Common;
using TalentHub.Web.Pages.Admin.Users;
using TalentHub.Web.Services.Audit;

namespace TalentHub.Web.Services.People;

/// <summary>
/// One-time password reset codes for farmers who forgot their password (issue 10): county staff issue an 8-digit code,
/// shown to them once and valid for <see cref="Validity"/>; the farmer enters mobile, code and a new password. Only a
/// keyed hash of the code and its expiry are stored (an Identity user token); the password itself is reset through
/// Identity's own reset token, so the password rules apply and the security stamp is renewed. A wrong code counts as a
/// failed sign-in (Identity lockout). Issuing and redeeming are audited.
/// </summary>
public sealed class PasswordResetCodes(UserManager<AppUser> users, TalentHubDbContext db, AuditLog audit, PersonalDataProtector protector, TimeProvider clock)
{
    /// <summary>How long an issued code may be used: 24 hours.</summary>
    public static readonly TimeSpan Validity = TimeSpan.FromHours(24);
    private const string Provider = "TalentHub";
    private const string TokenName = "ResetCode";

    /// <summary>The farmer account of a registry person, or null when the person has not signed up.</summary>
    public Task<AppUser?> AccountOfAsync(int personId) =>
        Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstOrDefaultAsync(db.Users, u => u.PersonId == personId);

    /// <summary>Issues a new code (replacing any earlier one) and returns it; the caller shows it once.</summary>
    public Task<string> IssueAsync(AppUser user) => IssueAsync(user, Validity, "ResetCodeIssued");

    /// <summary>
    /// Issues a new code valid for <paramref name="validity"/> (replacing any earlier one), audited as
    /// <paramref name="auditField"/> with its expiry; the caller hands it over once (shown, or sent by SMS).
    /// </summary>
    public async Task<string> IssueAsync(AppUser user, TimeSpan validity, string auditField)
    {
        var code = RandomNumberGenerator.GetInt32(0, 100_000_000).ToString("D8", CultureInfo.InvariantCulture);
        var expires = clock.GetUtcNow().Add(validity);
        audit.RecordUser(AuditAction.Update, user, UserAccounts.Changes((auditField, null, expires.ToString("O", CultureInfo.InvariantCulture))));
        await users.SetAuthenticationTokenAsync(user, Provider, TokenName,
            expires.UtcTicks.ToString(CultureInfo.InvariantCulture) + ":" + HashOf(user, code));
        return code;
    }

    /// <summary>
    /// Resets the password of the farmer with <paramref name="mobile"/> when <paramref name="code"/> is their current,
    /// unexpired code (normalised like all typed text, so full-width digits from a Chinese input method match). Returns null when the mobile or code is wrong (one message for both), else Identity's result.
    /// </summary>
    /// <summary>
    /// The throttle key for code guesses on <paramref name="mobile"/>: the farmer's account name (a keyed hash, never the
    /// number), whether or not such an account exists, so an unknown and a real mobile answer alike; any other text is
    /// keyed as typed (normalised).
    /// </summary>
    public string ThrottleKey(string mobile) => "reset:" + (MobileNumber.TryParse(mobile, out var normalized)
        ? FarmerAccounts.UserNameFor(protector.Hash(normalized)) : TextNormalizer.Normalize(mobile)).ToUpperInvariant();

    public async Task<IdentityResult?> RedeemAsync(string mobile, string code, string newPassword)
    {
        if (!MobileNumber.TryParse(mobile, out var normalized)) return null;
        var user = await users.FindByNameAsync(FarmerAccounts.UserNameFor(protector.Hash(normalized)));
        if (user is null || await users.IsLockedOutAsync(user)) return null;
        var stored = await users.GetAuthenticationTokenAsync(user, Provider, TokenName);
        // A wrong code is not counted against the account: farmers are never locked by failures (a stranger who knows the
        // mobile would otherwise keep them out, review14); the page slows guesses per account instead (ILoginThrottle).
        if (!Matches(stored, user, AsTyped(code))) return null;
        var result = await users.ResetPasswordAsync(user, await users.GeneratePasswordResetTokenAsync(user), newPassword);
        if (!result.Succeeded) return result;
        audit.RecordUser(AuditAction.Update, user, UserAccounts.Changes(("PasswordReset", false, true)));
        await users.RemoveAuthenticationTokenAsync(user, Provider, TokenName);
        await users.ResetAccessFailedCountAsync(user);
        return result;
    }

    /// <summary>
    /// True when <paramref name="typed"/> reads as 8 digits the way <see cref="RedeemAsync"/> reads it: normalised (full-width
    /// digits from a Chinese input method count as typed) and with spaces dropped ("1234 5678", read out by phone in two halves).
    /// The form's only shape check: a browser pattern's \d is ASCII only, so it refused full-width digits the server accepts (rev37a).
    /// </summary>
    public static bool HasShape(string? typed) => AsTyped(typed) is { Length: 8 } code && code.All(char.IsAsciiDigit);

    private static string AsTyped(string? typed) => string.Concat(TextNormalizer.Normalize(typed).Where(c => !char.IsWhiteSpace(c)));

    private bool Matches(string? stored, AppUser user, string code)
    {
        if (stored is null || stored.Split(':') is not [var ticks, var hash]) return false;
        if (!long.TryParse(ticks, NumberStyles.None, CultureInfo.InvariantCulture, out var t) || clock.GetUtcNow().UtcTicks >= t) return false;
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(hash), Encoding.ASCII.GetBytes(HashOf(user, code)));
    }

    private string HashOf(AppUser user, string code) => protector.Hash("reset-code:" + user.Id + ":" + code);
}
