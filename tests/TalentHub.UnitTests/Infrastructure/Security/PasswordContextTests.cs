using TalentHub.Web.Infrastructure.Security;
using static TalentHub.Web.Infrastructure.Security.PasswordContext;

namespace TalentHub.UnitTests.Infrastructure.Security;

public sealed class PasswordContextTests
{
    private static readonly string?[] Farmer = ["张三丰", "13812345678", "33052319850301002X", null];

    [Theory]
    [InlineData("talenthub-demo-2026", Refusal.DemoPassword)]
    [InlineData("TalentHub-Demo-2026", Refusal.DemoPassword)]
    [InlineData("my talenthub password", Refusal.ProductName)]
    [InlineData("Talent-Hub is where I work", Refusal.ProductName)]
    [InlineData("湖州市乡村人才服务平台密码", Refusal.ProductName)]
    [InlineData("张三丰的家在安吉余村", Refusal.PersonalData)]
    [InlineData("call me on 138-1234-5678", Refusal.PersonalData)]
    [InlineData("id 33052319850301002x ok", Refusal.PersonalData)]
    [InlineData("aaaaaaaaaaaaaa", Refusal.Trivial)]
    [InlineData("abcabcabcabc", Refusal.Trivial)]
    [InlineData("121212121212", Refusal.Trivial)]
    [InlineData("123456789012", Refusal.Trivial)]
    [InlineData("zyxwvutsrqpo", Refusal.Trivial)]
    [InlineData("白茶白茶白茶白茶白茶白茶", Refusal.Trivial)]
    [InlineData("bamboo hills and white tea", Refusal.None)]
    [InlineData("余村的竹林和白茶园很美", Refusal.None)]
    public void Check_RefusesContextSpecificPasswords(string password, Refusal expected) =>
        Assert.Equal(expected, Check(password, Farmer));

    [Fact]
    public void Check_UsesTheGivenUsersValuesOnly() =>
        Assert.Equal(Refusal.None, Check("张三丰的家在安吉余村", ["李四", "13800000001"]));
}
