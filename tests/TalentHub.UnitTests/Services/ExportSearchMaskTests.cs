using TalentHub.Web.Services.Spreadsheets;

namespace TalentHub.UnitTests.Services;

/// <summary>
/// The search an export's audit note keeps (<see cref="ExportLinks.MaskSearch"/>) never holds a whole ID number or mobile,
/// however it was typed (review13: full-width digits from a Chinese input method find the person, and were stored whole).
/// </summary>
public sealed class ExportSearchMaskTests
{
    [Theory]
    [InlineData("330523198001017715", "330523********7715")]
    [InlineData("３３０５２３１９８００１０１７７１５", "330523********7715")]
    [InlineData("３３０５２３１９８００１０１７７１Ｘ", "330523********771X")]
    [InlineData("330523\u200b198001017715", "330523********7715")]
    [InlineData("3305 2319 8001 0177 15", "330523********7715")] // grouped as typed: masked as searched (fix18)
    [InlineData("330523-19800101-771x", "330523********771X")]
    [InlineData("１３９１２３４０００１", "139****0001")]
    [InlineData("王秀", "王秀")]
    public void AnIdNumberOrMobile_IsMasked_HoweverItWasTyped(string typed, string kept) =>
        Assert.Equal(kept, ExportLinks.MaskSearch(typed));
}
