using System.Security.Claims;
using TalentHub.Web.Domain;
using TalentHub.Web.Infrastructure;

namespace TalentHub.UnitTests.Infrastructure;

/// <summary>One navigation table and named policies decide the menu and the home page for every role.</summary>
public sealed class NavigationTests
{
    private static ClaimsPrincipal User(string? role) => role is null
        ? new ClaimsPrincipal(new ClaimsIdentity())
        : new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "u"), new Claim(ClaimTypes.Role, role)], "test"));

    [Theory]
    [InlineData(null, "/Catalog")]
    [InlineData(Roles.Farmer, "/Catalog /My/CheckIn /My/Enrollments /My/Certificates /My/Messages")]
    [InlineData(Roles.Trainer, "/Catalog /Courses /Messages")]
    [InlineData(Roles.CountyClerk, "/Catalog /People /Entities /Courses /Programs /Reports /FollowUps /Messages")]
    [InlineData(Roles.CountyOfficer, "/Catalog /People /Entities /Courses /Programs /Reports /Reports/Examples /FollowUps /Messages")]
    [InlineData(Roles.CityOfficer, "/Catalog /People /Entities /Courses /Programs /Reports /Reports/Dispatch /Reports/Examples /FollowUps /Admin/Users /Admin/ApiTokens /api/reference/ /Messages")]
    [InlineData(Roles.Admin, "/Catalog /People /Entities /Courses /Programs /Reports /Reports/Dispatch /Reports/Examples /FollowUps /Admin/Users /Admin/ApiTokens /api/reference/ /Admin/Jobs /Admin/Audit /Admin/Security /Messages")]
    public void TheMenu_ShowsEachRoleItsPages(string? role, string expected) =>
        Assert.Equal(expected, string.Join(" ", Navigation.MenuFor(User(role)).Select(d => d.Url)));

    /// <summary>fix23: the administration pages sit in one dropdown, so no staff menu bar has more than 11 entries.</summary>
    [Theory]
    [InlineData(Roles.Trainer, "/Catalog /Courses /Messages")]
    [InlineData(Roles.CountyOfficer, "/Catalog /People /Entities /Courses /Programs /Reports /Reports/Examples /FollowUps /Messages")]
    [InlineData(Roles.CityOfficer, "/Catalog /People /Entities /Courses /Programs /Reports /Reports/Dispatch /Reports/Examples /FollowUps [Nav.Admin: /Admin/Users /Admin/ApiTokens /api/reference/] /Messages")]
    [InlineData(Roles.Admin, "/Catalog /People /Entities /Courses /Programs /Reports /Reports/Dispatch /Reports/Examples /FollowUps [Nav.Admin: /Admin/Users /Admin/ApiTokens /api/reference/ /Admin/Jobs /Admin/Audit /Admin/Security] /Messages")]
    public void TheMenuBar_GathersTheAdministrationPagesInOneDropdown(string role, string expected) =>
        Assert.Equal(expected, string.Join(" ", Navigation.MenuBarFor(User(role)).Select(e => e.GroupKey is null
            ? Assert.Single(e.Items).Url
            : $"[{e.GroupKey}: {string.Join(" ", e.Items.Select(d => d.Url))}]")));

    [Theory]
    [InlineData(null, "")]
    [InlineData(Roles.Farmer, "Home.Catalog=/Catalog Home.CheckIn=/My/CheckIn Home.MyEnrollments=/My/Enrollments Home.Certificates=/My/Certificates Home.Profile=/My/Profile Home.Messages=/My/Messages")]
    [InlineData(Roles.Trainer, "Home.TrainerCourses=/Courses Home.StaffMessages=/Messages")]
    [InlineData(Roles.CountyClerk, "Home.People=/People Home.Entities=/Entities Home.Courses=/Courses Home.Reports=/Reports Home.FollowUps=/FollowUps Home.StaffMessages=/Messages")]
    [InlineData(Roles.CountyOfficer, "Home.People=/People Home.Entities=/Entities Home.Courses=/Courses Home.Reports=/Reports Home.FollowUps=/FollowUps Home.StaffMessages=/Messages")]
    [InlineData(Roles.CityOfficer, "Home.People=/People Home.Entities=/Entities Home.Courses=/Courses Home.Programs=/Programs Home.Reports=/Reports Home.Targets=/Reports/Targets Home.Dispatch=/Reports/Dispatch Home.FollowUps=/FollowUps Home.StaffMessages=/Messages")]
    [InlineData(Roles.Admin, "Home.People=/People Home.Entities=/Entities Home.Courses=/Courses Home.Reports=/Reports Home.Dispatch=/Reports/Dispatch Home.FollowUps=/FollowUps Home.Jobs=/Admin/Jobs Home.Audit=/Admin/Audit Home.StaffMessages=/Messages")]
    public void TheHomePage_OffersEachRoleItsNextSteps(string? role, string expected) =>
        Assert.Equal(expected, string.Join(" ", Navigation.HomeFor(User(role)).Select(a => $"{a.TitleKey}={a.Url}")));

    [Theory]
    [InlineData(Roles.Admin, Policies.Officer, true)]
    [InlineData(Roles.CountyOfficer, Policies.Officer, true)]
    [InlineData(Roles.CountyClerk, Policies.Officer, false)]
    [InlineData(Roles.CountyClerk, Policies.CanReveal, true)]
    [InlineData(Roles.Admin, Policies.CanReveal, false)]
    [InlineData(Roles.Trainer, Policies.CourseViewer, true)]
    [InlineData(Roles.Trainer, Policies.RegistryStaff, false)]
    [InlineData(Roles.Farmer, Policies.CourseViewer, false)]
    [InlineData(Roles.CityOfficer, Policies.CityManager, true)]
    [InlineData(Roles.CountyOfficer, Policies.CityManager, false)]
    public void Policies_NameWhoMayDoWhat(string role, string policy, bool allowed) =>
        Assert.Equal(allowed, User(role).Meets(policy));

    [Fact]
    public void EveryPolicyInTheNavigation_IsDeclared() =>
        Assert.All(Navigation.All.SelectMany(d => d.Home.Select(h => h.Policy).Append(d.MenuPolicy)).OfType<string>(),
            p => Assert.True(Policies.All.ContainsKey(p), p));

    [Fact]
    public void Anonymous_MeetsNoPolicy() =>
        Assert.All(Policies.All.Keys, p => Assert.False(User(null).Meets(p)));
}
