using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using TalentHub.Web;

namespace TalentHub.UnitTests.Builders;

/// <summary>The app's resource texts (SharedResource, zh-CN and en) as pages and jobs get them, in the current UI culture.</summary>
public static class Texts
{
    /// <summary>The app's string localizer; switch <see cref="System.Globalization.CultureInfo.CurrentUICulture"/> for English.</summary>
    public static readonly IStringLocalizer<SharedResource> L = new StringLocalizer<SharedResource>(Factory());

    /// <summary>A new resource-manager localizer factory reading the app's Resources folder.</summary>
    public static ResourceManagerStringLocalizerFactory Factory() => new(
        Microsoft.Extensions.Options.Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance);
}
