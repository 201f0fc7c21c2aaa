using Microsoft.AspNetCore.Mvc.RazorPages;
using TalentHub.Web.Domain;

namespace TalentHub.Web.Pages;

public sealed class IndexModel : PageModel
{
    public sealed record HomeAction(string TitleKey, string Url);

    public string DisplayName { get; private set; } = "";
    public IReadOnlyList<HomeAction> Actions { get; private set; } = [];

    public void OnGet()
    {
        DisplayName = User.FindFirst("talenthub:display")?.Value ?? User.Identity?.Name ?? "";
        Actions = ActionsFor(User.IsInRole);
    }

    /// <summary>What each role can do next, in the order they usually need it.</summary>
    public static IReadOnlyList<HomeAction> ActionsFor(Func<string, bool> isInRole)
    {
        var actions = new List<HomeAction>();
        var staff = isInRole(Roles.CountyClerk) || isInRole(Roles.CountyOfficer) || isInRole(Roles.CityOfficer) || isInRole(Roles.Admin);
        if (staff)
        {
            actions.Add(new("Home.People", "/People"));
            actions.Add(new("Home.Entities", "/Entities"));
            actions.Add(new("Home.Courses", "/Courses"));
        }
        if (isInRole(Roles.CityOfficer))
            actions.Add(new("Home.Programs", "/Programs"));
        if (isInRole(Roles.Trainer))
            actions.Add(new("Home.TrainerCourses", "/Courses"));
        if (isInRole(Roles.Admin))
        {
            actions.Add(new("Home.Jobs", "/Admin/Jobs"));
            actions.Add(new("Home.Audit", "/Admin/Audit"));
        }
        if (isInRole(Roles.Farmer))
        {
            actions.Add(new("Home.Catalog", "/Catalog"));
            actions.Add(new("Home.MyEnrollments", "/My/Enrollments"));
            actions.Add(new("Home.Messages", "/My/Messages"));
        }
        return actions;
    }
}
