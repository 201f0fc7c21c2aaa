using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using TalentHub.Web.Data;
using TalentHub.Web.Domain.Common;
using TalentHub.Web.Infrastructure;
using TalentHub.Web.Pages.Admin.Users;
using TalentHub.Web.Services.Audit;
using TalentHub.Web.Services.Notifications;

namespace TalentHub.Web.Services.People;

/// <summary>
/// Self-service password help (issue 10 item 7). A farmer asks for a reset code by SMS: an 8-digit
/// <see cref="PasswordResetCodes"/> code valid for <see cref="SmsValidity"/>, single-use, audited, sent to the mobile
/// the account was registered with. A staff member asks for a reset link by e-mail: Identity's reset token (single-use:
/// it is bound to the security stamp, which the reset renews). Each account may ask once per <see cref="Cooldown"/> and
/// <see cref="MaxPerDay"/> times a UTC day. The answer never says whether an account exists (no enumeration): the
/// callers show the same text in every case.
/// </summary>
public sealed class PasswordHelp(UserManager<AppUser> users, PasswordResetCodes codes, PasswordHelpChannels channels, PersonalDataProtector protector,
    AuditLog audit, TalentHubDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock, ILogger<PasswordHelp> log,
    Microsoft.Extensions.Options.IOptions<TalentHub.Web.Infrastructure.TalentHubOptions> options)
{
    /// <summary>How long a code sent by SMS may be used: 15 minutes.</summary>
    public static readonly TimeSpan SmsValidity = TimeSpan.FromMinutes(15);
    /// <summary>The least time between two requests for one account: 60 seconds.</summary>
    public static readonly TimeSpan Cooldown = TimeSpan.FromSeconds(60);
    /// <summary>Requests per account and UTC day.</summary>
    public const int MaxPerDay = 5;
    private const string Provider = "TalentHub";

    public bool CanTextFarmers => channels.Sms is not null;
    /// <summary>Whether staff can get a reset link by e-mail: an SMTP sender and a configured <c>TalentHub:PublicUrl</c>.</summary>
    public bool CanMailStaff => channels.Email is not null && PublicBase is not null;

    /// <summary>The configured public address the mailed link starts with (never the request's Host header).</summary>
    private Uri? PublicBase => Uri.TryCreate(options.Value.PublicUrl?.Trim(), UriKind.Absolute, out var u)
        && (u.Scheme == Uri.UriSchemeHttps || u.Scheme == Uri.UriSchemeHttp) ? u : null;

    /// <summary>Sends a reset code to the farmer registered with <paramref name="mobile"/>, if there is one and the limits allow.</summary>
    /// <returns>Whether a code was sent (for logs and tests only; never shown).</returns>
    public async Task<bool> SendSmsCodeAsync(string mobile, CancellationToken ct = default)
    {
        if (channels.Sms is not { } sms || !MobileNumber.TryParse(mobile, out var normalized)) return false;
        var user = await users.FindByNameAsync(FarmerAccounts.UserNameFor(protector.Hash(normalized)));
        if (user is null || await users.IsLockedOutAsync(user) || !await TakeTurnAsync(user, "HelpSms")) return false;
        var code = await codes.IssueAsync(user, SmsValidity, "ResetCodeSent");
        var text = InChinese(() => l.Plural("PasswordHelp.SmsText", (int)SmsValidity.TotalMinutes, code, (int)SmsValidity.TotalMinutes).Value);
        var to = new NotificationRecipient(user.PersonId, user.DisplayName, normalized, null) { UserId = user.Id };
        return await SendAsync(sms, new OutgoingNotification($"reset-sms:{user.Id}:{clock.GetUtcNow().UtcTicks}", to, text), ct);
    }

    /// <summary>
    /// Mails a reset link to the staff account with <paramref name="email"/>, if exactly one (not a farmer's) has it and
    /// the limits allow. <paramref name="pathFor"/> turns (user id, encoded token) into the app-relative path of the reset
    /// page; the link is that path under <c>TalentHub:PublicUrl</c>, so a forged Host header cannot redirect it.
    /// </summary>
    public async Task<bool> MailStaffLinkAsync(string email, Func<string, string, string> pathFor, CancellationToken ct = default)
    {
        if (channels.Email is not { } mail || PublicBase is not { } publicBase || string.IsNullOrWhiteSpace(email)) return false;
        var normalized = users.NormalizeEmail(email.Trim());
        var matches = await db.Users.Where(u => u.NormalizedEmail == normalized && u.PersonId == null).Take(2).ToListAsync(ct);
        if (matches is not [var user] || await users.IsLockedOutAsync(user) || !await TakeTurnAsync(user, "HelpMail")) return false;
        var token = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(await users.GeneratePasswordResetTokenAsync(user)));
        audit.RecordUser(AuditAction.Update, user, UserAccounts.Changes(("ResetLinkMailed", null, clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture))));
        await db.SaveChangesAsync(ct);
        var text = InChinese(() => l["PasswordHelp.MailText", user.DisplayName, publicBase.GetLeftPart(UriPartial.Authority) + publicBase.AbsolutePath.TrimEnd('/') + pathFor(user.Id, token)].Value);
        var to = new NotificationRecipient(null, user.DisplayName, null, user.Email) { UserId = user.Id };
        return await SendAsync(mail, new OutgoingNotification($"reset-mail:{user.Id}:{clock.GetUtcNow().UtcTicks}", to, text), ct);
    }

    /// <summary>Resets a staff password with the token from the mailed link; null when the account or token is wrong.</summary>
    public async Task<IdentityResult?> ResetStaffAsync(string userId, string encodedToken, string newPassword)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null || user.PersonId is not null) return null;
        string token;
        try { token = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(encodedToken)); }
        catch (FormatException) { return null; }
        var result = await users.ResetPasswordAsync(user, token, newPassword);
        if (!result.Succeeded) return result.Errors.Any(e => e.Code == "InvalidToken") ? null : result;
        audit.RecordUser(AuditAction.Update, user, UserAccounts.Changes(("PasswordReset", false, true)));
        await users.ResetAccessFailedCountAsync(user);
        return result;
    }

    /// <summary>Counts one request against the account's cooldown and daily ceiling (stored as an Identity user token).</summary>
    private async Task<bool> TakeTurnAsync(AppUser user, string name)
    {
        var now = clock.GetUtcNow();
        var day = now.UtcDateTime.Date.Ticks;
        var (lastDay, count, last) = (await users.GetAuthenticationTokenAsync(user, Provider, name))?.Split(':') is [var d, var c, var t]
            && long.TryParse(d, out var dd) && int.TryParse(c, out var cc) && long.TryParse(t, out var tt) ? (dd, cc, tt) : (0L, 0, 0L);
        if (lastDay != day) count = 0;
        if (count >= MaxPerDay || now.UtcTicks - last < Cooldown.Ticks)
        {
            log.LogInformation("Password help for {UserId} refused by the limits", user.Id);
            return false;
        }
        // A concurrent request for the same account fails here on the user's concurrency stamp: it gets no turn.
        var taken = await users.SetAuthenticationTokenAsync(user, Provider, name, string.Create(CultureInfo.InvariantCulture, $"{day}:{count + 1}:{now.UtcTicks}"));
        return taken.Succeeded;
    }

    private async Task<bool> SendAsync(INotificationSender sender, OutgoingNotification message, CancellationToken ct)
    {
        try
        {
            await sender.SendAsync(message, ct);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning("Password help via {Channel} failed: {Error}", sender.Channel, e.GetType().Name);
            return false;
        }
    }

    /// <summary>Outside channels speak Chinese, the users' language (like the outbox).</summary>
    private static string InChinese(Func<string> text)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        try { return text(); }
        finally { CultureInfo.CurrentUICulture = previous; }
    }
}
