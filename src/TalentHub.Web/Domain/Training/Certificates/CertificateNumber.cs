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

    [GeneratedRegex(@"^TH-\d{4}-\d{6}-\d{5,}$")]
    private static partial Regex Pattern();
}
