using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Localization;
using Microsoft.OpenApi;
using Scalar.AspNetCore;
using TalentHub.Web.Infrastructure;
using TalentHub.Web.Services.Api;

namespace TalentHub.Web.Api;

/// <summary>Registers and maps the read-only API (issue 14): tokens, bearer scheme, JSON shape, OpenAPI and its reference page.</summary>
public static class ApiServiceCollectionExtensions
{
    public const string ReferencePath = "/api/reference";
    public const string DocumentPath = "/openapi/v1.json";

    /// <summary>The <c>Allow</c> header of every API path: the API is read-only.</summary>
    public const string ReadOnlyMethods = "GET, HEAD";

    public static IServiceCollection AddTalentHubApi(this IServiceCollection services)
    {
        services.AddScoped<ApiTokens>();
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder().AddApiPolicy();
        // camelCase is the web default; enums travel as their names.
        // A query value that does not bind (?limit=abc) is a 400 answered by the API's problem in every environment:
        // minimal APIs throw it instead under Development (the default of `dotnet run`), which the exception handler
        // turned into a 500 HTML page.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = false);
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.PostConfigure<RequestLocalizationOptions>(o => o.RequestCultureProviders.Add(new CustomRequestCultureProvider(AcceptLanguageOnApi)));
        services.AddOpenApi("v1", o =>
        {
            o.OpenApiVersion = OpenApiSpecVersion.OpenApi3_1;
            o.ShouldInclude = d => d.RelativePath?.StartsWith("api/v1", StringComparison.Ordinal) == true && d.HttpMethod != HttpMethods.Head;
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "TalentHub API", Version = "v1",
                    Description = "Read-only JSON API. Authenticate with `Authorization: Bearer <token>` (tokens are issued at /Admin/ApiTokens).",
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes["Bearer"] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http, Scheme = "bearer", BearerFormat = "opaque",
                    Description = "An API token issued at /Admin/ApiTokens.",
                };
                document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("Bearer", document)] = [] }];
                return Task.CompletedTask;
            });
        });
        return services;
    }

    /// <summary>The per-token limiter partition for an API request, or null for any other request.</summary>
    public static RateLimitPartition<string>? PartitionFor(HttpContext context, int permitsPerMinute)
    {
        if (!context.Request.Path.StartsWithSegments("/api") || ApiTokenAuthenticationHandler.SecretOf(context.Request) is not { } secret) return null;
        return RateLimitPartition.GetFixedWindowLimiter("api:" + ApiTokens.Hash(secret),
            _ => new FixedWindowRateLimiterOptions { PermitLimit = permitsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
    }

    public static WebApplication MapTalentHubApiAndDocs(this WebApplication app)
    {
        app.MapTalentHubApi();
        // An unknown API path answers as the API does (problem details), not with the HTML status page; without a usable
        // token it is the 401 every API path gives (review16: "no such record in this token's region" with no token at all).
        // Any method but GET and HEAD is a 405 naming them (the API is read-only; review34b: POST /api/v1/people was told
        // "no such record in this token's region").
        app.MapFallback("/api/v1/{**path}", async (HttpContext http) =>
            {
                if (!(await http.AuthenticateAsync(ApiTokenAuthenticationHandler.SchemeName)).Succeeded)
                {
                    await http.ChallengeAsync(ApiTokenAuthenticationHandler.SchemeName);
                    return Results.Empty;
                }
                // No resource has this address (or its id is not a number): said so, not "no such record in this token's
                // region", which sent an integrator looking for a record (probe37).
                if (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
                    return ApiProblems.Result(http, StatusCodes.Status404NotFound, http.RequestServices
                        .GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<SharedResource>>()["Api.Problem.404.Path", ReferencePath]);
                http.Response.Headers.Allow = ReadOnlyMethods;
                return ApiProblems.Result(http, StatusCodes.Status405MethodNotAllowed);
            })
            .AllowAnonymous().ExcludeFromDescription();
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapScalarApiReference(ReferencePath, o => o.WithTitle("TalentHub API").DisableDefaultFonts().WithOpenApiRoutePattern("/openapi/{documentName}.json"))
            .AllowAnonymous();
        return app;
    }

    /// <summary>Pages ignore the browser language by design; the API honours Accept-Language.</summary>
    private static Task<ProviderCultureResult?> AcceptLanguageOnApi(HttpContext context)
    {
        if (!context.Request.Path.StartsWithSegments("/api")) return Task.FromResult<ProviderCultureResult?>(null);
        var languages = context.Request.GetTypedHeaders().AcceptLanguage.OrderByDescending(l => l.Quality ?? 1).Select(l => l.Value.Value ?? "");
        foreach (var lang in languages)
        {
            if (lang.StartsWith("en", StringComparison.OrdinalIgnoreCase)) return Task.FromResult<ProviderCultureResult?>(new("en"));
            if (lang.StartsWith("zh", StringComparison.OrdinalIgnoreCase)) return Task.FromResult<ProviderCultureResult?>(new("zh-CN"));
        }
        return Task.FromResult<ProviderCultureResult?>(null);
    }
}
