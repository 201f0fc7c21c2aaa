using TalentHub.Web.Domain.Common;

namespace TalentHub.UnitTests.Domain.Common;

public class MobileNumberTests
{
    [Theory]
    [InlineData("13812345678", "13812345678")]
    [InlineData("19912345678", "19912345678")]
    [InlineData(" 138 1234 5678 ", "13812345678")]
    [InlineData("138-1234-5678", "13812345678")]
    [InlineData("+8613812345678", "13812345678")]
    [InlineData("+86 138 1234 5678", "13812345678")]
    [InlineData("+86-138-1234-5678", "13812345678")]
    [InlineData("8613812345678", "13812345678")]
    [InlineData("86 13812345678", "13812345678")]
    public void TryParse_WithValidMobile_ReturnsElevenDigits(string input, string expected)
    {
        Assert.True(MobileNumber.TryParse(input, out var normalized));
        Assert.Equal(expected, normalized);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("1381234567")] // 10 digits
    [InlineData("138123456789")] // 12 digits
    [InlineData("23812345678")] // does not start with 1
    [InlineData("12812345678")] // second digit 2
    [InlineData("10812345678")] // second digit 0
    [InlineData("1381234567a")]
    [InlineData("(138)12345678")]
    [InlineData("+8513812345678")] // other country code
    [InlineData("+86+8613812345678")]
    [InlineData("008613812345678")]
    [InlineData("１３８１２３４５６７")] // full-width digits, one too few (full-width itself is normalised, issue 8 item 13)
    public void TryParse_WithInvalidMobile_ReturnsFalseAndEmpty(string? input)
    {
        Assert.False(MobileNumber.TryParse(input, out var normalized));
        Assert.Equal(string.Empty, normalized);
    }
}
