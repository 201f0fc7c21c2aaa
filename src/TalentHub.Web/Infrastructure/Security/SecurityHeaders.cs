namespace TalentHub.Web.Infrastructure.Security;

/// <summary>
/// Response headers every answer carries (pages, static files, errors, 429s): a Content-Security-Policy
/// without inline script, framing only by the app itself, no MIME sniffing and no referrer beyond the
/// app (OWASP ASVS 5.0 §3.4). Set at response start so the exception handler cannot drop them.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>Scripts and styles only from files of the app; images also as data: URIs (QR code, Bootstrap icons).</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; form-action 'self'; frame-ancestors 'self'; base-uri 'self'; object-src 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var response = context.Response;
        response.OnStarting(() =>
        {
            var headers = response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "SAMEORIGIN";
            headers["Referrer-Policy"] = "same-origin";
            headers.Remove("Server");
            return Task.CompletedTask;
        });
        return next(context);
    });
}
