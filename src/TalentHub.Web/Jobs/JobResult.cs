using System.Globalization;
using Microsoft.Extensions.Localization;
using TalentHub.Web.Infrastructure;

namespace TalentHub.Web.Jobs;

/// <summary>
/// A job's one-line result, stored as a resource key with its number ("Jobs.Result.Delivered|3") so
/// /Admin/Jobs shows it in the reader's language. Anything else (a file name, an error) is shown as is.
/// </summary>
public static class JobResult
{
    private const string Prefix = "Jobs.Result.";

    /// <summary>The stored form of a result: "Jobs.Result.{key}", plus "|{count}" when a count is given.</summary>
    public static string Of(string key, int? count = null) => Prefix + key + (count is null ? "" : "|" + count);

    /// <summary>A stored result in the reader's language (the count fills {0}); text not in the stored form is returned unchanged.</summary>
    public static string? Show(string? stored, IStringLocalizer l)
    {
        if (stored is null || !stored.StartsWith(Prefix, StringComparison.Ordinal)) return stored;
        var parts = stored.Split('|', 2);
        if (parts.Length == 1) return l[parts[0]];
        // A counted result reads "1 reminder queued" / "3 reminders queued" (PluralText).
        return decimal.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var count)
            ? l.Plural(parts[0], count, parts[1]) : l[parts[0], parts[1]];
    }
}
