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
        return LocalRedirect(EscapeNonAscii(RemoveCultureQuery(target)));
    }

    /// <summary>
    /// Percent-encodes (UTF-8) every character outside printable ASCII: a Location header carries ASCII only, and a
    /// local address such as <c>/Catalog?q=王</c> is still the same address once encoded.
    /// </summary>
    internal static string EscapeNonAscii(string url)
    {
        if (url.All(c => c is > ' ' and < '\u007f')) return url;
        var builder = new System.Text.StringBuilder(url.Length * 3);
        Span<byte> bytes = stackalloc byte[4];
        foreach (var rune in url.EnumerateRunes())
        {
            if (rune.Value is > ' ' and < 0x7f) { builder.Append((char)rune.Value); continue; }
            var length = rune.EncodeToUtf8(bytes);
            foreach (var b in bytes[..length]) builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }
        return builder.ToString();
    }

    internal static string RemoveCultureQuery(string url)
    {
        var q = url.IndexOf('?');
        if (q < 0) return url;
        var kept = url[(q + 1)..].Split('&').Where(p => !p.StartsWith("culture=", StringComparison.OrdinalIgnoreCase)
            && !p.StartsWith("ui-culture=", StringComparison.OrdinalIgnoreCase));
        var query = string.Join('&', kept);
        return query.Length == 0 ? url[..q] : url[..q] + "?" + query;
    }
}
