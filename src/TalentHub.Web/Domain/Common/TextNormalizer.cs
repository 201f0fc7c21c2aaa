using System.Globalization;
using System.Text;

namespace TalentHub.Web.Domain.Common;

/// <summary>
/// The one normalisation of typed and imported text (issue 8, item 13): Unicode NFKC (full-width digits and
/// letters become ASCII, the ideographic space a plain space), invisible and format characters removed
/// (zero-width spaces and joiners, BOM, soft hyphen, direction marks, other controls; line breaks and tabs
/// are kept for multi-line notes), spaces trimmed. Used by model binding, imports, the identifier parsers
/// and the name setters, so a name or identifier means the same whichever way it arrived.
/// </summary>
public static class TextNormalizer
{
    /// <summary>The normalised text, or null when nothing visible is left.</summary>
    public static string? Clean(string? input)
    {
        if (input is null) return null;
        var text = Normalize(input);
        return text.Length == 0 ? null : text;
    }

    /// <summary>The normalised text ("" for null).</summary>
    public static string Normalize(string? input)
    {
        if (string.IsNullOrEmpty(input)) return "";
        if (IsPlain(input)) return input.Trim();
        var composed = input.IsNormalized(NormalizationForm.FormKC) ? input : input.Normalize(NormalizationForm.FormKC);
        var builder = new StringBuilder(composed.Length);
        foreach (var rune in composed.EnumerateRunes())
            if (!IsInvisible(rune)) builder.Append(rune.ToString());
        return builder.ToString().Trim();
    }

    /// <summary>Characters that show nothing: format (Cf), controls other than tab and line breaks, Hangul fillers, unpaired surrogates.</summary>
    public static bool IsInvisible(Rune rune)
    {
        var category = Rune.GetUnicodeCategory(rune);
        return category switch
        {
            UnicodeCategory.Format => true,
            UnicodeCategory.Control => rune.Value is not ('\t' or '\n' or '\r'),
            UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse => true,
            _ => rune.Value is 0x115F or 0x1160 or 0x3164 or 0xFFA0 or 0x2800,
        };
    }

    /// <summary>Printable ASCII (plus tab and line breaks) needs nothing but a trim: the fast path for most input.</summary>
    private static bool IsPlain(string input)
    {
        foreach (var c in input)
            if (c is > '~' or (< ' ' and not ('\t' or '\n' or '\r'))) return false;
        return true;
    }
}
