namespace TalentHub.Web.Infrastructure;

/// <summary>Writing a cookie once per response, whoever on the request's path writes it.</summary>
public static class ResponseCookies
{
    /// <summary>
    /// Appends the Set-Cookie of <paramref name="name"/> after removing any Set-Cookie of that name already on
    /// <paramref name="response"/>, so a response never carries two (RFC 6265 §4.1.1: a server should not include more
    /// than one Set-Cookie header field with the same cookie-name). Throws when the response has started.
    /// </summary>
    public static void Replace(HttpResponse response, string name, string value, CookieOptions options)
    {
        var prefix = name + "=";
        var existing = response.Headers.SetCookie;
        if (existing.Any(c => c is not null && c.StartsWith(prefix, StringComparison.Ordinal)))
            response.Headers.SetCookie = existing.Where(c => c is null || !c.StartsWith(prefix, StringComparison.Ordinal)).ToArray();
        response.Cookies.Append(name, value, options);
    }
}
