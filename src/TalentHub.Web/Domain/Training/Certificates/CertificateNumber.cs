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
    public static string Normalize(string? typed) => Common.TextNormalizer.Normalize(typed).ToUpperInvariant();

    // ASCII digits only: \d would also match other scripts' digits, which NFKC leaves as they are.
    [GeneratedRegex(@"^TH-[0-9]{4}-[0-9]{6}-[0-9]{5,}$")]
    private static partial Regex Pattern();
}
