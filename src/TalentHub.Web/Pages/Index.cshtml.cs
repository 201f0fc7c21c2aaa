using Microsoft.AspNetCore.Mvc.RazorPages;
using System.Security.Claims;
using TalentHub.Web.Infrastructure;

namespace TalentHub.Web.Pages;

public sealed class IndexModel : PageModel
{
    public sealed record HomeAction(string TitleKey, string Url);

    public string DisplayName { get; private set; } = "";
    public IReadOnlyList<HomeAction> Actions { get; private set; } = [];

    public void OnGet()
    {
        DisplayName = User.FindFirst(ClaimNames.Display)?.Value ?? User.Identity?.Name ?? "";
        Actions = ActionsFor(User);
    }

    /// <summary>What the user can do next, in the order they usually need it (from <see cref="Navigation"/>).</summary>
    public static IReadOnlyList<HomeAction> ActionsFor(ClaimsPrincipal user) =>
        Navigation.HomeFor(user).Select(a => new HomeAction(a.TitleKey, a.Url)).ToList();
}
