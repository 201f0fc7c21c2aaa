using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Localization;

namespace TalentHub.Web.Infrastructure;

/// <summary>The two UI cultures: zh-CN (default) and en, chosen by the culture cookie or <c>?culture=</c>.</summary>
public static class TalentHubCultures
{
    public const string Chinese = "zh-CN";
    public const string English = "en";
    public static readonly CultureInfo[] Cultures = [new(Chinese), new(English)];

    /// <summary>The one answer to "is this request shown in English?"; bilingual names and labels pick by it.</summary>
    public static bool IsEnglish => CultureInfo.CurrentUICulture.Name == English;

    public static IServiceCollection AddTalentHubLocalization(this IServiceCollection services)
    {
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        // Found strings are remembered per culture instead of taking ResourceManager's lock for each (issue 12).
        services.AddSingleton<ResourceManagerStringLocalizerFactory>();
        services.AddSingleton<IStringLocalizerFactory, CachingStringLocalizerFactory>();
        // Leave Chinese text readable in the HTML instead of &#x...; entities.
        services.AddSingleton(HtmlEncoder.Create(UnicodeRanges.All));
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(Chinese);
            o.SupportedCultures = Cultures;
            o.SupportedUICultures = Cultures;
            // Chinese by default whatever the browser says; the cookie or ?culture= switch to English.
            o.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider(),
                new CookieRequestCultureProvider(),
            ];
        });
        return services;
    }

    /// <summary>Remembers a ?culture= choice in the culture cookie so the next page keeps it.</summary>
    public static IApplicationBuilder UseCultureFromQueryString(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.Request.Query.ContainsKey("culture"))
            WriteCultureCookie(context.Response, CultureInfo.CurrentUICulture.Name);
        await next();
    });

    /// <summary>
    /// Sets the culture cookie to <paramref name="culture"/>, replacing any culture cookie this response already sets:
    /// <c>/Culture?culture=en</c> passes both <see cref="UseCultureFromQueryString"/> and the switcher, and each wrote
    /// its own Set-Cookie (two headers of one name; the last one wins in browsers, but that is luck, not a rule).
    /// </summary>
    public static void WriteCultureCookie(HttpResponse response, string culture) =>
        ResponseCookies.Replace(response,
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
}
