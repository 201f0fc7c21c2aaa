using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Data;
using TalentHub.Web.Services;

namespace TalentHub.Web.Infrastructure.Security;

/// <summary>
/// Identity's authenticator provider (TOTP, RFC 6238: HMAC-SHA1, 30-second steps, 6 digits, ±2 steps of drift) with
/// RFC 6238 §5.2 / ASVS 2.8.4 added: a code is accepted only for a time step later than the last one accepted for the
/// account, so a code (or an older one) cannot sign in twice, also when two requests race with it. The last accepted
/// step is a row of <c>AspNetUserTokens</c> (<see cref="LoginProvider"/>, <see cref="Name"/>) moved by compare-and-swap.
/// Off when <c>TalentHub:Security:RefuseReusedAuthenticatorCodes</c> is false (the shared test apps sign the same
/// accounts in many times a minute).
/// </summary>
public sealed class SingleUseAuthenticatorTokenProvider(TalentHubDbContext db, PersonalDataProtector protector,
    IConfiguration configuration, TimeProvider clock) : AuthenticatorTokenProvider<AppUser>
{
    /// <summary>The configuration key that turns the rule off (default on).</summary>
    public const string Setting = "TalentHub:Security:RefuseReusedAuthenticatorCodes";
    /// <summary>The <c>AspNetUserTokens.LoginProvider</c> of the app's own rows (Identity's are "[AspNetUserStore]").</summary>
    public const string LoginProvider = "[TalentHub]";
    /// <summary>The row whose value is the last accepted RFC 6238 step (Unix seconds / 30, decimal) of the account.</summary>
    public const string Name = "AuthenticatorLastStep";
    private const int Drift = 2;

    /// <summary>True when the code matches a step within ±2 of now that is later than the last accepted step, now recorded.</summary>
    public override async Task<bool> ValidateAsync(string purpose, string token, UserManager<AppUser> manager, AppUser user)
    {
        if (!configuration.GetValue(Setting, true)) return await base.ValidateAsync(purpose, token, manager, user);
        if (!int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var code)) return false;
        if (await manager.GetAuthenticatorKeyAsync(user) is not { Length: > 0 } key) return false;
        var step = MatchingStep(FromBase32(key), code, clock.GetUtcNow());
        return step is { } s && await AcceptStepAsync(user.Id, s);
    }

    /// <summary>The RFC 6238 time step within ±2 of <paramref name="now"/> whose code is <paramref name="code"/>, or null.</summary>
    public static long? MatchingStep(byte[] key, int code, DateTimeOffset now)
    {
        var current = now.ToUnixTimeSeconds() / 30;
        for (var step = current - Drift; step <= current + Drift; step++)
            if (Code(key, step) == code) return step;
        return null;
    }

    /// <summary>The 6-digit code of a time step (RFC 6238 over RFC 4226 HOTP with dynamic truncation).</summary>
    public static int Code(byte[] key, long step)
    {
        Span<byte> message = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(message, step);
        Span<byte> hash = stackalloc byte[20];
        HMACSHA1.HashData(key, message, hash);
        var offset = hash[^1] & 0x0F;
        return (BinaryPrimitives.ReadInt32BigEndian(hash.Slice(offset, 4)) & 0x7FFFFFFF) % 1_000_000;
    }

    /// <summary>
    /// The 6-digit code an authenticator app shows at <paramref name="at"/> for a Base32 key (zero-padded text), for the
    /// test rigs and the benchmark that sign staff in.
    /// </summary>
    public static string CodeAt(string base32Key, DateTimeOffset at) =>
        Code(FromBase32(base32Key), at.ToUnixTimeSeconds() / 30).ToString("D6", CultureInfo.InvariantCulture);

    /// <summary>The bytes of a Base32 key (RFC 4648, the alphabet Identity's keys use; spaces and padding ignored).</summary>
    public static byte[] FromBase32(string input)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var clean = input.Replace(" ", "", StringComparison.Ordinal).TrimEnd('=').ToUpperInvariant();
        var output = new byte[clean.Length * 5 / 8];
        int buffer = 0, bits = 0, index = 0;
        foreach (var c in clean)
        {
            buffer = (buffer << 5) | alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits < 8) continue;
            output[index++] = (byte)(buffer >> (bits - 8));
            bits -= 8;
        }
        return output;
    }

    /// <summary>
    /// Records <paramref name="step"/> as the account's last accepted step if it is later than the one stored: an INSERT for
    /// the first use (a key conflict means another request won) or an UPDATE conditional on the value read (compare-and-swap,
    /// so of two racers exactly one changes the row). The value is written encrypted under the current personal-data key
    /// like every other <c>AspNetUserTokens</c> value (review34d: written as plain digits, it was "re-encrypted" by every
    /// <c>PersonalDataRotation</c> run after a staff sign-in, so the job's count never reached 0 with no rotation under
    /// way), and read raw and decrypted here (older rows hold plain digits). True when this call recorded the step; false
    /// when it was not later or another won.
    /// </summary>
    public async Task<bool> AcceptStepAsync(string userId, long step)
    {
        var value = protector.Encrypt(step.ToString(CultureInfo.InvariantCulture));
        var stored = await db.Database.SqlQuery<string>(
            $"""SELECT "Value" AS "Value" FROM "AspNetUserTokens" WHERE "UserId" = {userId} AND "LoginProvider" = {LoginProvider} AND "Name" = {Name}""")
            .ToListAsync();
        if (stored.Count == 0)
            return await db.Database.ExecuteSqlAsync(
                $"""INSERT INTO "AspNetUserTokens" ("UserId", "LoginProvider", "Name", "Value") VALUES ({userId}, {LoginProvider}, {Name}, {value}) ON CONFLICT DO NOTHING""") == 1;
        var raw = stored[0];
        if (raw is not null && long.TryParse(protector.Decrypt(raw), NumberStyles.None, CultureInfo.InvariantCulture, out var last) && step <= last)
            return false;
        return await db.Database.ExecuteSqlAsync(
            $"""UPDATE "AspNetUserTokens" SET "Value" = {value} WHERE "UserId" = {userId} AND "LoginProvider" = {LoginProvider} AND "Name" = {Name} AND "Value" = {raw}""") == 1;
    }
}
