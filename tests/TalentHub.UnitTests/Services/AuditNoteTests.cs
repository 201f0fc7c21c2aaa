using TalentHub.UnitTests.Builders;
using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using TalentHub.Web;
using TalentHub.Web.Domain.Training;
using TalentHub.Web.Services;
using TalentHub.Web.Services.Audit;

namespace TalentHub.UnitTests.Services;

/// <summary>Audit notes are stored culture-invariant with escaped values and shown in the viewer's language (review11).</summary>
public sealed class AuditNoteTests
{
    private static readonly IStringLocalizer L = Texts.L;

    [Fact]
    public void AFileNameWithSeparators_IsEscaped_AndReadBackWhole()
    {
        var stored = new AuditNote().With(AuditNoteKeys.File, @"a;b=c\d.csv").With(AuditNoteKeys.Rows, 12).ToString();

        Assert.Equal(@"file=a\;b\=c\\d.csv; rows=12", stored);
        var pairs = AuditNote.Parse(stored)!;
        Assert.Equal([(AuditNoteKeys.File, @"a;b=c\d.csv"), (AuditNoteKeys.Rows, "12")], pairs);
    }

    [Theory]
    [InlineData("regenerated 2026-03")]
    [InlineData("IdNumber,Mobile (API stream); rows=3")]
    [InlineData("course=1; person=2; status=Confirmed; override: TooYoung; reason: x")]
    [InlineData("nosuchkey=1")]
    [InlineData("导出人才 25 条")]
    public void OldFreeText_IsNotANote(string stored) => Assert.Null(AuditNote.Parse(stored));

    [Fact]
    public void AnOldImportNote_IsReadWithItsOldKeyNames() =>
        Assert.Equal([(AuditNoteKeys.File, "x.xlsx"), (AuditNoteKeys.Rows, "120"), (AuditNoteKeys.WarningsAccepted, "1")],
            AuditNote.Parse("file=x.xlsx; rows=120; warnings accepted=1")!);

    [Fact]
    public void EmptyValues_AreLeftOut() =>
        Assert.Equal("rows=0", new AuditNote().With(AuditNoteKeys.File, "").With(AuditNoteKeys.Rows, 0).With(AuditNoteKeys.Education, (TalentHub.Web.Domain.People.EducationLevel?)null).ToString());

    [Theory]
    [InlineData("zh-CN", "状态: 已确认 | 途径: 候补转正 | 破例放行的条件: 未达到该培训班的最低年龄。 未达到该培训班的学历要求。", "县（市、区）: 安吉县")]
    [InlineData("en", "Status: Confirmed | How: Promoted from the waiting list | Rules overridden: Below the course's minimum age. Below the course's education requirement.", "County: Anji County")]
    public void ANote_IsShownInTheViewersLanguage(string culture, string expected, string region)
    {
        var stored = new AuditNote().With(AuditNoteKeys.Status, EnrollmentStatus.Confirmed).With(AuditNoteKeys.Via, AuditNoteVia.Promoted)
            .WithAll(AuditNoteKeys.Override, [EnrollmentRefusal.TooYoung, EnrollmentRefusal.EducationTooLow]).With(AuditNoteKeys.County, "330523000000").ToString();
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo(culture);
        try
        {
            var names = new Dictionary<string, string> { ["330523000000"] = culture == "en" ? "Anji County" : "安吉县" };
            var items = new AuditNoteText(L, new AuditLabels(Texts.L),
                names.GetValueOrDefault).Show("Enrollment", stored)!;

            var shown = string.Join(" | ", items.Select(i => $"{i.Label}: {i.Value}"));
            Assert.StartsWith(expected, shown);
            Assert.EndsWith(region, shown);
            Assert.DoesNotContain("TooYoung", shown);
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    public static TheoryData<string, string> LabelKeys()
    {
        var data = new TheoryData<string, string>();
        foreach (var culture in new[] { "zh-CN", "en" })
        {
            foreach (var key in AuditNoteKeys.All) data.Add(key.LabelKey, culture);
            foreach (var via in Enum.GetNames<AuditNoteVia>()) data.Add($"{AuditNoteKeys.Via.ValuePrefix}.{via}", culture);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(LabelKeys))]
    public void EveryKeyAndVia_HasALabel(string key, string culture)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo(culture);
        try
        {
            Assert.False(L[key].ResourceNotFound, $"{key} has no {culture} label");
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
