using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace TalentHub.Web.Infrastructure.Security;

/// <summary>
/// Per-address ceilings (generous: a classroom of 40 farmers shares one Wi-Fi address) on the login and
/// sign-up posts, the per-account throttle behind <see cref="ILoginThrottle"/>, and forwarded headers
/// trusted only from the proxies named in configuration, so client addresses, <c>Secure</c> cookies and
/// HSTS are right behind TLS termination.
/// </summary>
public static class RequestLimits
{
    /// <summary>Posts that try a password or a second factor.</summary>
    public static readonly string[] LoginPosts =
        ["/Identity/Account/Login", "/Identity/Account/LoginWith2fa", "/Identity/Account/LoginWithRecoveryCode"];
    public const string SignUpPost = "/Identity/Account/Register";

    public static IServiceCollection AddTalentHubRequestLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<LoginThrottleOptions>(configuration.GetSection(LoginThrottleOptions.Section));
        // Several nodes share one PostgreSQL database: the counts live there. SQLite runs one node: memory.
        if (Data.DataServiceCollectionExtensions.UsesPostgres(configuration)) services.AddSingleton<ILoginThrottle, DatabaseLoginThrottle>();
        else services.AddSingleton<ILoginThrottle, MemoryLoginThrottle>();
        services.Configure<ForwardedHeadersOptions>(o => ConfigureProxies(o, configuration.GetSection("TalentHub:ForwardedHeaders")));
        services.AddRateLimiter(o =>
        {
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(PartitionFor);
            o.OnRejected = async (rejected, token) =>
            {
                var response = rejected.HttpContext.Response;
                if (rejected.HttpContext.Request.Path.StartsWithSegments("/api"))
                {
                    // The API answers as it always does: a problem document, with Retry-After (issue 14).
                    var apiRetry = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var apiWait) ? apiWait : TimeSpan.FromMinutes(1);
                    response.Headers.RetryAfter = ((int)Math.Ceiling(apiRetry.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                    await Services.Api.ApiProblems.WriteAsync(rejected.HttpContext, StatusCodes.Status429TooManyRequests, ct: token);
                    return;
                }
                var l = rejected.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                response.StatusCode = StatusCodes.Status429TooManyRequests;
                response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                response.ContentType = "text/plain; charset=utf-8";
                var signUp = rejected.HttpContext.Request.Path.Equals(SignUpPost, StringComparison.OrdinalIgnoreCase);
                await response.WriteAsync(l[signUp ? "Register.TooMany" : "Login.TooManyAttempts"], token);
            };
        });
        return services;
    }

    /// <summary>X-Forwarded-For/-Proto only from the configured proxies (KnownProxies: addresses; KnownNetworks: CIDR).</summary>
    internal static void ConfigureProxies(ForwardedHeadersOptions o, IConfiguration section)
    {
        o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        o.KnownProxies.Clear();
        o.KnownIPNetworks.Clear();
        foreach (var proxy in section.GetSection("KnownProxies").Get<string[]>() ?? [])
            o.KnownProxies.Add(IPAddress.Parse(proxy));
        foreach (var network in section.GetSection("KnownNetworks").Get<string[]>() ?? [])
            o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
    }

    private static RateLimitPartition<string> PartitionFor(HttpContext context)
    {
        var options = context.RequestServices.GetRequiredService<IOptions<TalentHubOptions>>().Value;
        // Per API token (issue 14).
        if (Api.ApiServiceCollectionExtensions.PartitionFor(context, options.ApiRequestsPerMinute) is { } api) return api;
        if (!HttpMethods.IsPost(context.Request.Method)) return RateLimitPartition.GetNoLimiter("");
        var path = context.Request.Path;
        var address = context.Connection.RemoteIpAddress?.ToString() ?? "";
        if (LoginPosts.Any(p => path.Equals(p, StringComparison.OrdinalIgnoreCase)))
            return RateLimitPartition.GetFixedWindowLimiter("login:" + address, _ => new FixedWindowRateLimiterOptions
                { PermitLimit = options.LoginAttemptsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
        if (path.Equals(SignUpPost, StringComparison.OrdinalIgnoreCase))
            return RateLimitPartition.GetFixedWindowLimiter("signup:" + address, _ => new FixedWindowRateLimiterOptions
                { PermitLimit = options.SignUpsPerHour, Window = TimeSpan.FromHours(1), QueueLimit = 0 });
        return RateLimitPartition.GetNoLimiter("");
    }
}
