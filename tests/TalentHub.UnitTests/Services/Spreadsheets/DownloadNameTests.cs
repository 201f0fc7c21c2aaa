using System.Globalization;
using TalentHub.Web.Domain.Regions;
using TalentHub.Web.Services.Spreadsheets;

namespace TalentHub.UnitTests.Services.Spreadsheets;

/// <summary>fix29b: a report download is named by what it holds, in the UI language with an English ASCII fallback.</summary>
public sealed class DownloadNameTests
{
    private static readonly Region Anji = new() { Code = "330523000000", Name = "安吉县", NameEn = "Anji County", Level = RegionLevel.County };

    private static T In<T>(string culture, Func<T> read)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo(culture);
        try { return read(); }
        finally { CultureInfo.CurrentUICulture = before; }
    }

    [Fact]
    public void Name_JoinsKindScopeAndPeriod_InTheUiLanguage_WithAnEnglishAsciiFallback()
    {
        var zh = In("zh-CN", () => new DownloadName().Add("人才工作月报", "dispatch-report").Region(Anji).Add("2026-11"));
        Assert.Equal("人才工作月报_安吉县_2026-11.xlsx", zh.Name("xlsx"));
        Assert.Equal("dispatch-report_Anji-County_2026-11.xlsx", zh.Ascii("xlsx"));

        var en = In("en", () => new DownloadName().Add("Dispatch report", "Dispatch report").Region(Anji).Add("2026-11"));
        Assert.Equal("Dispatch-report_Anji-County_2026-11.csv", en.Name("csv"));
    }

    [Fact]
    public void Parts_LoseWhatAFileNameMayNotHold_AndTheFallbackIsAscii()
    {
        var name = new DownloadName().Add("a/b: c?*\"<x>|_y  z", "a/b: c?*\"<x>|_y  z").Add("乡村 振兴 项目", "乡村 振兴 program-7").Add("  ", "  ");

        Assert.Equal("ab-cxy-z_乡村-振兴-项目.csv", name.Name("csv"));
        Assert.Equal("ab-cxy-z_program-7.csv", name.Ascii("csv"));
    }

    /// <summary>reports31: a course title starting with the county named the county twice (花名册_安吉县_安吉县白茶…).</summary>
    [Fact]
    public void APartALaterPartHolds_IsLeftOut_InEachLanguageOnItsOwn()
    {
        var name = In("zh-CN", () => new DownloadName().Add("花名册", "roster").Region(Anji).Add("安吉县白茶种植班", "course-12").Add("2026-12-02"));

        Assert.Equal("花名册_安吉县白茶种植班_2026-12-02.csv", name.Name("csv"));
        Assert.Equal("roster_Anji-County_course-12_2026-12-02.csv", name.Ascii("csv"));
        Assert.Equal("花名册_安吉县_德清县白茶种植班_2026-12-02.csv",
            In("zh-CN", () => new DownloadName().Add("花名册", "roster").Region(Anji).Add("德清县白茶种植班", "course-12").Add("2026-12-02")).Name("csv"));
        // A year is not a name: it stays beside the day it is part of.
        Assert.Equal("数据看板_2026_2026-12-02.csv",
            In("zh-CN", () => new DownloadName().Add("数据看板", "dashboard").Add("2026").Add("2026-12-02")).Name("csv"));
    }

    [Fact]
    public void ContentDisposition_SendsTheAsciiFilename_AndTheUtf8FilenameStar()
    {
        var value = DownloadName.ContentDisposition("人才工作月报_安吉县_2026-11.xlsx", "dispatch-report_Anji-County_2026-11.xlsx");

        var parsed = System.Net.Http.Headers.ContentDispositionHeaderValue.Parse(value);
        Assert.Equal("attachment", parsed.DispositionType);
        Assert.Equal("dispatch-report_Anji-County_2026-11.xlsx", parsed.FileName!.Trim('"'));
        Assert.Equal("人才工作月报_安吉县_2026-11.xlsx", parsed.FileNameStar);
        Assert.Contains("filename*=UTF-8''%E4%BA%BA", value);
    }
}
