using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TalentHub.Web.Infrastructure;

namespace TalentHub.Web.Pages;

/// <summary>The header's language switcher: stores the choice in the culture cookie and goes back.</summary>
public sealed class CultureModel : PageModel
{
    public IActionResult OnGet() => LocalRedirect("/");

    public IActionResult OnPost(string culture, string? returnUrl)
    {
        if (TalentHubCultures.Cultures.Any(c => c.Name == culture))
            TalentHubCultures.WriteCultureCookie(Response, culture);
        var target = Url.IsLocalUrl(returnUrl) ? returnUrl! : "/";
        // A ?culture= in the return address would override the cookie just written.
        return LocalRedirect(RemoveCultureQuery(target));
    }

    internal static string RemoveCultureQuery(string url)
    {
        var q = url.IndexOf('?');
        if (q < 0) return url;
        var kept = url[(q + 1)..].Split('&').Where(p => !p.StartsWith("culture=", StringComparison.OrdinalIgnoreCase));
        var query = string.Join('&', kept);
        return query.Length == 0 ? url[..q] : url[..q] + "?" + query;
    }
}
