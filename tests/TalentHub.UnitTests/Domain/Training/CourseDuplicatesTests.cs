using TalentHub.Web.Domain.Training;

namespace TalentHub.UnitTests.Domain.Training;

public class CourseDuplicatesTests
{
    [Theory]
    [InlineData("Apple 种植班", "apple 种植班")]
    [InlineData("Apple 种植班", "ＡＰＰＬＥ 种植班")]          // full-width, upper case
    [InlineData("2026年白茶班", "２０２６年白茶班")]
    [InlineData(" 白茶班 ", "白茶班\u200B")]                   // spaces trimmed, zero-width space dropped
    [InlineData("带头 人", "带头人")]                           // polish32: inner white space between Chinese characters
    [InlineData("带头\u3000人", "带头人")]                       // ideographic space
    [InlineData("带头\u00A0人", "带\u200B头人")]                 // no-break space, zero-width space
    [InlineData("Apple  farming 班", "apple farming班")]        // a run of spaces between words is one space
    public void SameTitle_AfterNormalization_CaseAndWidthInsensitive(string a, string b) =>
        Assert.True(CourseDuplicates.SameTitle(a, b));

    [Theory]
    [InlineData("白茶班", "白茶班二期")]
    [InlineData("Apple", "Apples")]
    [InlineData("Apple farming", "Applefarming")]              // the space between two words stays
    [InlineData("AI 2026", "AI2026")]
    public void DifferentTitles_AreNotTheSame(string a, string b) =>
        Assert.False(CourseDuplicates.SameTitle(a, b));

    [Fact]
    public void StartDate_IsTheShanghaiDateOfTheFirstSession()
    {
        // 2026-03-01 17:00 UTC is 2026-03-02 01:00 in Shanghai.
        var late = new DateTimeOffset(2026, 3, 1, 17, 0, 0, TimeSpan.Zero);

        Assert.Equal(new DateOnly(2026, 3, 2), CourseDuplicates.StartDate([late.AddDays(3), late]));
    }

    [Fact]
    public void StartDate_WithoutSessions_IsNull() => Assert.Null(CourseDuplicates.StartDate([]));
}
