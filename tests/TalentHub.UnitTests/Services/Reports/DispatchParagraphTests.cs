using TalentHub.UnitTests.Builders;
using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using TalentHub.Web;
using TalentHub.Web.Domain.Reports;
using TalentHub.Web.Services.Reports;

namespace TalentHub.UnitTests.Services.Reports;

/// <summary>The generated paragraph of a dispatch report, in zh-CN and English, from the real resource files.</summary>
public sealed class DispatchParagraphTests
{
    private static readonly IStringLocalizer L = Texts.L;

    private static DispatchCounty County(int rank, int? movement, params (Indicator Indicator, decimal? Behind)[] behind) =>
        new("330523000000", "安吉县", "Anji County", rank, movement, 0.8m, Indicators.All.ToDictionary(i => i, i =>
        {
            var points = behind.FirstOrDefault(b => b.Indicator == i).Behind;
            return new ProgressCell(100, 50, 0.5m, 0.5m, points ?? -1m);
        }));

    private static string In(string culture, Func<string> paragraph)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo(culture);
        try { return paragraph(); }
        finally { CultureInfo.CurrentUICulture = before; }
    }

    [Fact]
    public void Lagging_NamesIndicatorsFurthestBehindFirst_InBothLanguages()
    {
        var c = County(3, 2, (Indicator.NewCooperatives, 4.5m), (Indicator.FollowUpRate, 12m));

        Assert.Equal("安吉县综合进度排名第3位，较上月上升2位。滞后指标：跟踪服务完成率（%）落后序时进度12个百分点；新增农民专业合作社落后序时进度4.5个百分点。",
            In("zh-CN", () => DispatchService.Paragraph(c, L, english: false)));
        Assert.Equal("Anji County ranks 3, up 2 since last month. Behind schedule: Follow-up rate (%) by 12 percentage points; New cooperatives listed by 4.5 percentage points.",
            In("en", () => DispatchService.Paragraph(c, L, english: true)));
    }

    [Fact]
    public void OnSchedule_AndMovement_InBothLanguages()
    {
        var c = County(1, -1);

        Assert.Equal("安吉县综合进度排名第1位，较上月下降1位。各项指标均达到序时进度。", In("zh-CN", () => DispatchService.Paragraph(c, L, english: false)));
        Assert.Equal("Anji County ranks 1, down 1 since last month. Every indicator is on schedule.", In("en", () => DispatchService.Paragraph(c, L, english: true)));
        Assert.Equal("Anji County ranks 1. Every indicator is on schedule.",
            In("en", () => DispatchService.Paragraph(County(1, null), L, english: true)));
    }

    [Fact]
    public void NoJudgedIndicator_SaysProgressIsNotJudged_NotOnSchedule_InBothLanguages()
    {
        // A county whose targets are all unset or 0: no share, no score, ranked last (review34a: "every indicator is on schedule").
        var c = new DispatchCounty("330523000000", "安吉县", "Anji County", 5, 0, null,
            Indicators.All.ToDictionary(i => i, _ => new ProgressCell(0, 12, null, 0.9m, null)));

        Assert.Equal("安吉县综合进度排名第5位，与上月持平。未设定大于零的目标，不评价进度。", In("zh-CN", () => DispatchService.Paragraph(c, L, english: false)));
        Assert.Equal("Anji County ranks 5, unchanged since last month. No indicator has a target above zero, so its progress is not judged.",
            In("en", () => DispatchService.Paragraph(c, L, english: true)));
    }
    /// <summary>
    /// fix35c: a county with targets for only some indicators, all of those on schedule, was told "every indicator is on
    /// schedule"; the paragraph names the ones on schedule and says the others have no target (or no figure yet).
    /// </summary>
    [Fact]
    public void SomeIndicatorsWithoutTarget_NamesThoseOnSchedule_AndThoseNotJudged_InBothLanguages()
    {
        var c = new DispatchCounty("330523000000", "安吉县", "Anji County", 2, 0, 1.1m, Indicators.All.ToDictionary(i => i, i => i switch
        {
            Indicator.PeopleTrained => new ProgressCell(100, 80, 0.8m, 0.5m, -30m),
            Indicator.NewCooperatives => new ProgressCell(10, 6, 0.6m, 0.5m, -10m),
            Indicator.FollowUpRate => new ProgressCell(90, null, null, 1m, null),
            _ => new ProgressCell(i == Indicator.NewFamilyFarms ? 0 : null, 3, null, 0.5m, null),
        }));

        Assert.Equal("安吉县综合进度排名第2位，与上月持平。达到序时进度：培训结业人数、新增农民专业合作社。"
            + "未设定目标、不评价进度：颁发证书数、扶持返乡入乡创业人员、新增家庭农场、评定示范主体。暂无数据、不评价进度：跟踪服务完成率（%）。",
            In("zh-CN", () => DispatchService.Paragraph(c, L, english: false)));
        var en = In("en", () => DispatchService.Paragraph(c, L, english: true));
        Assert.StartsWith("Anji County ranks 2, unchanged since last month. On schedule: ", en);
        Assert.Contains(" No target set, so not judged: ", en);
        Assert.Contains(" No figure yet, so not judged: Follow-up rate (%).", en);
        Assert.DoesNotContain("Every indicator", en);
    }

    [Fact]
    public void SomeLagging_SomeWithoutTarget_SaysBoth()
    {
        var c = new DispatchCounty("330523000000", "安吉县", "Anji County", 4, null, 0.3m, Indicators.All.ToDictionary(i => i, i => i switch
        {
            Indicator.PeopleTrained => new ProgressCell(100, 20, 0.2m, 0.5m, 30m),
            Indicator.NewCooperatives => new ProgressCell(10, 6, 0.6m, 0.5m, -10m),
            _ => new ProgressCell(null, 3, null, 0.5m, null),
        }));

        var zh = In("zh-CN", () => DispatchService.Paragraph(c, L, english: false));

        Assert.StartsWith("安吉县综合进度排名第4位。滞后指标：培训结业人数落后序时进度30个百分点。达到序时进度：新增农民专业合作社。未设定目标、不评价进度：颁发证书数、", zh);
        Assert.DoesNotContain("各项指标", zh);
    }
}
