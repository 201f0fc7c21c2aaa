namespace TalentHub.IntegrationTests.Support;

/// <summary>The tests' authenticator agrees with RFC 6238 appendix B (SHA-1; the last six of its eight digits).</summary>
public sealed class TotpTests
{
    private const string Rfc6238Key = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"; // "12345678901234567890"

    [Theory]
    [InlineData(59L, "287082")]
    [InlineData(1111111109L, "081804")]
    [InlineData(1234567890L, "005924")]
    [InlineData(2000000000L, "279037")]
    public void Code_MatchesTheRfcVectors(long unixSeconds, string expected) =>
        Assert.Equal(expected, Totp.Code(Rfc6238Key, DateTimeOffset.FromUnixTimeSeconds(unixSeconds)));
}
