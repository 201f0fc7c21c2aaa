using System.Security.Claims;
using TalentHub.Web.Domain;
using TalentHub.Web.Domain.Api;
using TalentHub.Web.Infrastructure;
using TalentHub.Web.Services;

namespace TalentHub.UnitTests.Domain.Api;

/// <summary>Issue 14: the token's own rules and the county narrowing of the region scope.</summary>
public sealed class ApiTokenTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 8, 0, 0, TimeSpan.Zero);

    private static ApiToken Issue(DateTimeOffset expires, string? name = "sync", params string[] resources) =>
        ApiToken.Issue(name, "u1", "city.officer", "330500000000", resources.Length == 0 ? ["people"] : resources, false, "admin",
            expires, Now, new string('a', 64), "thk_abcdef");

    [Fact]
    public void Expiry_must_be_after_now_and_within_a_year()
    {
        Assert.Equal("ApiTokens.ExpiryRange", Assert.Throws<DomainException>(() => Issue(Now)).MessageKey);
        Assert.Equal("ApiTokens.ExpiryRange", Assert.Throws<DomainException>(() => Issue(Now + ApiToken.MaxLifetime + TimeSpan.FromSeconds(1))).MessageKey);
        Assert.Equal(Now.AddDays(365), Issue(Now.AddDays(365)).ExpiresAt);
    }

    [Fact]
    public void Name_and_a_known_resource_are_required_and_resources_keep_the_canonical_order()
    {
        Assert.Equal("ApiTokens.NameRequired", Assert.Throws<DomainException>(() => Issue(Now.AddDays(1), " ")).MessageKey);
        Assert.Equal("ApiTokens.ResourcesRequired", Assert.Throws<DomainException>(() => Issue(Now.AddDays(1), "x", "salaries")).MessageKey);
        Assert.Equal("people,courses", Issue(Now.AddDays(1), "x", "courses", "people", "people").Resources);
    }

    [Fact]
    public void A_name_longer_than_its_column_is_refused()
    {
        // review12: a 5,000-character name was kept on SQLite (the token list scrolled 44,000 px sideways) and fails the insert on PostgreSQL.
        var refused = Assert.Throws<DomainException>(() => Issue(Now.AddDays(1), new string('x', ApiToken.MaxNameLength + 1)));
        Assert.Equal("ApiTokens.NameTooLong", refused.MessageKey);
        Assert.Equal(ApiToken.MaxNameLength, Issue(Now.AddDays(1), new string('x', ApiToken.MaxNameLength)).Name.Length);
    }

    [Fact]
    public void Revoked_or_expired_tokens_are_unusable_and_revoking_twice_keeps_the_first_instant()
    {
        var token = Issue(Now.AddDays(10));
        Assert.True(token.IsUsableAt(Now));
        Assert.False(token.IsUsableAt(Now.AddDays(10)));
        token.Revoke(Now.AddHours(1));
        token.Revoke(Now.AddHours(2));
        Assert.Equal(Now.AddHours(1), token.RevokedAt);
        Assert.False(token.IsUsableAt(Now.AddHours(3)));
    }

    private static ClaimsPrincipal User(string role, string? region, string? narrowed)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, "u"), new(ClaimTypes.Role, role) };
        if (region is not null) claims.Add(new Claim(ClaimNames.Region, region));
        if (narrowed is not null) claims.Add(new Claim(ClaimNames.ScopeCounty, narrowed));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "test"));
    }

    [Theory]
    [InlineData(Roles.CityOfficer, "330500000000", "330523000000", "330523000000")] // a city owner narrowed to a county
    [InlineData(Roles.CountyOfficer, "330523000000", "330523000000", "330523000000")]
    [InlineData(Roles.CountyOfficer, "330523000000", "330502000000", "none")] // never widened to another county
    [InlineData(Roles.Admin, "330500000000", "330523108204", "none")] // a village is not a county
    [InlineData(Roles.CityOfficer, "330500000000", null, null)]
    public void Scope_county_claim_narrows_and_never_widens(string role, string region, string? narrowed, string? expected) =>
        Assert.Equal(expected, HttpRegionScope.For(User(role, region, narrowed)));
}
