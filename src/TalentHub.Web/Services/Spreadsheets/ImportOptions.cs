using System.Globalization;
using TalentHub.Web.Infrastructure;

namespace TalentHub.Web.Services.Spreadsheets;

/// <summary>
/// Import settings: <c>TalentHub:Import:MaxUploadMegabytes</c> (environment
/// <c>TalentHub__Import__MaxUploadMegabytes</c>), default 5 MB.
/// </summary>
public sealed class ImportOptions
{
    public const double DefaultMaxUploadMegabytes = 5;

    public double MaxUploadMegabytes { get; init; } = DefaultMaxUploadMegabytes;

    public long MaxUploadBytes => (long)(MaxUploadMegabytes * 1024 * 1024);

    /// <summary>
    /// What a whole request may carry before it is cut off: twice the cap plus room for the form, so a
    /// moderately oversized file still arrives and is refused by the page with the cap in the message.
    /// </summary>
    public long RequestCeilingBytes => MaxUploadBytes * 2 + 1024 * 1024;

    /// <summary>The cap as shown in messages: "5", "0.5".</summary>
    public string CapText => MaxUploadMegabytes.ToString("0.##", CultureInfo.InvariantCulture);

    public static ImportOptions From(IConfiguration configuration)
    {
        var configured = configuration.GetValue<double?>($"{TalentHubOptions.Section}:Import:MaxUploadMegabytes");
        return new ImportOptions { MaxUploadMegabytes = configured is > 0 ? configured.Value : DefaultMaxUploadMegabytes };
    }
}
