using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace TalentHub.Web.Services.Training;

/// <summary>Certificate verification limit per client address ("TalentHub:Verify:PerMinute", default 30 a minute).</summary>
public sealed class VerifyLimitOptions
{
    public const string Section = "TalentHub:Verify";
    public int PerMinute { get; set; } = 30;
}

/// <summary>
/// The public /Verify page's limiter: a fixed window per client address, so the number space cannot be
/// crawled; refused requests get 429 with Retry-After and a localized sentence.
/// </summary>
public sealed class VerifyRateLimitPolicy(IOptions<VerifyLimitOptions> options) : IRateLimiterPolicy<string>
{
    public const string Name = "verify";

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected { get; } = async (rejected, token) =>
    {
        var l = rejected.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        rejected.HttpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        // When to try again, in whole seconds, as every other 429 of the app says it (RFC 9110 §10.2.3; review12: it was missing).
        var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
        rejected.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        rejected.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
        await rejected.HttpContext.Response.WriteAsync(l["Verify.TooMany"], token);
    };

    /// <summary>One window of one minute per client IP address, allowing <c>PerMinute</c> requests (at least 1), no queue.</summary>
    public RateLimitPartition<string> GetPartition(HttpContext httpContext) =>
        RateLimitPartition.GetFixedWindowLimiter("verify:" + httpContext.Connection.RemoteIpAddress,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = Math.Max(1, options.Value.PerMinute), Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
}

/// <summary>Registration of the training-outcome pieces that are not plain services (the /Verify rate limit).</summary>
public static class OutcomesServiceCollectionExtensions
{
    /// <summary>The public verification's rate limit (the outcomes services themselves are registered by AddTraining).</summary>
    public static IServiceCollection AddTrainingOutcomes(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<VerifyLimitOptions>(configuration.GetSection(VerifyLimitOptions.Section));
        services.AddRateLimiter(o => o.AddPolicy<string, VerifyRateLimitPolicy>(VerifyRateLimitPolicy.Name));
        return services;
    }
}
