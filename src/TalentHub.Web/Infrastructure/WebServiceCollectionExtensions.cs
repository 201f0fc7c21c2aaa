using System.Threading.RateLimiting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using TalentHub.Web.Data;
using TalentHub.Web.Domain;

namespace TalentHub.Web.Infrastructure;

public static class WebServiceCollectionExtensions
{
    public const string LoginPath = "/Identity/Account/Login";

    public static IServiceCollection AddTalentHubWeb(this IServiceCollection services, IConfiguration configuration, DataDirectory data)
    {
        services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(data.Keys)).SetApplicationName("TalentHub");
        services.AddRazorPages(o =>
            {
                o.Conventions.AuthorizeFolder("/");
                o.Conventions.AllowAnonymousToPage("/Index");
                o.Conventions.AllowAnonymousToPage("/Error");
                o.Conventions.AllowAnonymousToPage("/StatusCode");
                o.Conventions.AllowAnonymousToPage("/Culture");
                o.Conventions.AllowAnonymousToFolder("/Catalog");
                o.Conventions.AllowAnonymousToAreaFolder("Identity", "/Account");
                o.Conventions.AuthorizeFolder("/Admin", "Admin");
            })
            .AddViewLocalization(LanguageViewLocationExpanderFormat.Suffix)
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, f) => f.Create(typeof(SharedResource)));
        services.AddAuthorizationBuilder().AddPolicy("Admin", p => p.RequireRole(Roles.Admin));
        services.AddHealthChecks()
            .AddDbContextCheck<TalentHubDbContext>("database");
        services.AddRateLimiter(o =>
        {
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                if (!HttpMethods.IsPost(context.Request.Method) || !context.Request.Path.StartsWithSegments(LoginPath))
                    return RateLimitPartition.GetNoLimiter("");
                var permits = context.RequestServices.GetRequiredService<IOptions<TalentHubOptions>>().Value.LoginAttemptsPerMinute;
                return RateLimitPartition.GetFixedWindowLimiter(
                    "login:" + context.Connection.RemoteIpAddress,
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
            });
            o.OnRejected = async (rejected, token) =>
            {
                var l = rejected.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
                rejected.HttpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                rejected.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                await rejected.HttpContext.Response.WriteAsync(l["Login.TooManyAttempts"], token);
            };
        });
        return services;
    }

    public static WebApplication UseTalentHubPipeline(this WebApplication app)
    {
        // Culture first, so the re-executed error pages keep the language of the original request.
        app.UseRequestLocalization();
        app.UseCultureFromQueryString();
        app.UseExceptionHandler("/Error");
        if (!app.Environment.IsDevelopment()) app.UseHsts();
        app.UseStatusCodePagesWithReExecute("/StatusCode", "?code={0}");
        app.UseStaticFiles();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapHealthChecks("/healthz").AllowAnonymous();
        app.MapRazorPages();
        return app;
    }
}
