using TalentHub.Web.Domain.Common;

namespace TalentHub.UnitTests.Domain.Common;

public class CreditCodeTests
{
    [Theory]
    [InlineData("91350100M000100Y43")]
    [InlineData("91110000100006485K")]
    public void Check_WithKnownValidCode_ReturnsValid(string code)
    {
        Assert.Equal(CreditCodeCheck.Valid, CreditCode.Check(code));
    }

    [Theory]
    [InlineData("91350100M000100Y4")]
    [InlineData("91110000100006485")]
    [InlineData("11000000000000000")]
    [InlineData("Y1330100MA2GXXXX0")]
    public void Check_WithCodeFromCreate_ReturnsValid(string first17)
    {
        Assert.Equal(CreditCodeCheck.Valid, CreditCode.Check(CreditCode.Create(first17)));
    }

    [Fact]
    public void Check_WithLowerCaseAndWhitespace_NormalizesBeforeChecking()
    {
        Assert.Equal(CreditCodeCheck.Valid, CreditCode.Check("  91350100m000100y43 "));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Check_WithNullOrBlankInput_ReturnsEmpty(string? input)
    {
        Assert.Equal(CreditCodeCheck.Empty, CreditCode.Check(input));
    }

    [Theory]
    [InlineData("91350100M000100Y4")]
    [InlineData("91350100M000100Y433")]
    [InlineData("350100M000100Y4")]
    public void Check_WithWrongLength_ReturnsWrongLength(string input)
    {
        Assert.Equal(CreditCodeCheck.WrongLength, CreditCode.Check(input));
    }

    [Theory]
    [InlineData('I')]
    [InlineData('O')]
    [InlineData('Z')]
    [InlineData('S')]
    [InlineData('V')]
    [InlineData('-')]
    [InlineData('中')]
    public void Check_WithForbiddenCharacter_ReturnsInvalidCharacters(char forbidden)
    {
        var code = "91350100" + forbidden + "000100Y43";

        Assert.Equal(CreditCodeCheck.InvalidCharacters, CreditCode.Check(code));
    }

    [Theory]
    [InlineData("91350100M000100Y40")]
    [InlineData("91350100M000100Y4A")]
    [InlineData("91350100M000200Y43")]
    public void Check_WithWrongCheckCharacter_ReturnsCheckDigitMismatchWarning(string input)
    {
        Assert.Equal(CreditCodeCheck.CheckDigitMismatch, CreditCode.Check(input));
    }

    [Fact]
    public void Create_AppendsCheckCharacter()
    {
        Assert.Equal("91350100M000100Y43", CreditCode.Create("91350100M000100Y4"));
    }

    [Fact]
    public void Create_WhenCheckValueIs31_AppendsZero()
    {
        // 17 zeros sum to 0, so 31 - 0 = 31, which maps to '0'.
        Assert.Equal("000000000000000000", CreditCode.Create("00000000000000000"));
    }

    [Fact]
    public void Create_NormalizesInput()
    {
        Assert.Equal("91350100M000100Y43", CreditCode.Create(" 91350100m000100y4 "));
    }

    [Theory]
    [InlineData("91350100M000100Y")]
    [InlineData("91350100M000100Y43")]
    [InlineData("91350100I000100Y4")]
    public void Create_WithMalformedInput_Throws(string first17)
    {
        Assert.Throws<ArgumentException>(() => CreditCode.Create(first17));
    }

    [Theory]
    [InlineData(" 91350100m000100y43 ", "91350100M000100Y43")]
    [InlineData(null, "")]
    [InlineData("9135 0100 M000 100Y 43", "91350100M000100Y43")] // typed in groups (review13)
    [InlineData("９１３５０１００ｍ０００１００ｙ４３\u200B", "91350100M000100Y43")]
    public void Normalize_TrimsAndUpperCases(string? input, string expected)
    {
        Assert.Equal(expected, CreditCode.Normalize(input));
    }
}
