using System.Security.Claims;
using TalentHub.Web.Domain;
using TalentHub.Web.Services;

namespace TalentHub.UnitTests.Services;

public sealed class RegionScopeTests
{
    private static ClaimsPrincipal User(string role, string? region)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, "u"), new(ClaimTypes.Role, role) };
        if (region is not null) claims.Add(new Claim(HttpRegionScope.RegionClaim, region));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "test"));
    }

    [Theory]
    [InlineData(Roles.CountyOfficer)]
    [InlineData(Roles.CountyClerk)]
    public void CountyStaff_AreConfinedToTheirCounty(string role) =>
        Assert.Equal("330523000000", HttpRegionScope.For(User(role, "330523000000")));

    [Fact]
    public void CountyStaff_BoundToAVillage_AreConfinedToItsCounty() =>
        Assert.Equal("330523000000", HttpRegionScope.For(User(Roles.CountyClerk, "330523108204")));

    [Theory]
    [InlineData(Roles.Admin)]
    [InlineData(Roles.CityOfficer)]
    public void CityWideRoles_SeeTheWholeCity(string role) =>
        Assert.Null(HttpRegionScope.For(User(role, "330500000000")));

    [Fact]
    public void CountyStaff_WithoutARegion_SeeNothing() =>
        Assert.Equal("none", HttpRegionScope.For(User(Roles.CountyOfficer, null)));

    [Fact]
    public void CountyStaff_BoundToTheCity_SeeNothingRatherThanEverything() =>
        Assert.Equal("none", HttpRegionScope.For(User(Roles.CountyOfficer, "330500000000")));

    [Fact]
    public void Anonymous_IsNotScoped() =>
        Assert.Null(HttpRegionScope.For(new ClaimsPrincipal(new ClaimsIdentity())));

    private sealed class Scope(string? county) : IRegionScope { public string? CountyCode => county; }

    [Theory]
    [InlineData(null, "330523108204", true)]
    [InlineData("330523000000", "330523108204", true)]
    [InlineData("330523000000", "330523000000", true)]
    [InlineData("330523000000", "330522101201", false)]
    [InlineData("330523000000", "330500000000", false)]
    [InlineData("none", "330523108204", false)]
    public void Allows_OnlyRegionsInsideTheScopedCounty(string? county, string region, bool allowed) =>
        Assert.Equal(allowed, ((IRegionScope)new Scope(county)).Allows(region));
}
