using TalentHub.Web.Domain.Common;

namespace TalentHub.UnitTests.Domain.Common;

public sealed class EmailRuleTests
{
    [Theory]
    [InlineData("zhang.wei@example.com")]
    [InlineData("nongye+hz@huzhou.gov.cn")]
    [InlineData("li@xn--fiqs8s.cn")]
    [InlineData("wang@农业.中国")]
    public void An_address_with_a_dotted_domain_is_valid(string value) => Assert.True(EmailRule.IsValid(value));

    [Theory]
    [InlineData("a@b")]                // review16: a host without a domain
    [InlineData("a@b.")]
    [InlineData("a@.cn")]
    [InlineData("a@b..cn")]
    [InlineData("@example.com")]
    [InlineData("a@@example.com")]
    [InlineData("a@b@example.com")]
    [InlineData("a b@example.com")]
    [InlineData("a@-example.com")]
    [InlineData("a@example-.com")]
    [InlineData("a@127.0.0.1")]
    [InlineData("example.com")]
    public void An_address_without_a_proper_domain_is_refused(string value) => Assert.False(EmailRule.IsValid(value));

    [Fact]
    public void An_address_longer_than_254_characters_is_refused() =>
        Assert.False(EmailRule.IsValid(new string('a', 250) + "@x.cn"));
}
