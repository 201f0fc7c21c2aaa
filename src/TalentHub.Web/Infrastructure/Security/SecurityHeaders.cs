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

    /// <summary>
    /// The one exception: the vendored Scalar API reference (staff only, under <c>/api/reference</c>) starts
    /// itself with an inline script and inline styles it generates, so that path alone allows inline code.
    /// Everything else it loads still comes from the app.
    /// </summary>
    public const string ApiReferencePolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'self'; base-uri 'self'; object-src 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var response = context.Response;
        response.OnStarting(() =>
        {
            var headers = response.Headers;
            headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments(Api.ApiServiceCollectionExtensions.ReferencePath)
                ? ApiReferencePolicy
                : ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "SAMEORIGIN";
            headers["Referrer-Policy"] = "same-origin";
            headers.Remove("Server");
            return Task.CompletedTask;
        });
        return next(context);
    });
}
