using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using TalentHub.UnitTests.Builders;
using TalentHub.Web.Data;
using TalentHub.Web.Domain.Regions;
using TalentHub.Web.Services;

namespace TalentHub.UnitTests.Services;

/// <summary>The region directory reads the tree once, names regions in the current culture, and reloads after Invalidate.</summary>
public sealed class RegionDirectoryTests
{
    private static RegionDirectory Directory(TestDatabase database) =>
        new(new ServiceCollection().AddScoped(_ => database.NewContext()).BuildServiceProvider().GetRequiredService<IServiceScopeFactory>());

    [Fact]
    public async Task Names_FollowTheCurrentUiCulture()
    {
        await using var database = await TestDatabase.CreateAsync();
        var tree = await Directory(database).GetAsync();
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
            Assert.Equal("余村", tree.NameOf("330523108204"));
            CultureInfo.CurrentUICulture = new CultureInfo("en");
            Assert.Equal("Yucun", tree.NameOf("330523108204"));
            Assert.Null(tree.NameOf("330523999999"));
            Assert.Equal(["330523000000"], tree.AtLevel(RegionLevel.County).Select(r => r.Code));
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [Fact]
    public async Task TheTreeIsCached_UntilInvalidated()
    {
        await using var database = await TestDatabase.CreateAsync();
        var directory = Directory(database);
        var first = await directory.GetAsync();
        await using (var db = database.NewContext())
        {
            db.Regions.Add(new Region { Code = "330523108205", Name = "新村", NameEn = "Xincun", Level = RegionLevel.Village, ParentCode = "330523108000" });
            await db.SaveChangesAsync();
        }

        Assert.Same(first, await directory.GetAsync());
        Assert.Null((await directory.GetAsync()).Find("330523108205"));

        directory.Invalidate();
        Assert.NotNull((await directory.GetAsync()).Find("330523108205"));
    }

    [Fact]
    public async Task AskingForACodeTheTreeLacks_ReloadsItOnce()
    {
        await using var database = await TestDatabase.CreateAsync();
        var directory = Directory(database);
        var first = await directory.GetAsync();
        await using (var db = database.NewContext())
        {
            db.Regions.Add(new Region { Code = "330523108206", Name = "后村", NameEn = "Houcun", Level = RegionLevel.Village, ParentCode = "330523108000" });
            await db.SaveChangesAsync();
        }

        Assert.Same(first, await directory.GetAsync(["330523108204", null]));
        var reloaded = await directory.GetAsync(["330523108206"]);
        Assert.NotSame(first, reloaded);
        Assert.NotNull(reloaded.Find("330523108206"));
    }
}
