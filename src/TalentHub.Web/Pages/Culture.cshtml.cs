using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using TalentHub.Web.Infrastructure;

namespace TalentHub.Web.Pages;

/// <summary>
/// The header's language switcher: stores the choice in the culture cookie and goes back to a local page. The header
/// uses a GET link (<see cref="SwitchUrl"/>), so anonymous pages carry no per-visitor antiforgery token and can be
/// output-cached (issue 12); the language is the only state it changes, so a cross-site link can do no more than
/// switch a visitor's language. The POST form of earlier versions is still answered.
/// </summary>
public sealed class CultureModel : PageModel
{
    /// <summary>The link that switches to <paramref name="culture"/> and returns to <paramref name="returnUrl"/> (path and query).</summary>
    public static string SwitchUrl(string culture, string returnUrl) =>
        QueryHelpers.AddQueryString("/Culture", new Dictionary<string, string?> { ["culture"] = culture, ["returnUrl"] = returnUrl });

    public IActionResult OnGet(string? culture, string? returnUrl) => Switch(culture, returnUrl);

    public IActionResult OnPost(string? culture, string? returnUrl) => Switch(culture, returnUrl);

    /// <summary>An unknown culture changes nothing; a return address that is not local (another site, //host) goes home.</summary>
    private IActionResult Switch(string? culture, string? returnUrl)
    {
        if (TalentHubCultures.Cultures.Any(c => c.Name == culture))
            TalentHubCultures.WriteCultureCookie(Response, culture!);
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
