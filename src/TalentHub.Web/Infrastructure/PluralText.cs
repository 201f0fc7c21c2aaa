using System.Globalization;
using Microsoft.Extensions.Localization;

namespace TalentHub.Web.Infrastructure;

/// <summary>
/// Counted texts ("Import 1 row" / "Import 3 rows"): the one mechanism for plural nouns in resources. A text whose
/// count is followed by a countable noun has an English sibling named <c>{name}.One</c> with the singular form; the
/// Chinese resource has no such sibling because Chinese nouns have no plural (条、人、个 stay the same). The rule is
/// kept by <c>PluralResourceTests</c>, which refuses an English "{n} rows" text without its <c>.One</c>.
/// </summary>
public static class PluralText
{
    /// <summary>Suffix of the singular sibling of a counted resource name.</summary>
    public const string OneSuffix = ".One";

    /// <summary>
    /// The text <paramref name="name"/> for <paramref name="count"/> things in the current UI culture: its <c>.One</c>
    /// sibling when the count is exactly 1 and the language has a singular form (not Chinese), else the text itself.
    /// </summary>
    /// <param name="l">Localizer of the shared resources.</param>
    /// <param name="name">Resource name of the plural text.</param>
    /// <param name="count">The number that chooses the form (hours may be fractional: 1.5 hours).</param>
    /// <param name="arguments">Format arguments ({0}, {1}, …); when none are given the count alone fills {0}.</param>
    public static LocalizedString Plural(this IStringLocalizer l, string name, decimal count, params object[] arguments)
    {
        var args = arguments.Length == 0 ? [count] : arguments;
        if (count == 1 && HasSingular(CultureInfo.CurrentUICulture))
        {
            var one = l[name + OneSuffix, args];
            if (!one.ResourceNotFound) return one;
        }
        return l[name, args];
    }

    /// <summary>Whether texts in <paramref name="culture"/> change with the count: false for Chinese, true otherwise.</summary>
    public static bool HasSingular(CultureInfo culture) => culture.TwoLetterISOLanguageName != "zh";
}
