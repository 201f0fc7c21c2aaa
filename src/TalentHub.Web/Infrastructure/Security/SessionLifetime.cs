using Microsoft.AspNetCore.Authentication.Cookies;
using TalentHub.Web.Domain;

namespace TalentHub.Web.Infrastructure.Security;

/// <summary>
/// How long a sign-in lasts (fix29a). Every session slides (renewed on use once half is gone) and ends at once on a
/// security-stamp change (<see cref="SessionValidator"/>). A farmer who ticks "Remember me" on their phone stays signed in for
/// <see cref="Remembered"/> (a persistent cookie); every other sign-in lasts <see cref="Staff"/>. Staff see personal data, so
/// their cookie is never persistent, whatever they tick: it ends with the browser, and after <see cref="Staff"/> in any case.
/// </summary>
public static class SessionLifetime
{
    /// <summary>Any sign-in that is not a farmer's remembered one: the cookie ticket's lifetime (ExpireTimeSpan).</summary>
    public static readonly TimeSpan Staff = TimeSpan.FromHours(8);

    /// <summary>A farmer's sign-in with "Remember me" ticked: a persistent cookie this long, sliding.</summary>
    public static readonly TimeSpan Remembered = TimeSpan.FromDays(14);

    /// <summary>
    /// The cookie's <c>OnSigningIn</c> (password, second factor and every refresh of the sign-in): a remembered farmer's
    /// ticket and cookie run <see cref="Remembered"/> from issue; anyone else's cookie is made a session cookie (the ticket
    /// keeps the default <see cref="Staff"/>).
    /// </summary>
    public static Task SigningInAsync(CookieSigningInContext context)
    {
        if (context.Principal?.IsInRole(Roles.Farmer) == true)
        {
            if (context.Properties.IsPersistent && context.Properties.IssuedUtc is { } issued)
                context.Properties.ExpiresUtc = issued + Remembered;
        }
        else
        {
            context.Properties.IsPersistent = false;
        }
        return Task.CompletedTask;
    }
}
