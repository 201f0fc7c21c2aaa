using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using TalentHub.Web.Data;
using TalentHub.Web.Domain;
using TalentHub.Web.Api;
using TalentHub.Web.Infrastructure.Security;

namespace TalentHub.Web.Infrastructure;

/// <summary>Razor Pages, data protection (key ring shared in the database on PostgreSQL), authorization policies, the API, health checks and request limits.</summary>
public static class WebServiceCollectionExtensions
{
    public const string LoginPath = "/Identity/Account/Login";

    /// <summary>Identity pages open without signing in; the Manage folder needs a signed-in user.</summary>
    private static readonly string[] AnonymousAccountPages =
        ["Login", "LoginWith2fa", "LoginWithRecoveryCode", "Logout", "Register", "AccessDenied", "ResetWithCode", "ForgotPassword", "ResetPassword"];

    public static IServiceCollection AddTalentHubWeb(this IServiceCollection services, IConfiguration configuration, DataDirectory data)
    {
        // On PostgreSQL the key ring is shared by every node through the database (issue 15), so a cookie,
        // antiforgery token or TempData written by one node is read by any other; on SQLite (one node) a folder.
        var dataProtection = services.AddDataProtection().SetApplicationName("TalentHub");
        if (configuration.UsesPostgres()) dataProtection.PersistKeysToDbContext<TalentHubDbContext>();
        else dataProtection.PersistKeysToFileSystem(new DirectoryInfo(data.Keys));
        dataProtection.ProtectKeysAtRest(configuration);
        services.AddRazorPages(o =>
            {
                o.Conventions.AuthorizeFolder("/");
                o.Conventions.AllowAnonymousToPage("/Index");
                o.Conventions.AllowAnonymousToPage("/Error");
                o.Conventions.AllowAnonymousToPage("/StatusCode");
                o.Conventions.AllowAnonymousToPage("/Culture");
                o.Conventions.AllowAnonymousToFolder("/Training/Catalog");
                // An area folder groups pages without showing in their URLs: Pages/Training/Courses/Index answers at /Courses.
                o.Conventions.AddFolderRouteModelConvention("/Training", model =>
                {
                    foreach (var selector in model.Selectors)
                        if (selector.AttributeRouteModel?.Template is { } template && template.StartsWith("Training/", StringComparison.Ordinal))
                            selector.AttributeRouteModel.Template = template["Training/".Length..];
                });
                foreach (var page in AnonymousAccountPages) o.Conventions.AllowAnonymousToAreaPage("Identity", "/Account/" + page);
                o.Conventions.AuthorizeAreaFolder("Identity", "/Account/Manage");
                // Admin pages are for admins; staff accounts may also be managed by city officers.
                o.Conventions.AddFolderApplicationModelConvention("/Admin", model => model.EndpointMetadata.Add(
                    model.ViewEnginePath.StartsWith("/Admin/Users/", StringComparison.Ordinal) || model.ViewEnginePath == "/Admin/ApiTokens"
                        ? new Microsoft.AspNetCore.Authorization.AuthorizeAttribute(Policies.CityManager)
                        : new Microsoft.AspNetCore.Authorization.AuthorizeAttribute(Policies.Admin)));
            })
            .AddViewLocalization(LanguageViewLocationExpanderFormat.Suffix)
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, f) => f.Create(typeof(SharedResource)));
        // The "required" message MVC adds by itself to value-type fields, in the page's language (fix23).
        services.Replace(ServiceDescriptor.Singleton<Microsoft.AspNetCore.Mvc.DataAnnotations.IValidationAttributeAdapterProvider, ImplicitRequiredAdapters>());
        services.AddOptions<Microsoft.AspNetCore.Mvc.MvcOptions>().Configure<IStringLocalizerFactory>((o, factory) =>
        {
            // Model-binding messages (a letter in a number field, an empty required value) in the user's language.
            var l = factory.Create(typeof(SharedResource));
            // One text normalisation for every bound string (issue 8, item 13).
            o.ModelBinderProviders.Insert(0, new NormalizingStringBinderProvider());
            // A check box posted with a value that is not a boolean is a field error, not a 500 when the form is shown again.
            o.ModelBinderProviders.Insert(0, new BooleanBinderProvider());
            // A post that names no handler of the page is a 404, not the page rendered over an unloaded model.
            o.Filters.Add<UnmatchedHandlerFilter>();
            o.Filters.Add<NoStoreFilesFilter>();
            var m = o.ModelBindingMessageProvider;
            // The binder passes this accessor the posted value (empty or blank), not the field: "请填写。" / " is required." came
            // out of ?Year= (review34a). Fields with a [Display] name are named by FieldNamedBindingMessages.
            m.SetValueMustNotBeNullAccessor(_ => l["Validation.ValueRequired"]);
            m.SetMissingBindRequiredValueAccessor(v => l["Validation.ValueMustNotBeNull", v]);
            m.SetMissingKeyOrValueAccessor(() => l["Validation.ValueRequired"]);
            m.SetMissingRequestBodyRequiredValueAccessor(() => l["Validation.ValueRequired"]);
            m.SetAttemptedValueIsInvalidAccessor((value, field) => l["Validation.AttemptedValueIsInvalid", value, field]);
            m.SetNonPropertyAttemptedValueIsInvalidAccessor(value => l["Validation.NonPropertyAttemptedValueIsInvalid", value]);
            m.SetUnknownValueIsInvalidAccessor(field => l["Validation.UnknownValueIsInvalid", field]);
            m.SetNonPropertyUnknownValueIsInvalidAccessor(() => l["Validation.NonPropertyUnknownValueIsInvalid"]);
            m.SetValueIsInvalidAccessor(value => l["Validation.NonPropertyAttemptedValueIsInvalid", value]);
            m.SetValueMustBeANumberAccessor(field => l["Validation.ValueMustBeANumber", field]);
            m.SetNonPropertyValueMustBeANumberAccessor(() => l["Validation.NonPropertyValueMustBeANumber"]);
            o.ModelMetadataDetailsProviders.Add(new FieldNamedBindingMessages(l));
            o.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
            // Dates outside 1900–2199 are refused at binding (bad filter values never reach date arithmetic).
            o.ModelBinderProviders.Insert(0, new BoundedDateBinderProvider());
            // One value per single-valued enum: "A,B" or A&B is refused, not ORed into a third value (review11).
            o.ModelBinderProviders.Insert(0, new SingleEnumBinderProvider());
            // Full-width digits, sign and decimal point in number fields, as a Chinese input method types them (review12).
            o.ModelBinderProviders.Insert(0, new NarrowFormBinderProvider(o.ModelBinderProviders));
        });
        services.AddAuthorizationBuilder().AddTalentHubPolicies();
        services.AddTalentHubApi();
        services.AddHealthChecks()
            .AddDbContextCheck<TalentHubDbContext>("database");
        services.AddTalentHubRequestLimits(configuration);
        services.AddAnonymousPageCache();
        return services;
    }

    public static WebApplication UseTalentHubPipeline(this WebApplication app)
    {
        // Client address and scheme from the configured proxies only, before anything reads them.
        app.UseForwardedHeaders();
        app.UseSecurityHeaders();
        // Culture first, so the re-executed error pages keep the language of the original request.
        app.UseRequestLocalization();
        app.UseCultureFromQueryString();
        // An API request that fails answers as the API does (a 500 problem in the request's language), not with the HTML error
        // page of a signed-in user (review37b: ?to=9999-12-31 on /api/v1/courses gave an HTML page with a logout form).
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api/v1"), api =>
        {
            // Every API answer is Cache-Control: no-store (review37b: the lists, records and streams of people with names,
            // masked or full ID numbers and mobiles came with no caching header at all, unlike the pages that reveal them).
            // Set as the response starts, after anything else (the exception handler, an outage answer) cleared the headers.
            api.Use((c, next) =>
            {
                c.Response.OnStarting(() =>
                {
                    c.Response.Headers.CacheControl = "no-store";
                    c.Response.Headers.Pragma = "no-cache";
                    return Task.CompletedTask;
                });
                return next(c);
            });
            api.UseExceptionHandler(new ExceptionHandlerOptions
            {
                ExceptionHandler = c => Services.Api.ApiProblems.WriteAsync(c, StatusCodes.Status500InternalServerError),
            });
        });
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api/v1"), pages => pages.UseExceptionHandler("/Error"));
        // The database briefly unreachable (a PostgreSQL restart): 503 + Retry-After and a page that needs no database.
        app.UseDatabaseOutageAnswer();
        if (!app.Environment.IsDevelopment()) app.UseHsts();
        // The API answers an empty error (e.g. a query value that does not bind: ?limit=abc) with a problem, not the HTML page;
        // a 400 of binding names the parameter that did not read (review10).
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"),
            api => api.UseStatusCodePages(c => Services.Api.ApiProblems.WriteAsync(c.HttpContext, c.HttpContext.Response.StatusCode,
                c.HttpContext.Response.StatusCode == StatusCodes.Status400BadRequest ? Api.ApiBindingFailures.Detail(c.HttpContext) : null)));
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api"),
            pages => pages.UseStatusCodePagesWithReExecute("/StatusCode", "?code={0}"));
        app.UseStaticFiles();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAddressLimits();
        app.UseRequestConnection();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseTwoFactorEnrolment();
        // After authentication: the anonymous-page policy must see who is signed in (they are never served from the cache).
        app.UseOutputCache();
        app.MapHealthChecks("/healthz").AllowAnonymous();
        app.MapRazorPages();
        app.MapTalentHubApiAndDocs();
        return app;
    }
}
