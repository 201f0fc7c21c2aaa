namespace TalentHub.Web.Domain.Common;

/// <summary>
/// The one rule for an e-mail address on every form (people, staff accounts, password help): one "@" with a non-empty
/// local part before it and, after it, a domain of at least two dot-separated labels (letters, digits, hyphens; no label
/// empty or starting or ending with a hyphen), at most 254 characters, no spaces. <c>a@b</c> is refused: mail cannot be
/// delivered to a host without a domain (review16). Internationalised domains are accepted in their Unicode form.
/// </summary>
public static class EmailRule
{
    /// <summary>The longest address (RFC 5321 path limit less the brackets).</summary>
    public const int MaxLength = 254;

    /// <summary>Whether <paramref name="value"/> (already trimmed) is a deliverable-looking address by the rule above.</summary>
    public static bool IsValid(string value)
    {
        if (value.Length > MaxLength || value.Any(char.IsWhiteSpace)) return false;
        var at = value.IndexOf('@');
        if (at <= 0 || at != value.LastIndexOf('@')) return false;
        var labels = value[(at + 1)..].Split('.');
        return labels.Length >= 2 && labels.All(IsLabel) && !labels[^1].All(char.IsAsciiDigit);
    }

    private static bool IsLabel(string label) =>
        label.Length is > 0 and <= 63 && label[0] != '-' && label[^1] != '-' && label.All(c => char.IsLetterOrDigit(c) || c == '-');
}
