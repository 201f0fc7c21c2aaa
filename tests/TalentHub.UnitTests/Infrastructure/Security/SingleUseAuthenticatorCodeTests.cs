using System.Text;
using TalentHub.Web.Infrastructure.Security;

namespace TalentHub.UnitTests.Infrastructure.Security;

/// <summary>The provider's own TOTP against RFC 6238 Appendix B (SHA-1 key "12345678901234567890"), last 6 digits.</summary>
public sealed class SingleUseAuthenticatorCodeTests
{
    private static readonly byte[] RfcKey = Encoding.ASCII.GetBytes("12345678901234567890");

    [Theory]
    [InlineData(59L, 287082)]
    [InlineData(1111111109L, 81804)]
    [InlineData(1111111111L, 50471)]
    [InlineData(1234567890L, 5924)]
    [InlineData(2000000000L, 279037)]
    public void Code_IsRfc6238s(long unixSeconds, int expected) =>
        Assert.Equal(expected, SingleUseAuthenticatorTokenProvider.Code(RfcKey, unixSeconds / 30));

    [Fact]
    public void MatchingStep_FindsTheStepWithinTwoEitherSide_AndNothingFurther()
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(1234567890);
        var step = 1234567890L / 30;

        Assert.Equal(step - 2, SingleUseAuthenticatorTokenProvider.MatchingStep(RfcKey, SingleUseAuthenticatorTokenProvider.Code(RfcKey, step - 2), now));
        Assert.Equal(step + 1, SingleUseAuthenticatorTokenProvider.MatchingStep(RfcKey, SingleUseAuthenticatorTokenProvider.Code(RfcKey, step + 1), now));
        Assert.Null(SingleUseAuthenticatorTokenProvider.MatchingStep(RfcKey, SingleUseAuthenticatorTokenProvider.Code(RfcKey, step + 3), now));
    }

    [Fact]
    public void FromBase32_DecodesRfc4648()
    {
        Assert.Equal("foobar"u8.ToArray(), SingleUseAuthenticatorTokenProvider.FromBase32("MZXW6YTBOI======"));
        Assert.Equal("foobar"u8.ToArray(), SingleUseAuthenticatorTokenProvider.FromBase32("mzxw 6ytb oi"));
    }
}
