using System.Globalization;
using System.Text;

namespace TalentHub.Web.Domain.Common;

/// <summary>
/// The one normalisation of names and identifiers (issue 8, item 13): Unicode NFKC (full-width digits and
/// letters become ASCII, the ideographic space a plain space), invisible and format characters removed
/// (zero-width spaces and joiners, BOM, soft hyphen, direction marks, other controls; line breaks and tabs
/// are kept), spaces trimmed — applied by the identifier parsers, the name setters, search and log-in, so a
/// name or identifier means the same whichever way it arrived. Every other typed or imported text gets
/// <see cref="Tidy"/> (the same without NFKC, so Chinese full-width punctuation in a note or reason stays as written).
/// </summary>
public static class TextNormalizer
{
    /// <summary>
    /// Free text as typed: composed (NFC), invisible characters removed, line breaks made one "\n" each, trimmed; null when
    /// nothing visible is left. A browser posts a textarea's line breaks as "\r\n" but counts each as one character for its
    /// maxlength, so a note that fitted the box was refused as too long by the server (rev37a); now both count the same.
    /// </summary>
    public static string? Tidy(string? input)
    {
        if (string.IsNullOrEmpty(input)) return null;
        var text = IsPlain(input) ? input.Trim() : Strip(input.IsNormalized(NormalizationForm.FormC) ? input : input.Normalize(NormalizationForm.FormC));
        if (text.Contains('\r')) text = text.Replace("\r\n", "\n").Replace('\r', '\n');
        return text.Length == 0 ? null : text;
    }

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
        return Strip(input.IsNormalized(NormalizationForm.FormKC) ? input : input.Normalize(NormalizationForm.FormKC));
    }

    private static string Strip(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
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

    /// <summary>
    /// Printable ASCII (plus tab and line breaks) and CJK unified ideographs (U+3400–U+4DBF, U+4E00–U+9FFF) need
    /// nothing but a trim: none of them is invisible or has a canonical or compatibility decomposition, and none
    /// composes with a neighbour (Unicode Character Database: Decomposition_Mapping empty, Canonical_Combining_Class 0),
    /// so such text is already NFC and NFKC. The fast path for most input, Chinese names and villages included
    /// (issue 12: the normalisation check was ~5 % of a 100,000-row import's validation).
    /// </summary>
    private static bool IsPlain(string input)
    {
        foreach (var c in input)
            if (c is > '~' and not (>= '\u3400' and <= '\u4DBF' or >= '\u4E00' and <= '\u9FFF')
                or (< ' ' and not ('\t' or '\n' or '\r'))) return false;
        return true;
    }
}
