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
/// crawled; refused requests get 429 with a localized sentence.
/// </summary>
public sealed class VerifyRateLimitPolicy(IOptions<VerifyLimitOptions> options) : IRateLimiterPolicy<string>
{
    public const string Name = "verify";

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected { get; } = async (rejected, token) =>
    {
        var l = rejected.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        rejected.HttpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        rejected.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
        await rejected.HttpContext.Response.WriteAsync(l["Verify.TooMany"], token);
    };

    public RateLimitPartition<string> GetPartition(HttpContext httpContext) =>
        RateLimitPartition.GetFixedWindowLimiter("verify:" + httpContext.Connection.RemoteIpAddress,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = Math.Max(1, options.Value.PerMinute), Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
}

public static class OutcomesServiceCollectionExtensions
{
    /// <summary>Attendance, check-in, completion, certificates, surveys and follow-ups (PRODUCT.md §5, attendance to follow-up).</summary>
    public static IServiceCollection AddTrainingOutcomes(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<AttendanceService>();
        services.AddScoped<CheckInService>();
        services.AddScoped<CompletionService>();
        services.AddScoped<CertificateService>();
        services.AddScoped<FollowUpService>();
        services.Configure<VerifyLimitOptions>(configuration.GetSection(VerifyLimitOptions.Section));
        services.AddRateLimiter(o => o.AddPolicy<string, VerifyRateLimitPolicy>(VerifyRateLimitPolicy.Name));
        return services;
    }
}
