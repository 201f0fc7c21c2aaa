using TalentHub.Web.Data;

namespace TalentHub.UnitTests.Data;

/// <summary>The bigram a name fragment is looked up by (issue 12): two code points, as the database's substr counts.</summary>
public sealed class PersonNameGramTests
{
    [Theory]
    [InlineData("王秀", "王秀")]
    [InlineData("王秀英", "王秀")]
    [InlineData("𠀀秀英", "𠀀秀")]   // U+20000 is two UTF-16 units but one character
    [InlineData("秀𠀀", "秀𠀀")]
    [InlineData("ab", "ab")]
    public void Of_IsTheFirstTwoCharacters(string fragment, string gram) => Assert.Equal(gram, PersonNameGram.Of(fragment));

    [Theory]
    [InlineData("")]
    [InlineData("王")]
    [InlineData("𠀀")]
    public void Of_AFragmentOfOneCharacter_IsNull(string fragment) => Assert.Null(PersonNameGram.Of(fragment));
}
