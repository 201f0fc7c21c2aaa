using TalentHub.Web.Services.Training;

namespace TalentHub.UnitTests.Services.Training;

/// <summary>The typed or imported assessment score (考核成绩): 0–100, at most one decimal, "." as the decimal point.</summary>
public sealed class ScoreTextTests
{
    [Theory]
    [InlineData("85", 85)]
    [InlineData(" 85.5 ", 85.5)]
    [InlineData("０", 0)]
    [InlineData("１００", 100)] // full-width digits from a Chinese input method
    [InlineData("８５．５", 85.5)]
    public void Accepts(string text, double expected)
    {
        Assert.True(ScoreImporter.TryScore(text, out var score));
        Assert.Equal((decimal)expected, score);
    }

    [Theory]
    [InlineData("8,5")] // review12: read as 85 (a thousands separator)
    [InlineData("1,00")] // review12: read as 100
    [InlineData("85.55")] // review12: kept with two decimals
    [InlineData("100.1")]
    [InlineData("-1")]
    [InlineData("abc")]
    [InlineData("1e2")]
    public void Refuses(string text) => Assert.False(ScoreImporter.TryScore(text, out _));
}
