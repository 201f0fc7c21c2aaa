using TalentHub.Web.Domain.Common;

namespace TalentHub.UnitTests.Domain.Common;

public sealed class TextNormalizerTests
{
    [Theory]
    [InlineData("张\u200B三", "张三")]                 // zero-width space
    [InlineData("\uFEFF张三\u00AD", "张三")]            // BOM, soft hyphen
    [InlineData("\u200E张\u200D三\u2060", "张三")]      // direction mark, joiner, word joiner
    [InlineData("\u3000 张三\u3000", "张三")]           // ideographic spaces trimmed
    [InlineData("３３０５２３", "330523")]              // full-width digits
    [InlineData("ＡＢＣ", "ABC")]
    [InlineData("第一行\n第二行", "第一行\n第二行")]       // line breaks kept for notes
    [InlineData("a\u0007b", "ab")]                       // a control character
    public void Normalize_AppliesNfkc_RemovesInvisibleCharacters_AndTrims(string input, string expected) =>
        Assert.Equal(expected, TextNormalizer.Normalize(input));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \u200B\u3000 ")]
    public void Clean_OfNothingVisible_IsNull(string? input) => Assert.Null(TextNormalizer.Clean(input));

    [Fact]
    public void Tidy_OfFreeText_RemovesInvisibleCharacters_ButKeepsFullWidthPunctuation()
    {
        Assert.Equal("村党支部推荐，县局同意（跨县）", TextNormalizer.Tidy("\u200B村党支部推荐，县局同意（跨县）\u3000"));
        Assert.Null(TextNormalizer.Tidy("\u200B \uFEFF"));
    }

    /// <summary>rev37a: a textarea's line breaks arrive as "\r\n" (or a lone "\r"); each is one "\n", as the browser counted it.</summary>
    [Fact]
    public void Tidy_MakesEachLineBreakOneCharacter()
    {
        Assert.Equal("第一行\n第二行\nthird\n\nfourth", TextNormalizer.Tidy("第一行\r\n第二行\rthird\n\r\nfourth\r\n"));
        Assert.Equal("讲得好\n\u00E9", TextNormalizer.Tidy("讲得好\r\ne\u0301"));
    }

    /// <summary>
    /// Issue 12: text of printable ASCII and CJK unified ideographs is already NFC and NFKC and holds nothing invisible,
    /// so it is returned as it came (no copy, no normalisation check), trimmed; every such character is proved here
    /// against the runtime's own Unicode data, so the fast path can never give another result than the full one.
    /// </summary>
    [Fact]
    public void AsciiAndCjkIdeographs_AreReturnedAsTheyCame_AndNeedNoNormalisation()
    {
        const string name = "导入12345 白茶Village";
        Assert.Same(name, TextNormalizer.Tidy(name));
        Assert.Same(name, TextNormalizer.Normalize(name));
        Assert.Equal("张三", TextNormalizer.Normalize(" 张三\t"));

        var ranges = new[] { (0x20, 0x7E), (0x3400, 0x4DBF), (0x4E00, 0x9FFF) };
        foreach (var (first, last) in ranges)
            for (var c = first; c <= last; c++)
            {
                var text = "a" + (char)c + "一";
                Assert.True(text.IsNormalized(System.Text.NormalizationForm.FormC) && text.IsNormalized(System.Text.NormalizationForm.FormKC),
                    $"U+{c:X4} is not NFC/NFKC-stable");
                Assert.False(TextNormalizer.IsInvisible(new System.Text.Rune(c)), $"U+{c:X4} is invisible");
            }
    }

    [Fact]
    public void IdentifierParsers_NormaliseFirst()
    {
        var id = IdNumber.Create("330523", new DateOnly(1985, 3, 5), 12, Sex.Female).Value;
        var fullWidth = string.Concat(id.Select(c => char.IsAsciiDigit(c) ? (char)(c + 0xFEE0) : c));
        Assert.True(IdNumber.TryParse("\u200B" + fullWidth, TimeProvider.System, out var parsed, out _));
        Assert.Equal(id, parsed!.Value);
        Assert.True(MobileNumber.TryParse("１３８\u200B００００００００", out var mobile));
        Assert.Equal("13800000000", mobile);
        Assert.Equal("91330523MA28C0B1X1", CreditCode.Normalize("９１３３０５２３ＭＡ２８Ｃ０Ｂ１Ｘ１\u200B"));
    }
}
