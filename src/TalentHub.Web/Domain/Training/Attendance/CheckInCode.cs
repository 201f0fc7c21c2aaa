using System.Buffers.Binary;
using System.Security.Cryptography;
using TalentHub.Web.Domain.Common;
using TalentHub.Web.Infrastructure;

namespace TalentHub.Web.Domain.Training;

/// <summary>What a typed check-in code means for one session at one instant.</summary>
public enum CheckInVerdict
{
    Valid,
    Wrong,
    Expired,
    NotOpenYet,
}

/// <summary>
/// The rotating 6-digit check-in code of a session, derived like TOTP (RFC 6238: HMAC-SHA1 of the
/// time-step number, dynamic truncation) from a per-session secret and the time window, so nothing
/// per window is stored. The code is accepted from <see cref="OpensBefore"/> before the session
/// starts until it ends, for the current window and the one before it (a code read just before it
/// rotated). A check-in later than <see cref="LateAfter"/> after the start counts as Late.
/// </summary>
public static class CheckInCode
{
    /// <summary>The code changes every 5 minutes.</summary>
    public static readonly TimeSpan Step = TimeSpan.FromMinutes(5);
    /// <summary>Check-in opens 30 minutes before the session starts.</summary>
    public static readonly TimeSpan OpensBefore = TimeSpan.FromMinutes(30);
    /// <summary>Grace period after the start: later check-ins are Late (15 minutes).</summary>
    public static readonly TimeSpan LateAfter = TimeSpan.FromMinutes(15);
    /// <summary>Wrong or expired codes a person may type within <see cref="FailureWindow"/> before being refused.</summary>
    public const int MaxFailures = 5;
    public static readonly TimeSpan FailureWindow = TimeSpan.FromMinutes(10);
    /// <summary>How many past windows are searched to tell an expired code from a wrong one (2 hours).</summary>
    private const int ExpiredLookback = 24;

    /// <summary>A new random 20-byte secret (base64), as for a TOTP seed.</summary>
    public static string NewSecret() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(20));

    /// <summary>The time-step number of an instant (Unix seconds / 300).</summary>
    public static long Window(DateTimeOffset at) => at.ToUnixTimeSeconds() / (long)Step.TotalSeconds;

    /// <summary>When the window holding <paramref name="at"/> ends (the code shown then changes).</summary>
    public static DateTimeOffset WindowEnds(DateTimeOffset at) =>
        DateTimeOffset.FromUnixTimeSeconds((Window(at) + 1) * (long)Step.TotalSeconds);

    /// <summary>The 6-digit code (leading zeros kept) of a secret for a time-step number.</summary>
    public static string For(string secret, long window)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, window);
        var hash = HMACSHA1.HashData(Convert.FromBase64String(secret), counter);
        var offset = hash[^1] & 0x0f;
        var binary = (BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset, 4)) & 0x7fffffff) % 1_000_000;
        return binary.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The code to show at <paramref name="now"/>.</summary>
    public static string Current(string secret, DateTimeOffset now) => For(secret, Window(now));

    /// <summary>
    /// True when check-in may be started for a session from <paramref name="startsAt"/> to <paramref name="endsAt"/>: on the
    /// session's own day (Asia/Shanghai), and while its check-in is open (<see cref="IsOpen"/>: a session that opens before
    /// midnight or runs past it). Started days ahead, the projector tab could pass for that day's session and the secret would
    /// sit unused for days. Whether it has ended is the caller's check.
    /// </summary>
    public static bool MayStart(DateTimeOffset startsAt, DateTimeOffset endsAt, DateTimeOffset now) =>
        DateOnly.FromDateTime(now.ToShanghai().DateTime) == DateOnly.FromDateTime(startsAt.ToShanghai().DateTime)
        || IsOpen(startsAt, endsAt, now);

    /// <summary>True from <see cref="OpensBefore"/> before the start until the end of the session.</summary>
    public static bool IsOpen(DateTimeOffset startsAt, DateTimeOffset endsAt, DateTimeOffset now) =>
        now >= startsAt - OpensBefore && now <= endsAt;

    /// <summary>
    /// True when the typed text reads as six digits once normalised like <see cref="Check"/> does (full-width digits,
    /// invisible characters and spaces inside allowed), so the check-in form refuses only what could never be a code.
    /// </summary>
    public static bool HasShape(string? typed) => AsTyped(typed) is { Length: 6 } code && code.All(char.IsAsciiDigit);

    private static string AsTyped(string? typed) => string.Concat(TextNormalizer.Normalize(typed).Where(c => !char.IsWhiteSpace(c)));

    /// <summary>
    /// Judges a typed code against one session's secret and times. The code is normalised like every typed identifier
    /// (<see cref="TextNormalizer.Normalize"/>), so full-width digits from a Chinese input method and invisible characters count as typed;
    /// spaces inside are dropped too, so "177 454" (read off the screen in two halves) is the code 177454 (review14).
    /// </summary>
    public static CheckInVerdict Check(string secret, DateTimeOffset startsAt, DateTimeOffset endsAt, string? typed, DateTimeOffset now)
    {
        var code = AsTyped(typed);
        if (!HasShape(typed)) return CheckInVerdict.Wrong;
        var window = Window(now);
        for (var back = 0; back <= ExpiredLookback; back++)
        {
            if (!CryptographicOperations.FixedTimeEquals(
                    System.Text.Encoding.ASCII.GetBytes(For(secret, window - back)), System.Text.Encoding.ASCII.GetBytes(code)))
                continue;
            if (now < startsAt - OpensBefore) return CheckInVerdict.NotOpenYet;
            return back <= 1 && IsOpen(startsAt, endsAt, now) ? CheckInVerdict.Valid : CheckInVerdict.Expired;
        }
        return CheckInVerdict.Wrong;
    }

    /// <summary>Present up to <see cref="LateAfter"/> after the start, Late afterwards.</summary>
    public static AttendanceMark MarkAt(DateTimeOffset startsAt, DateTimeOffset now) =>
        now > startsAt + LateAfter ? AttendanceMark.Late : AttendanceMark.Present;
}
