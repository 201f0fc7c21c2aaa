using System.Globalization;
using System.Text.RegularExpressions;

namespace TalentHub.Web.Domain.Training;

/// <summary>
/// Certificate numbers <c>TH-{year}-{county}-{serial}</c> (PRODUCT.md §5): the year of completion, the
/// 6-digit county code and a 5-digit serial that is gapless per county and year.
/// </summary>
public static partial class CertificateNumber
{
    /// <param name="countyCode">The 12-digit county code (only its first 6 digits are printed).</param>
    public static string Format(int year, string countyCode, int serial)
    {
        if (serial < 1) throw new ArgumentOutOfRangeException(nameof(serial));
        return string.Create(CultureInfo.InvariantCulture, $"TH-{year:D4}-{countyCode[..6]}-{serial:D5}");
    }

    /// <summary>True when the text has the shape of a number (so the lookup can answer 404 without a query).</summary>
    public static bool IsWellFormed(string? number) => number is not null && Pattern().IsMatch(number);

    /// <summary>
    /// A typed number in its printed form, like every typed identifier (<see cref="Common.TextNormalizer.Normalize"/>:
    /// NFKC, so full-width digits and hyphens become ASCII; invisible characters and surrounding spaces removed), with the
    /// prefix in upper case (th-2026-… is TH-2026-…; review12: those answered 404). "" for null.
    /// </summary>
    /// <remarks>
    /// rev37a: the four groups read off the paper with other separators — spaces, a dash (–, —), or none at all
    /// ("TH 2026 330523 00013", "TH202633052300013") — are the same number; those were refused as "not a certificate number".
    /// </remarks>
    public static string Normalize(string? typed)
    {
        var text = Common.TextNormalizer.Normalize(typed).ToUpperInvariant();
        return Groups().Match(text) is { Success: true } m
            ? string.Create(CultureInfo.InvariantCulture, $"TH-{m.Groups[1].Value}-{m.Groups[2].Value}-{m.Groups[3].Value}")
            : text;
    }

    [GeneratedRegex(@"^TH[\s\-\u2010-\u2015]*([0-9]{4})[\s\-\u2010-\u2015]*([0-9]{6})[\s\-\u2010-\u2015]*([0-9]{5,})$")]
    private static partial Regex Groups();

    // ASCII digits only: \d would also match other scripts' digits, which NFKC leaves as they are.
    [GeneratedRegex(@"^TH-[0-9]{4}-[0-9]{6}-[0-9]{5,}$")]
    private static partial Regex Pattern();
}
