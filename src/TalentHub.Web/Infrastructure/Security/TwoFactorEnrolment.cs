namespace TalentHub.Web.Infrastructure.Security;

/// <summary>
/// Sends a signed-in user whose role requires two-factor and who has none yet to the authenticator
/// set-up page before any other page (PRODUCT §1): only set-up, logout, language and error pages pass.
/// </summary>
public static class TwoFactorEnrolment
{
    public const string SetupPath = "/Identity/Account/Manage/EnableAuthenticator";

    private static readonly string[] Allowed =
    [
        SetupPath, "/Identity/Account/Manage/ShowRecoveryCodes", "/Identity/Account/Logout",
        "/Identity/Account/AccessDenied", "/Culture", "/Error", "/StatusCode", "/healthz",
    ];

    /// <summary>A signed-in user whose role requires two-factor (a claim the sign-in claims factory adds) and who has not enabled an authenticator yet.</summary>
    public static bool MustEnrol(System.Security.Claims.ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true
        && user.HasClaim(TwoFactorPolicy.RequiredClaim, "true")
        && !user.HasClaim(TwoFactorPolicy.EnabledClaim, "true");

    /// <summary>
    /// On the API (<c>/api/v1</c>, a token whose owner must use two-factor and has none yet: set up never, or reset by an
    /// administrator) the answer is a 403 problem saying so, not a redirect to the set-up page (review37b: the integrator got
    /// a 302 to an HTML page); the token reads nothing until its owner has signed in and set up an authenticator.
    /// </summary>
    public static IApplicationBuilder UseTwoFactorEnrolment(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        if (!MustEnrol(context.User) || Allowed.Any(p => context.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)))
            return next(context);
        if (context.Request.Path.StartsWithSegments("/api/v1"))
        {
            var l = context.RequestServices.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<SharedResource>>();
            return Services.Api.ApiProblems.WriteAsync(context, StatusCodes.Status403Forbidden, l["Api.Problem.403.TwoFactor"]);
        }
        var back = context.Request.Path + context.Request.QueryString;
        context.Response.Redirect(SetupPath + "?returnUrl=" + Uri.EscapeDataString(back));
        return Task.CompletedTask;
    });
}
