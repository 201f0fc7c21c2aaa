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

    public static IApplicationBuilder UseTwoFactorEnrolment(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        if (!MustEnrol(context.User) || Allowed.Any(p => context.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)))
            return next(context);
        var back = context.Request.Path + context.Request.QueryString;
        context.Response.Redirect(SetupPath + "?returnUrl=" + Uri.EscapeDataString(back));
        return Task.CompletedTask;
    });
}
