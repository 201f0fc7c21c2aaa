using TalentHub.Web.Infrastructure.Security;

namespace TalentHub.IntegrationTests.Support;

/// <summary>
/// The authenticator app of the tests: RFC 6238 TOTP (HMAC-SHA1, 30-second steps, 6 digits) over a Base32 key
/// (RFC 4648), computed for a given instant so tests can use a fixed or a fake clock; the app's own computation
/// (<see cref="SingleUseAuthenticatorTokenProvider.CodeAt"/>), checked against RFC 6238's test values in TotpTests.
/// </summary>
public static class Totp
{
    public static string Code(string base32Key, DateTimeOffset at) => SingleUseAuthenticatorTokenProvider.CodeAt(base32Key, at);

    /// <summary>The code an app shows now (the server accepts codes up to two steps either side).</summary>
    public static string Now(string base32Key) => Code(base32Key, DateTimeOffset.UtcNow);
}
