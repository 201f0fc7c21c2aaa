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
    /// <summary>Free text as typed: composed (NFC), invisible characters removed, trimmed; null when nothing visible is left.</summary>
    public static string? Tidy(string? input)
    {
        if (string.IsNullOrEmpty(input)) return null;
        var text = IsPlain(input) ? input.Trim() : Strip(input.IsNormalized(NormalizationForm.FormC) ? input : input.Normalize(NormalizationForm.FormC));
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

    /// <summary>Printable ASCII (plus tab and line breaks) needs nothing but a trim: the fast path for most input.</summary>
    private static bool IsPlain(string input)
    {
        foreach (var c in input)
            if (c is > '~' or (< ' ' and not ('\t' or '\n' or '\r'))) return false;
        return true;
    }
}
