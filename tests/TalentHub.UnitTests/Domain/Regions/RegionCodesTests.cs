using TalentHub.Web.Domain.Regions;

namespace TalentHub.UnitTests.Domain.Regions;

public sealed class RegionCodesTests
{
    [Theory]
    [InlineData("安吉县", "安吉")]
    [InlineData("吴兴区", "吴兴")]
    [InlineData("长兴县", "长兴")]
    [InlineData("景宁畲族自治县", "景宁畲族")]
    [InlineData("义乌市", "义乌")]
    [InlineData("南县", "南县")]
    [InlineData("Anji County", "Anji")]
    [InlineData("Wuxing District", "Wuxing")]
    [InlineData("Whole city", "Whole city")]
    public void ShortName_DropsTheAdministrativeSuffix(string name, string expected) =>
        Assert.Equal(expected, Region.ShortName(name));

    [Theory]
    [InlineData("330500000000", RegionLevel.City)]
    [InlineData("330523000000", RegionLevel.County)]
    [InlineData("330523108000", RegionLevel.Township)]
    [InlineData("330523108204", RegionLevel.Village)]
    public void LevelOf_ReadsTheLevelFromTheCode(string code, RegionLevel level) =>
        Assert.Equal(level, RegionCodes.LevelOf(code));

    [Theory]
    [InlineData("330523108204", "330523000000")]
    [InlineData("330523000000", "330523000000")]
    [InlineData("330500000000", null)]
    public void CountyOf_RollsUpToTheCounty(string code, string? county) =>
        Assert.Equal(county, RegionCodes.CountyOf(code));

    [Theory]
    [InlineData("330523108204", "330500000000", true)]
    [InlineData("330523108204", "330523000000", true)]
    [InlineData("330523108204", "330523108000", true)]
    [InlineData("330523108204", "330502000000", false)]
    [InlineData("330502001001", "330523108000", false)]
    [InlineData("330523108204", "abc", false)]
    [InlineData("330523108204", "-1", false)]
    [InlineData("x", "330523000000", false)]
    public void IsWithin_FollowsTheTree(string code, string ancestor, bool within) =>
        Assert.Equal(within, RegionCodes.IsWithin(code, ancestor));

    [Theory]
    [InlineData("330523108204", true)]
    [InlineData("33052310820", false)]
    [InlineData("33052310820X", false)]
    [InlineData(null, false)]
    public void IsValid_NeedsTwelveDigits(string? code, bool valid) =>
        Assert.Equal(valid, RegionCodes.IsValid(code));
}
