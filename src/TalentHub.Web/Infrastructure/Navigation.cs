using System.Security.Claims;

namespace TalentHub.Web.Infrastructure;

/// <summary>A card on the home page: its title key (the hint is <c>{TitleKey}.Hint</c>) and who sees it.</summary>
public sealed record HomeCard(string TitleKey, string Policy);

/// <summary>
/// One place a user can go: its URL, its entry in the main menu (resource key and policy; no policy = everyone)
/// and its cards on the home page. <paramref name="InAdminMenu"/>: the entry sits in the menu's administration dropdown
/// (<c>Nav.Admin</c>) rather than on the menu bar.
/// </summary>
public sealed record Destination(string Url, string? MenuKey, string? MenuPolicy, IReadOnlyList<HomeCard> Home, bool UnreadBadge = false,
    bool InAdminMenu = false);

/// <summary>
/// One entry of the menu bar: a link (<see cref="GroupKey"/> null, one item) or a dropdown titled by the resource key
/// <see cref="GroupKey"/> holding <see cref="Items"/> in the table's order.
/// </summary>
public sealed record MenuEntry(string? GroupKey, IReadOnlyList<Destination> Items);

/// <summary>
/// The one navigation table, read by the layout's menu and by the home page's "next steps"
/// (ARCHITECTURE.md "Permissions and menu in one place each"). Order is the menu's order.
/// </summary>
public static class Navigation
{
    public static readonly IReadOnlyList<Destination> All =
    [
        new("/Catalog", "Nav.Catalog", null, [new("Home.Catalog", Policies.Farmer)]),
        new("/People", "Nav.People", Policies.RegistryStaff, [new("Home.People", Policies.RegistryStaff)]),
        new("/Entities", "Nav.Entities", Policies.RegistryStaff, [new("Home.Entities", Policies.RegistryStaff)]),
        new("/Courses", "Nav.Courses", Policies.CourseViewer,
            [new("Home.Courses", Policies.RegistryStaff), new("Home.TrainerCourses", Policies.Trainer)]),
        new("/Programs", "Nav.Programs", Policies.RegistryStaff, [new("Home.Programs", Policies.CityOfficer)]),
        new("/Reports", "Reports.Nav", Policies.RegistryStaff, [new("Home.Reports", Policies.RegistryStaff)]),
        new("/Reports/Targets", null, null, [new("Home.Targets", Policies.CityOfficer)]),
        new("/Reports/Dispatch", "Dispatch.Nav", Policies.CityManager, [new("Home.Dispatch", Policies.CityManager)]),
        new("/Reports/Examples", "Example.Nav", Policies.Officer, []),
        new("/FollowUps", "FollowUps.Nav", Policies.RegistryStaff, [new("Home.FollowUps", Policies.RegistryStaff)]),
        new("/Admin/Users", "Users.Nav", Policies.CityManager, [], InAdminMenu: true),
        new("/Admin/ApiTokens", "ApiTokens.Nav", Policies.CityManager, [], InAdminMenu: true),
        new("/api/reference/", "Api.Reference.Nav", Policies.CityManager, [], InAdminMenu: true),
        new("/Admin/Jobs", "Nav.Jobs", Policies.Admin, [new("Home.Jobs", Policies.Admin)], InAdminMenu: true),
        new("/Admin/Audit", "Nav.Audit", Policies.Admin, [new("Home.Audit", Policies.Admin)], InAdminMenu: true),
        new("/Admin/Security", "Security.Nav", Policies.Admin, [], InAdminMenu: true),
        new("/My/CheckIn", "CheckIn.Nav", Policies.Farmer, [new("Home.CheckIn", Policies.Farmer)]),
        new("/My/Enrollments", "My.Nav.Enrollments", Policies.Farmer, [new("Home.MyEnrollments", Policies.Farmer)]),
        new("/My/Certificates", "Certificates.Nav", Policies.Farmer, [new("Home.Certificates", Policies.Farmer)]),
        // No menu entry (the farmer's bar is full on a phone's first screen): a home card, and "my account" (the name in the header).
        new("/My/Profile", null, Policies.Farmer, [new("Home.Profile", Policies.Farmer)]),
        new("/My/Messages", "Messages.Nav", Policies.Farmer, [new("Home.Messages", Policies.Farmer)], UnreadBadge: true),
        new("/Messages", "Messages.Nav", Policies.CourseViewer, [new("Home.StaffMessages", Policies.CourseViewer)], UnreadBadge: true),
    ];

    /// <summary>The menu entries this user sees, in order.</summary>
    public static IEnumerable<Destination> MenuFor(ClaimsPrincipal user) =>
        All.Where(d => d.MenuKey is not null && (d.MenuPolicy is null || user.Meets(d.MenuPolicy)));

    /// <summary>
    /// The menu bar for this user: the entries of <see cref="MenuFor"/> in order, those <see cref="Destination.InAdminMenu"/>
    /// gathered into one dropdown (<c>Nav.Admin</c>) where the first of them stands. With every administration page on the
    /// bar the admin's menu (16 items) took two rows in English from 1200 px up to about 1,600 px (fix23).
    /// </summary>
    public static IReadOnlyList<MenuEntry> MenuBarFor(ClaimsPrincipal user)
    {
        var items = MenuFor(user).ToList();
        var admin = items.Where(d => d.InAdminMenu).ToList();
        var bar = new List<MenuEntry>();
        foreach (var item in items)
        {
            if (!item.InAdminMenu) bar.Add(new MenuEntry(null, [item]));
            else if (item == admin[0]) bar.Add(new MenuEntry(AdminMenuKey, admin));
        }
        return bar;
    }

    /// <summary>The resource key of the administration dropdown's title.</summary>
    public const string AdminMenuKey = "Nav.Admin";

    /// <summary>The home page cards this user sees, in order: (title key, URL).</summary>
    public static IReadOnlyList<(string TitleKey, string Url)> HomeFor(ClaimsPrincipal user) =>
        All.SelectMany(d => d.Home.Where(c => user.Meets(c.Policy)).Select(c => (c.TitleKey, d.Url))).ToList();
}
