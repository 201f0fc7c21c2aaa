using System.Globalization;
using TalentHub.Web.Domain.Regions;
using TalentHub.Web.Services;

namespace TalentHub.UnitTests.Services;

/// <summary>Issue 12 (perf38): a region select's grouped choices are made once per tree, level, county and UI language.</summary>
public sealed class RegionOptionsTests
{
    private static RegionTree Tree(string townName) => new(
    [
        new Region { Code = "330500000000", Name = "湖州市", NameEn = "Huzhou", Level = RegionLevel.City },
        new Region { Code = "330523000000", Name = "安吉县", NameEn = "Anji", Level = RegionLevel.County, ParentCode = "330500000000" },
        new Region { Code = "330523100000", Name = townName, NameEn = "Dipu", Level = RegionLevel.Township, ParentCode = "330523000000" },
        new Region { Code = "330522000000", Name = "长兴县", NameEn = "Changxing", Level = RegionLevel.County, ParentCode = "330500000000" },
        new Region { Code = "330522100000", Name = "雉城街道", NameEn = "Zhicheng", Level = RegionLevel.Township, ParentCode = "330522000000" },
    ]);

    private static T In<T>(string culture, Func<T> read)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo(culture);
        try { return read(); }
        finally { CultureInfo.CurrentUICulture = before; }
    }

    [Fact]
    public void Grouped_IsMadeOncePerTreeLevelCountyAndLanguage()
    {
        var tree = Tree("递铺街道");

        var first = In("zh-CN", () => RegionOptions.Grouped(tree, RegionLevel.Township, "330523000000"));

        Assert.Same(first, In("zh-CN", () => RegionOptions.Grouped(tree, RegionLevel.Township, "330523000000")));
        Assert.NotSame(first, In("zh-CN", () => RegionOptions.Grouped(tree, RegionLevel.Township, null)));
        Assert.NotSame(first, In("en", () => RegionOptions.Grouped(tree, RegionLevel.Township, "330523000000")));
    }

    /// <summary>A county from the query string that the tree does not have is not kept: the kept choices stay bounded.</summary>
    [Theory]
    [InlineData("330599000000")]
    [InlineData("330523100000")]
    [InlineData("not-a-code")]
    public void Grouped_ForAnythingButACountyOfTheTree_IsBuiltEachTime(string withinCounty)
    {
        var tree = Tree("递铺街道");

        var first = RegionOptions.Grouped(tree, RegionLevel.County, withinCounty);

        Assert.NotSame(first, RegionOptions.Grouped(tree, RegionLevel.County, withinCounty));
        Assert.Equal(RegionOptions.Of(tree, RegionLevel.County, withinCounty).Select(o => o.Code), first.SelectMany(g => g).Select(o => o.Code));
    }

    [Fact]
    public void Grouped_MatchesOf_InEachLanguage_AndFollowsANewTree()
    {
        var tree = Tree("递铺街道");
        foreach (var culture in new[] { "zh-CN", "en" })
        foreach (var (level, county) in new[] { (RegionLevel.Township, (string?)null), (RegionLevel.Township, "330523000000"), (RegionLevel.County, null) })
        {
            var expected = In(culture, () => RegionOptions.Of(tree, level, county).GroupBy(o => o.Group)
                .Select(g => (g.Key, g.ToList())).ToList());
            var grouped = In(culture, () => RegionOptions.Grouped(tree, level, county)).Select(g => (g.Key, g.ToList())).ToList();
            Assert.Equal(expected.Select(g => g.Key), grouped.Select(g => g.Key));
            Assert.Equal(expected.SelectMany(g => g.Item2), grouped.SelectMany(g => g.Item2));
        }
        Assert.Equal("Dipu", In("en", () => RegionOptions.Grouped(tree, RegionLevel.Township, "330523000000"))[0].Single().Label);

        var renamed = Tree("递铺镇");
        Assert.Equal("递铺镇", In("zh-CN", () => RegionOptions.Grouped(renamed, RegionLevel.Township, "330523000000"))[0].Single().Label);
        Assert.Equal("递铺街道", In("zh-CN", () => RegionOptions.Grouped(tree, RegionLevel.Township, "330523000000"))[0].Single().Label);
    }
}
