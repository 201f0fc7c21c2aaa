using Microsoft.EntityFrameworkCore;
using System.Security.Cryptography;
using TalentHub.Web.Data;
using TalentHub.Web.Domain;
using TalentHub.Web.Services;

namespace TalentHub.UnitTests.Data;

/// <summary>The region scope is declared once, over every <see cref="IRegionOwned"/> type (issue 7 point 4).</summary>
public sealed class RegionFilterTests
{
    private sealed class FixedScope(string? county) : IRegionScope { public string? CountyCode => county; }

    /// <summary>A context over an unopened in-memory SQLite database: enough to read the model and render SQL.</summary>
    private static TalentHubDbContext Context(string? county) => new SqliteTalentHubDbContext(
        new DbContextOptionsBuilder<SqliteTalentHubDbContext>().UseSqlite("Data Source=:memory:").Options,
        new FixedScope(county), new PersonalDataProtector(RandomNumberGenerator.GetBytes(32), RandomNumberGenerator.GetBytes(32)));

    public static TheoryData<string> RegionOwnedTypes()
    {
        var data = new TheoryData<string>();
        foreach (var type in typeof(IRegionOwned).Assembly.GetTypes()
                     .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IRegionOwned).IsAssignableFrom(t)))
            data.Add(type.FullName!);
        return data;
    }

    [Fact]
    public void ThereAreRegionOwnedTypes() => Assert.True(RegionOwnedTypes().Count >= 3);

    [Theory]
    [MemberData(nameof(RegionOwnedTypes))]
    public void EveryRegionOwnedType_HasTheNamedRegionFilter(string typeName)
    {
        using var db = Context("330523000000");
        var entityType = db.Model.GetEntityTypes().SingleOrDefault(t => t.ClrType.FullName == typeName);
        Assert.NotNull(entityType);
        var filter = entityType.FindDeclaredQueryFilter(RegionFilter.Name);
        Assert.NotNull(filter);
        Assert.Contains("CountyCode", filter.Expression!.ToString());
    }

    [Fact]
    public void TheFilterKeepsItsIndexFriendlyShape()
    {
        using var db = Context("330523000000");
        var sql = db.People.ToQueryString();
        Assert.Matches("\"CountyCode\" = @", sql);
        Assert.DoesNotContain("LIKE", sql);
        Assert.Contains("WHERE", sql);
    }

    [Fact]
    public void NamingTheFilter_LiftsOnlyIt()
    {
        using var db = Context("330523000000");
        var sql = db.People.IgnoreQueryFilters([RegionFilter.Name]).ToQueryString();
        Assert.DoesNotMatch("\"CountyCode\" = @", sql);
        // The other named filter stays in force: rows of an import not committed yet remain hidden (issue 8, item 9).
        Assert.Contains($"\"{ImportBatchFilter.Column}\" IS NULL", sql);
        Assert.DoesNotContain("WHERE", db.People.IgnoreQueryFilters().ToQueryString());
    }
}
