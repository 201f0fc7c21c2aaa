using TalentHub.Web.Domain.Common;

namespace TalentHub.UnitTests.Domain.Common;

public class MaskingTests
{
    [Theory]
    [InlineData("330523199001011230", "330523********1230")]
    [InlineData("33052319900101123X", "330523********123X")]
    [InlineData(" 11010519491231002X ", "110105********002X")]
    public void IdNumber_KeepsFirstSixAndLastFour(string input, string expected)
    {
        Assert.Equal(expected, Masking.IdNumber(input));
    }

    [Theory]
    [InlineData(null, "")]
    [InlineData("", "")]
    [InlineData("1234567890", "**********")]
    public void IdNumber_WithNullEmptyOrTooShortInput_RevealsNothing(string? input, string expected)
    {
        Assert.Equal(expected, Masking.IdNumber(input));
    }

    [Theory]
    [InlineData("13812345678", "138****5678")]
    [InlineData("+86 138-1234-5678", "138****5678")]
    public void Mobile_KeepsFirstThreeAndLastFour(string input, string expected)
    {
        Assert.Equal(expected, Masking.Mobile(input));
    }

    [Theory]
    [InlineData(null, "")]
    [InlineData("", "")]
    [InlineData("1234567", "*******")]
    public void Mobile_WithNullEmptyOrTooShortInput_RevealsNothing(string? input, string expected)
    {
        Assert.Equal(expected, Masking.Mobile(input));
    }

    [Theory]
    [InlineData("张三", "张*")]
    [InlineData("王小明", "王*明")]
    [InlineData("欧阳明华", "欧**华")]
    [InlineData("爱新觉罗溥仪", "爱****仪")]
    [InlineData(" 李四 ", "李*")]
    public void Name_KeepsFirstAndLastCharacter(string input, string expected)
    {
        Assert.Equal(expected, Masking.Name(input));
    }

    [Theory]
    [InlineData(null, "")]
    [InlineData("", "")]
    [InlineData("   ", "")]
    [InlineData("张", "*")]
    public void Name_WithNullEmptyOrSingleCharacter_RevealsNothing(string? input, string expected)
    {
        Assert.Equal(expected, Masking.Name(input));
    }

    [Fact]
    public void Name_WithCharacterOutsideBasicPlane_TreatsItAsOneCharacter()
    {
        Assert.Equal("王*𠀋", Masking.Name("王小𠀋"));
    }

    [Theory]
    [InlineData("zhangsan@example.com", "z***n@example.com")]
    [InlineData("ab@x.cn", "a*@x.cn")]
    [InlineData("a@x.cn", "*@x.cn")]
    [InlineData("not-an-email", "************")]
    [InlineData(null, "")]
    public void Email_KeepsTheDomainAndHidesTheMailbox(string? input, string expected)
    {
        Assert.Equal(expected, Masking.Email(input));
    }

    [Theory]
    [InlineData("白婷婷返乡创业，白婷婷带动农户增收。", "白婷婷", "白*婷返乡创业，白*婷带动农户增收。")]
    [InlineData("李明办起家庭农场。", " 李明 ", "李*办起家庭农场。")]
    [InlineData("返乡创业带头人", "白婷婷", "返乡创业带头人")]
    [InlineData("白茶基地", "白", "白茶基地")] // a one-character name would mask that character everywhere: left alone
    [InlineData("白茶基地", null, "白茶基地")]
    [InlineData(null, "白婷婷", "")]
    public void NameIn_MasksEveryOccurrenceOfTheFullName(string? text, string? name, string expected)
    {
        Assert.Equal(expected, Masking.NameIn(text, name));
    }
}
