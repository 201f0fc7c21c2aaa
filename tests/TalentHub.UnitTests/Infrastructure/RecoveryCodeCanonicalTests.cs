using TalentHub.Web.Areas.Identity.Pages.Account;

namespace TalentHub.UnitTests.Infrastructure;

public sealed class RecoveryCodeCanonicalTests
{
    [Theory]
    [InlineData("BCDFG-23456", "BCDFG-23456")]
    [InlineData("bcdfg-23456", "BCDFG-23456")]
    [InlineData("bcdfg 23456", "BCDFG-23456")]
    [InlineData(" BCDFG23456 ", "BCDFG-23456")]
    [InlineData("ＢＣＤＦＧ－２３４５６", "BCDFG-23456")]
    [InlineData("BCD-FG-23456", "BCDFG-23456")]
    [InlineData("BCDFG-2345", "BCDFG-2345")]
    [InlineData("", "")]
    public void TypedCode_IsReadAsIdentityIssuesIt(string typed, string expected) =>
        Assert.Equal(expected, LoginWithRecoveryCodeModel.Canonical(typed));
}
