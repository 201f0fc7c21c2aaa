using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace TalentHub.Web.Infrastructure.Security;

/// <summary>
/// Per-address ceilings (generous: a classroom of 40 farmers shares one Wi-Fi address) on the login and
/// sign-up posts (counted by <see cref="AddressLimitsMiddleware"/>), the per-account throttle behind <see cref="ILoginThrottle"/>, and forwarded headers
/// trusted only from the proxies named in configuration, so client addresses, <c>Secure</c> cookies and
/// HSTS are right behind TLS termination.
/// </summary>
public static class RequestLimits
{
    /// <summary>Posts that try a password or a second factor.</summary>
    public static readonly string[] LoginPosts =
        ["/Identity/Account/Login", "/Identity/Account/LoginWith2fa", "/Identity/Account/LoginWithRecoveryCode"];
    public const string SignUpPost = "/Identity/Account/Register";
    /// <summary>Asking for a reset code by SMS or a reset link by e-mail (issue 10 item 7).</summary>
    public const string PasswordHelpPost = "/Identity/Account/ForgotPassword";

    public static IServiceCollection AddTalentHubRequestLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<LoginThrottleOptions>(configuration.GetSection(LoginThrottleOptions.Section));
        // Several nodes share one PostgreSQL database: the counts live there. SQLite runs one node: memory.
        if (Data.DataServiceCollectionExtensions.UsesPostgres(configuration))
        {
            services.AddSingleton<ILoginThrottle, DatabaseLoginThrottle>();
            services.AddSingleton<DatabaseAddressLimits>();
            services.AddSingleton<IAddressLimits>(sp => sp.GetRequiredService<DatabaseAddressLimits>());
        }
        else
        {
            services.AddSingleton<ILoginThrottle, MemoryLoginThrottle>();
            services.AddSingleton<IAddressLimits, MemoryAddressLimits>();
        }
        services.Configure<ForwardedHeadersOptions>(o => ConfigureProxies(o, configuration.GetSection("TalentHub:ForwardedHeaders")));
        services.AddRateLimiter(o =>
        {
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(PartitionFor);
            o.OnRejected = (rejected, token) => new ValueTask(RejectAsync(rejected.HttpContext,
                rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1), token));
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

    /// <summary>One per-address ceiling: its name, the client address, how many posts per fixed window.</summary>
    public sealed record AddressPolicy(string Name, string Address, int Limit, TimeSpan Window)
    {
        /// <summary>The index of the fixed window (aligned to the UTC clock) holding <paramref name="at"/>.</summary>
        public long WindowAt(DateTimeOffset at) => at.UtcTicks / Window.Ticks;

        /// <summary>When window <paramref name="index"/> ends (UTC).</summary>
        public DateTimeOffset WindowEnd(long index) => new((index + 1) * Window.Ticks, TimeSpan.Zero);
    }

    /// <summary>The per-address ceiling a request counts against (login tries per minute, password help and sign-ups per hour), or null.</summary>
    public static AddressPolicy? AddressPolicyFor(HttpContext context, TalentHubOptions options)
    {
        if (!HttpMethods.IsPost(context.Request.Method)) return null;
        var path = context.Request.Path;
        var address = context.Connection.RemoteIpAddress?.ToString() ?? "";
        if (LoginPosts.Any(p => path.Equals(p, StringComparison.OrdinalIgnoreCase)))
            return new("login", address, options.LoginAttemptsPerMinute, TimeSpan.FromMinutes(1));
        if (path.Equals(PasswordHelpPost, StringComparison.OrdinalIgnoreCase))
            return new("help", address, options.PasswordHelpPerHour, TimeSpan.FromHours(1));
        if (path.Equals(SignUpPost, StringComparison.OrdinalIgnoreCase))
            return new("signup", address, options.SignUpsPerHour, TimeSpan.FromHours(1));
        return null;
    }

    /// <summary>Answers 429 with Retry-After (whole seconds) and the localized reason: a problem document on the API.</summary>
    public static async Task RejectAsync(HttpContext context, TimeSpan retryAfter, CancellationToken ct = default)
    {
        var response = context.Response;
        response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            // The API answers as it always does: a problem document, with Retry-After (issue 14).
            await Services.Api.ApiProblems.WriteAsync(context, StatusCodes.Status429TooManyRequests, ct: ct);
            return;
        }
        var l = context.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        response.ContentType = "text/plain; charset=utf-8";
        var signUp = context.Request.Path.Equals(SignUpPost, StringComparison.OrdinalIgnoreCase);
        var help = context.Request.Path.Equals(PasswordHelpPost, StringComparison.OrdinalIgnoreCase);
        await response.WriteAsync(l[signUp ? "Register.TooMany" : help ? "PasswordHelp.TooMany" : "Login.TooManyAttempts"], ct);
    }

    private static RateLimitPartition<string> PartitionFor(HttpContext context)
    {
        var options = context.RequestServices.GetRequiredService<IOptions<TalentHubOptions>>().Value;
        // Per API token (issue 14).
        if (Api.ApiServiceCollectionExtensions.PartitionFor(context, options.ApiRequestsPerMinute) is { } api) return api;
        // The per-address ceilings are counted by AddressLimitsMiddleware (in the database on PostgreSQL, in memory on
        // SQLite), which can give back a post answered "busy, try again"; a fixed-window limiter cannot.
        return RateLimitPartition.GetNoLimiter("");
    }
}
