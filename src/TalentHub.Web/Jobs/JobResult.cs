using Microsoft.Extensions.Localization;

namespace TalentHub.Web.Jobs;

/// <summary>
/// A job's one-line result, stored as a resource key with its number ("Jobs.Result.Delivered|3") so
/// /Admin/Jobs shows it in the reader's language. Anything else (a file name, an error) is shown as is.
/// </summary>
public static class JobResult
{
    private const string Prefix = "Jobs.Result.";

    public static string Of(string key, int? count = null) => Prefix + key + (count is null ? "" : "|" + count);

    public static string? Show(string? stored, IStringLocalizer l)
    {
        if (stored is null || !stored.StartsWith(Prefix, StringComparison.Ordinal)) return stored;
        var parts = stored.Split('|', 2);
        return parts.Length == 2 ? l[parts[0], parts[1]] : l[parts[0]];
    }
}
