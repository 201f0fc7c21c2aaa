using System.Globalization;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Primitives;
using TalentHub.Web.Data;

namespace TalentHub.Web.Infrastructure;

/// <summary>
/// HTML output caching of pages that are the same for every anonymous visitor (issue 12: the anonymous catalog). A
/// page is stored and served only for a GET/HEAD without a signed-in user, without an Authorization header and without
/// a TempData cookie (a one-time message would otherwise be lost or shown to others), and only a 200 that sets no
/// cookie is stored; signed-in users are never served from the cache. Every answer says <c>Cache-Control: private</c> and
/// <c>Vary: Cookie</c>, so no shared proxy stores one visitor's page for another. Entries vary by path, every query value, the UI
/// culture and the training data version (<see cref="DataVersions.Catalog"/>): a course, session or enrollment saved in
/// this process (a new course, a seat taken) makes the next request render afresh. Another node's change shows within
/// <see cref="Ttl"/> (10 s), the same bound as <see cref="Services.LiveCache.CatalogTtl"/>.
/// </summary>
public static class AnonymousPageCache
{
    /// <summary>The policy name, for <c>[OutputCache(PolicyName = ...)]</c> on a page model.</summary>
    public const string Policy = "AnonymousPage";

    /// <summary>Longest time (10 s) a cached page is served; the bound on a change saved by another node.</summary>
    public static readonly TimeSpan Ttl = TimeSpan.FromSeconds(10);

    /// <summary>At most 32 MB of cached pages (a catalog page is ~20 KB), so odd query strings cannot grow memory.</summary>
    private const long SizeLimitBytes = 32L * 1024 * 1024;

    /// <summary>
    /// Called by a page whose data came from a shorter-lived cache (<see cref="Services.LiveCache.CatalogAsync{T}"/>):
    /// the stored HTML expires when that data does (<paramref name="expires"/>, UTC on <paramref name="clock"/>), not a
    /// whole <see cref="Ttl"/> after, so another node's change still shows within <see cref="Ttl"/> in all (review34d:
    /// data 9 s old stored for 10 s more was 19 s stale). Data already expired is rendered but not stored. Does nothing
    /// when the request is not under the output cache.
    /// </summary>
    public static void ExpireWith(HttpContext http, DateTimeOffset expires, TimeProvider clock)
    {
        if (http.Features.Get<IOutputCacheFeature>()?.Context is not { } context) return;
        var left = expires - clock.GetUtcNow();
        if (left <= TimeSpan.Zero) context.AllowCacheStorage = false;
        else if (context.ResponseExpirationTimeSpan is not { } planned || left < planned) context.ResponseExpirationTimeSpan = left;
    }

    public static IServiceCollection AddAnonymousPageCache(this IServiceCollection services) => services.AddOutputCache(o =>
    {
        o.SizeLimit = SizeLimitBytes;
        o.AddPolicy(Policy, new AnonymousPagePolicy());
    });

    private sealed class AnonymousPagePolicy : IOutputCachePolicy
    {
        private static readonly string TempDataCookie = CookieTempDataProvider.CookieName;

        ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            var http = context.HttpContext;
            var request = http.Request;
            var cacheable = (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
                && http.User.Identity?.IsAuthenticated != true
                && StringValues.IsNullOrEmpty(request.Headers.Authorization)
                && !request.Cookies.ContainsKey(TempDataCookie)
                && !request.Query.ContainsKey("culture")  // that request writes the culture cookie
                && !HasRepeatedKey(request.Query);
            context.EnableOutputCaching = true;
            http.Response.OnStarting(MarkPrivate, http.Response);
            context.AllowCacheLookup = cacheable;
            context.AllowCacheStorage = cacheable;
            context.AllowLocking = true;
            context.ResponseExpirationTimeSpan = Ttl;
            context.CacheVaryByRules.QueryKeys = "*";
            context.CacheVaryByRules.VaryByValues["culture"] = CultureInfo.CurrentUICulture.Name;
            var versions = http.RequestServices.GetRequiredService<DataVersions>();
            context.CacheVaryByRules.VaryByValues["training"] = versions.Catalog.ToString(CultureInfo.InvariantCulture);
            return ValueTask.CompletedTask;
        }

        /// <summary>
        /// True when a query key is given more than once (<c>?County=A&amp;County=B</c>). The output cache's key sorts a
        /// key's values, so <c>A,B</c> and <c>B,A</c> share one entry, while model binding reads the first value: the
        /// second URL would be served the first one's page (review10). Such requests are rendered, never cached.
        /// </summary>
        private static bool HasRepeatedKey(IQueryCollection query)
        {
            foreach (var pair in query)
                if (pair.Value.Count > 1) return true;
            return false;
        }

        /// <summary>
        /// This process's cache may share a page between visitors of one language; nothing else may: the page depends
        /// on the culture and sign-in cookies, so a shared proxy keying on the URL alone would serve one visitor's
        /// language (or signed-in page) to another. Set on every answer of these pages, served from the cache or not.
        /// </summary>
        private static Task MarkPrivate(object state)
        {
            var headers = ((HttpResponse)state).Headers;
            headers.CacheControl = "private";
            if (!headers.Vary.Any(v => v is not null && v.Contains("Cookie", StringComparison.OrdinalIgnoreCase)))
                headers.Vary = StringValues.Concat(headers.Vary, "Cookie");
            return Task.CompletedTask;
        }

        ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

        ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            var response = context.HttpContext.Response;
            if (response.StatusCode != StatusCodes.Status200OK || !StringValues.IsNullOrEmpty(response.Headers.SetCookie))
                context.AllowCacheStorage = false;
            return ValueTask.CompletedTask;
        }
    }
}
