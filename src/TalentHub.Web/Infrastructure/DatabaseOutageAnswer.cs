using System.Text.Encodings.Web;
using Microsoft.Extensions.Localization;
using TalentHub.Web.Data;

namespace TalentHub.Web.Infrastructure;

/// <summary>
/// A request that fails because the database cannot be reached for a moment (<see cref="DatabaseOutage"/>: PostgreSQL
/// restarting or failing over, the pool exhausted) is answered <c>503 Service Unavailable</c> with
/// <c>Retry-After: 5</c> and a short localized page saying to try again (the API: its problem JSON), instead of the
/// 500 page (review34d: a restart under load gave 500s, some of them bare, since the error page's own layout and
/// the session check read the database too). This answer reads nothing from the database. Other exceptions, and a
/// response already started, go on to the exception handler as before. Logged as a warning, not an error.
/// </summary>
public static class DatabaseOutageAnswer
{
    /// <summary>Seconds a client is asked to wait (<c>Retry-After</c>).</summary>
    public const int RetryAfterSeconds = 5;

    /// <summary>Inside <c>UseExceptionHandler</c>: catches what the rest of the pipeline throws during an outage.</summary>
    public static IApplicationBuilder UseDatabaseOutageAnswer(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        try
        {
            await next(context);
        }
        catch (Exception ex) when (DatabaseOutage.Is(ex) && !context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseOutageAnswer))
                .LogWarning(ex, "Database unavailable: {Method} {Path} answered 503", context.Request.Method, context.Request.Path);
            await WriteAsync(context);
        }
    });

    /// <summary>
    /// Where "try again" leads: the same address for a GET, else the home page ("/"). Only a local path: a request for
    /// <c>//host/…</c> or <c>/\host/…</c> would make the link leave the site, so it leads home too.
    /// </summary>
    internal static string TryAgainUrl(HttpRequest request)
    {
        var path = (request.PathBase + request.Path).Value ?? "/";
        var local = path.StartsWith('/') && !path.StartsWith("//", StringComparison.Ordinal) && !path.StartsWith("/\\", StringComparison.Ordinal);
        return HttpMethods.IsGet(request.Method) && local ? path + request.QueryString : "/";
    }

    private static async Task WriteAsync(HttpContext context)
    {
        var response = context.Response;
        response.Clear();
        response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        response.Headers.CacheControl = "no-store";
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            await Services.Api.ApiProblems.WriteAsync(context, StatusCodes.Status503ServiceUnavailable);
            return;
        }
        var l = context.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        var e = context.RequestServices.GetRequiredService<HtmlEncoder>();  // the app's: Chinese as it is, not &#x…;
        response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        response.ContentType = "text/html; charset=utf-8";
        var again = TryAgainUrl(context.Request);
        await response.WriteAsync($"""
            <!DOCTYPE html>
            <html lang="{e.Encode(System.Globalization.CultureInfo.CurrentUICulture.Name)}">
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <title>{e.Encode(l["Outage.Title"])} · {e.Encode(l["App.Name"])}</title>
                <link rel="stylesheet" href="/lib/bootstrap/css/bootstrap.min.css" />
                <link rel="stylesheet" href="/css/site.css" />
            </head>
            <body>
            <main class="container py-4" id="outage">
                <h1 class="h3">{e.Encode(l["Outage.Title"])}</h1>
                <p>{e.Encode(l["Outage.Body"])}</p>
                <a class="btn btn-success" href="{e.Encode(again)}">{e.Encode(l["Outage.TryAgain"])}</a>
            </main>
            </body>
            </html>
            """);
    }
}
