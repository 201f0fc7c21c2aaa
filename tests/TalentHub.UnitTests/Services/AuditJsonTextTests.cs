using TalentHub.UnitTests.Builders;
using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using TalentHub.Web;
using TalentHub.Web.Services.Audit;

namespace TalentHub.UnitTests.Services;

/// <summary>
/// admin30: /Admin/Audit showed a dispatch report's frozen figures as raw JSON (cut at 1,000 characters by the log). They
/// are shown as localized "label: value" lines; JSON of any other shape as "path: value" lines; text that is not JSON as typed.
/// </summary>
public sealed class AuditJsonTextTests
{
    private static readonly IStringLocalizer L = Texts.L;

    private const string Figures = """
        {"Month":"2026-10","Day":"2026-10-31","Counties":[{"County":"330523000000","NameZh":"安吉县","NameEn":"Anji County","Rank":1,"Movement":0,"Score":0.875,"Cells":{"PeopleTrained":{"Actual":12}}},{"County":"330522000000","NameZh":"长兴县","NameEn":"Changxing County","Rank":2,"Movement":null,"Score":null,"Cells":{}}],"Examples":[{"Id":3,"Title":"竹林"}]}
        """;

    [Theory]
    [InlineData("zh-CN", "月份: 2026-10", "数据截至: ", "安吉县: 第1名，综合进度87.5%", "长兴县: 第2名", "本月典型案例: 1")]
    [InlineData("en", "Month: 2026-10", "Figures as of: ", "Anji County: rank 1, overall progress 87.5%", "Changxing County: rank 2", ": 1")]
    public void DispatchFigures_AreLabelledLines_InTheViewersLanguage(string culture, string month, string day, string first, string second, string examples)
    {
        using var _ = new CultureScope(culture);

        var lines = AuditJsonText.Lines("DispatchReport", "Figures", Figures, L)!;

        // reports31: not the month: the entry names it in its own field (the line read "月份: 2026-10 …; 月份: 2026-10").
        Assert.DoesNotContain(lines, x => x.Contains(month, StringComparison.Ordinal) || x.Contains("2026-10", StringComparison.Ordinal));
        Assert.StartsWith(day, lines[0]);
        Assert.Equal([first, second], lines.Skip(1).Take(2));
        Assert.EndsWith(examples, lines[3]);
        Assert.Equal(4, lines.Count);
        Assert.DoesNotContain(lines, x => x.Contains('{') || x.Contains('"'));
    }

    [Theory]
    [InlineData("zh-CN", "完整数据请查看通报")]
    [InlineData("en", "the report itself has them all")]
    public void FiguresCutShortByTheLog_ShowWhatWasRead_AndSaySo(string culture, string note)
    {
        using var _ = new CultureScope(culture);

        var lines = AuditJsonText.Lines("DispatchReport", "Figures", Figures[..180] + "…", L)!;

        Assert.Contains(lines, x => x.Contains(culture == "en" ? "Anji County: rank 1" : "安吉县: 第1名", StringComparison.Ordinal));
        Assert.Contains(note, lines[^1]);
        Assert.DoesNotContain(lines, x => x.Contains('{'));
    }

    [Fact]
    public void OtherJson_IsShownAsPathAndValue_YesNoWorded()
    {
        using var _ = new CultureScope("zh-CN");

        var lines = AuditJsonText.Lines("Course", "Whatever", """{"A":true,"B":{"C":[1,"x"]},"D":null}""", L)!;

        Assert.Equal(["A: 是", "B › C › 1: 1", "B › C › 2: x", "D: —"], lines);
    }

    [Fact]
    public void JsonInsideAText_OfAnEntryCutShort_IsShownAsLinesToo()
    {
        using var _ = new CultureScope("en");

        var lines = AuditJsonText.Lines("DispatchReport", "", """{"Figures":[null,"{\"Month\":\"2026-10\",\"Rank\":1}"],"Month":[null,"20""", L)!;

        Assert.Equal("Figures › 2: Month: 2026-10; Rank: 1", lines[1]);
        Assert.DoesNotContain(lines, x => x.Contains('{'));
    }

    [Theory]
    [InlineData("[急] 回访")]
    [InlineData("安吉县白茶")]
    [InlineData("{not json}")]
    [InlineData("")]
    public void TextThatIsNotJson_IsLeftAsTyped(string text) => Assert.Null(AuditJsonText.Lines("Person", "Notes", text, L));

    private sealed class CultureScope : IDisposable
    {
        private readonly CultureInfo _ui = CultureInfo.CurrentUICulture, _culture = CultureInfo.CurrentCulture;

        public CultureScope(string name) => CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(name);

        public void Dispose() => (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (_ui, _culture);
    }
}
